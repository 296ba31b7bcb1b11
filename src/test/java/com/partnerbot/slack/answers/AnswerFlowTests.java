package com.partnerbot.slack.answers;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.knowledge.KnowledgeBase;

import org.springframework.beans.factory.annotation.Autowired;

import static com.partnerbot.SlackPayloadFiles.encodeForm;
import static com.partnerbot.SlackPayloadFiles.form;
import static com.partnerbot.SlackPayloadFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Questions through Slack: the answer card, its buttons, and the admin's reindex.
 */
class AnswerFlowTests extends EndToEndTests {

	/** A shared channel of the test's partner that no step has taken yet. */
	private String ownChannel() {
		return answerco.nextChannel();
	}

	@Autowired
	KnowledgeBase knowledge;

	private TestPartner answerco;

	private String partnerTeam;

	@BeforeEach
	void partner() {
		awaitIndexed(knowledge);
		answerco = newPartner("Answerco ", "Silver", 3);
		partnerTeam = answerco.team();
	}

	private StubSlackApi.Call ask(String channel, String question) {
		JsonObject mention = json("event_callback.app_mention.ext_shared.json");
		mention.addProperty("event_id", unique("Ev"));
		mention.getAsJsonObject("event").addProperty("team", partnerTeam);
		mention.getAsJsonObject("event").addProperty("channel", channel);
		mention.getAsJsonObject("event").addProperty("text", "<@W111> " + question);
		assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);
		List<StubSlackApi.Call> replies = slackApi.await("chat.postMessage", c -> channel.equals(c.arg("channel")), 1);
		assertThat(replies).hasSize(1);
		return replies.get(0);
	}

	private HttpResponse<String> click(String channel, String actionId, String value) {
		return click(partnerTeam, "U_CLICKER", channel, "1700000000.000100", actionId, value);
	}

	@Test
	void aQuestionGetsAnAnswerCardWithSourcesAndButtons() {
		String channel = ownChannel();
		StubSlackApi.Call reply = ask(channel, "what's the protection period on a registered deal?");
		assertThat(reply.arg("text")).contains("90 days");
		assertThat(reply.arg("blocks")).contains("Sources:", "deals/", AnswerBlocks.UPVOTE, AnswerBlocks.HAND_OFF);
	}

	@Test
	void aThumbsDownIsStored() {
		String channel = ownChannel();
		String answerId = answerId(ask(channel, "can I use MDF for a webinar?"));
		assertThat(click(channel, AnswerBlocks.DOWNVOTE, answerId).statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.postEphemeral", c -> channel.equals(c.arg("channel")), 1)).hasSize(1);
		assertThat(jdbc.sql("select feedback from assistant_question where id = ?")
			.param(UUID.fromString(answerId))
			.query(Integer.class)
			.single()).isEqualTo(-1);
		assertThat(api("GET", "/api/knowledge/gaps", null).body()).contains("can I use MDF for a webinar?");
	}

	@Test
	void anUnansweredQuestionGoesToAChannelManager() {
		String channel = ownChannel();
		StubSlackApi.Call reply = ask(channel, "what is the capital of Mongolia?");
		assertThat(reply.arg("text")).startsWith("I don't know");
		String answerId = answerId(reply);
		assertThat(click(channel, AnswerBlocks.HAND_OFF, answerId).statusCode()).isEqualTo(200);
		List<StubSlackApi.Call> alerts = slackApi.await("chat.postMessage",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("capital of Mongolia"), 1);
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).arg("text")).contains("Answerco");
		// a second click does not alert twice
		assertThat(click(channel, AnswerBlocks.HAND_OFF, answerId).statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.postEphemeral",
				c -> channel.equals(c.arg("channel")) && c.arg("text").contains("already"), 1))
			.hasSize(1);
		assertThat(slackApi.calls("chat.postMessage")
			.stream()
			.filter(c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("capital of Mongolia")))
			.hasSize(1);
	}

	@Test
	void anotherPartnerCannotVoteOnAnAnswer() {
		String channel = ownChannel();
		String answerId = answerId(ask(channel, "how long does the Analytics Suite Fundamentals course take?"));
		partnerTeam = unique("TO");
		registerPartner(unique("Otherco "), "Gold", partnerTeam);
		// from a direct message, so that identity lets the click through to the answer's
		// own check
		String dm = unique("D");
		assertThat(click(partnerTeam, "U_OTHER", dm, "1700000000.000100", AnswerBlocks.UPVOTE, answerId).statusCode())
			.isEqualTo(200);
		assertThat(slackApi.await("chat.postEphemeral",
				c -> dm.equals(c.arg("channel")) && c.arg("text").contains("nothing was recorded"), 1))
			.hasSize(1);
		assertThat(jdbc.sql("select feedback from assistant_question where id = ?")
			.param(UUID.fromString(answerId))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void partnerAskAnswersPrivately() {
		String channel = ownChannel();
		assertThat(partnerCommand(partnerTeam, null, channel, "ask how do I become a Gold partner?").statusCode())
			.isEqualTo(200);
		List<StubSlackApi.Call> ephemeral = slackApi.await("chat.postEphemeral", c -> channel.equals(c.arg("channel")),
				1);
		assertThat(ephemeral).hasSize(1);
		// the recorded command's user, who asked
		assertThat(ephemeral.get(0).arg("user")).isEqualTo(form("slash_command.form-urlencoded.txt").get("user_id"));
		assertThat(ephemeral.get(0).arg("blocks")).contains("Sources:");
	}

	@Test
	void anAdminReindexesWithProgressInOneDirectMessage() {
		String channel = ownChannel();
		long before = slackApi.calls("chat.update")
			.stream()
			.filter(c -> "W_ADMIN".equals(c.arg("channel")) && c.arg("text").contains("Reindex done"))
			.count();
		HttpResponse<String> ack = partnerCommand(StubSlackApi.TEAM, "W_ADMIN", channel, "reindex");
		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(ack.body()).contains("Reindexing", "direct messages");
		// from a channel partners read, progress and the report (file names, failures) go
		// to the admin alone
		List<StubSlackApi.Call> done = slackApi.await("chat.update",
				c -> "W_ADMIN".equals(c.arg("channel")) && c.arg("text").contains("Reindex done"), (int) before + 1);
		assertThat(done).hasSize((int) before + 1);
		assertThat(slackApi.calls("chat.postMessage").stream().filter(c -> channel.equals(c.arg("channel")))).isEmpty();
		assertThat(slackApi.calls("chat.update").stream().filter(c -> channel.equals(c.arg("channel")))).isEmpty();
	}

	@Test
	void onlyAdminsReindex() {
		HttpResponse<String> ack = partnerCommand(partnerTeam, null, null, "reindex");
		assertThat(ack.body()).contains("Only program admins");
	}

	@Test
	void inAChannelOtherPartnersMayReadOnlyWhatEveryPartnerMaySeeIsShown() {
		TestPartner gold = newPartner("Goldco ", "Gold");
		String mixed = unique("C");
		for (String[] ask : new String[][] { { gold.channel(), "1700000700.000100" },
				{ mixed, "1700000800.000100" } }) {
			JsonObject mention = json("event_callback.app_mention.ext_shared.json");
			mention.addProperty("event_id", unique("Ev"));
			mention.getAsJsonObject("event").addProperty("team", gold.team());
			mention.getAsJsonObject("event").addProperty("channel", ask[0]);
			mention.getAsJsonObject("event").addProperty("ts", ask[1]);
			mention.getAsJsonObject("event").addProperty("text", "<@W111> where is the Gold pricing sheet?");
			assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);
		}
		assertThat(slackApi.await("chat.postMessage", c -> gold.channel().equals(c.arg("channel")), 1)
			.get(0)
			.arg("blocks")).contains("gold/gold-pricing-sheet.md");
		assertThat(slackApi.await("chat.postMessage", c -> mixed.equals(c.arg("channel")), 1).get(0).arg("blocks"))
			.doesNotContain("gold/");

		JsonObject deal = json("event_callback.app_mention.ext_shared.json");
		deal.addProperty("event_id", unique("Ev"));
		deal.getAsJsonObject("event").addProperty("team", gold.team());
		deal.getAsJsonObject("event").addProperty("channel", mixed);
		deal.getAsJsonObject("event").addProperty("ts", "1700000900.000100");
		deal.getAsJsonObject("event")
			.addProperty("text", "<@W111> register Initech, initech.com, Analytics Suite, $50k, closing Q2");
		assertThat(slack().json(deal.toString()).statusCode()).isEqualTo(200);
		assertThat(slackApi
			.await("chat.postMessage",
					c -> mixed.equals(c.arg("channel")) && "1700000900.000100".equals(c.arg("thread_ts")), 1)
			.get(0)
			.arg("text")).contains("private to your company");
	}

	@Test
	void staffWhoseQuestionTheLibraryCannotAnswerAreNotSentToAChannelManager() {
		String manager = unique("W");
		slackApi.user(manager, StubSlackApi.TEAM);
		String dm = unique("D");
		new HandOffSteps(slack(), slackApi, unique("C")).askDirectly(StubSlackApi.TEAM, manager, dm,
				"1700004100.000100", "Can I bring my dog to the office?");
		StubSlackApi.Call answer = slackApi
			.await("chat.postMessage", c -> dm.equals(c.arg("channel")) && c.arg("text").startsWith("I don't know"), 1)
			.get(0);
		assertThat(answer.arg("text")).contains("add it to the library").doesNotContain("channel manager");
		assertThat(answer.arg("blocks")).doesNotContain(AnswerBlocks.HAND_OFF);
	}

}
