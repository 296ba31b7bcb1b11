package com.partnerbot.slack.answers;

import java.util.List;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.knowledge.KnowledgeBase;

import org.springframework.beans.factory.annotation.Autowired;

import static com.partnerbot.SlackPayloadFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot's assistant thread, with Slack's own payloads: suggested prompts when it opens,
 * and a "thinking" status while a question is answered.
 */
class AssistantThreadTests extends EndToEndTests {

	@Autowired
	KnowledgeBase knowledge;

	@BeforeEach
	void indexed() {
		awaitIndexed(knowledge);
	}

	@Test
	void anAssistantThreadOpensWithSuggestedPrompts() {
		String dm = unique("D");
		JsonObject started = json("event_callback.assistant_thread_started.json");
		started.addProperty("event_id", unique("Ev"));
		started.getAsJsonObject("event").getAsJsonObject("assistant_thread").addProperty("channel_id", dm);
		assertThat(slack().json(started.toString()).statusCode()).isEqualTo(200);
		List<StubSlackApi.Call> prompts = slackApi.await("assistant.threads.setSuggestedPrompts",
				c -> dm.equals(c.arg("channel_id")), 1);
		assertThat(prompts).hasSize(1);
		assertThat(prompts.get(0).arg("thread_ts")).isEqualTo("1726133698.626339");
		assertThat(prompts.get(0).arg("prompts")).contains("\"title\"", "\"message\"",
				"How long is a registered deal protected?");
	}

	@Test
	void aQuestionInTheAssistantThreadShowsAStatusUntilTheAnswerIsPosted() {
		String dm = unique("D");
		JsonObject message = json("event_callback.message.im.assistant_thread.json");
		message.addProperty("event_id", unique("Ev"));
		message.getAsJsonObject("event").addProperty("channel", dm);
		message.getAsJsonObject("event").addProperty("text", "How long is a registered deal protected?");
		assertThat(slack().json(message.toString()).statusCode()).isEqualTo(200);
		StubSlackApi.Call answer = slackApi.await("chat.postMessage", c -> dm.equals(c.arg("channel")), 1).get(0);
		assertThat(answer.arg("thread_ts")).isEqualTo("1726133698.626339");
		assertThat(answer.arg("text")).contains("90 days");
		List<StubSlackApi.Call> status = slackApi.calls("assistant.threads.setStatus")
			.stream()
			.filter(c -> dm.equals(c.arg("channel_id")))
			.toList();
		assertThat(status).hasSize(1);
		assertThat(status.get(0).arg("thread_ts")).isEqualTo("1726133698.626339");
		assertThat(status.get(0).arg("status")).isEqualTo(AssistantThreads.STATUS);
		assertThat(status.get(0).atNanos()).isLessThan(answer.atNanos());
		// an answer that comes quickly needs no placeholder to replace
		assertThat(slackApi.calls("chat.update").stream().filter(c -> dm.equals(c.arg("channel")))).isEmpty();
	}

}
