package com.partnerbot.slack.answers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.knowledge.KnowledgeBase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.partnerbot.SlackPayloadFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-off loop through Slack, over a small library of its own (so that new content
 * can be added): a question handed to the channel managers is claimed from the alert and
 * answered in its thread, and the answer reaches the partner where they asked; a question
 * the library could not answer goes to its content owner, and its asker hears when new
 * content answers it.
 */
class HandOffLoopTests extends EndToEndTests {

	static final Path CONTENT = Path.of("target", "test-data", "hand-off-content-" + UUID.randomUUID());

	static final String MANAGER = "W_MANAGER";

	@DynamicPropertySource
	static void library(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(CONTENT.resolve("deals"));
		Files.copy(Path.of("content-index/deals/deal-registration-faq.md"),
				CONTENT.resolve("deals/deal-registration-faq.md"));
		registry.add("partnerbot.content-dir", CONTENT::toString);
		registry.add("partnerbot.data-dir", () -> "target/test-data/hand-off-" + UUID.randomUUID());
		registry.add("partnerbot.knowledge.reindex-cron", () -> "-");
	}

	@Autowired
	KnowledgeBase knowledge;

	private HandOffSteps steps() {
		return new HandOffSteps(slack(), slackApi, ALERTS_CHANNEL);
	}

	private String partnerTeam;

	private String partnerChannel;

	@BeforeEach
	void partner() {
		awaitIndexed(knowledge);
		partnerTeam = unique("TH");
		partnerChannel = unique("C");
		registerPartner(unique("Handco "), "Silver", partnerTeam, partnerChannel);
		slackApi.user(MANAGER, StubSlackApi.TEAM);
	}

	private StubSlackApi.Call askInChannel(String ts, String question) {
		JsonObject mention = json("event_callback.app_mention.ext_shared.json");
		mention.addProperty("event_id", unique("Ev"));
		mention.getAsJsonObject("event").addProperty("team", partnerTeam);
		mention.getAsJsonObject("event").addProperty("channel", partnerChannel);
		mention.getAsJsonObject("event").addProperty("ts", ts);
		mention.getAsJsonObject("event").addProperty("text", "<@W111> " + question);
		assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);
		return slackApi.await("chat.postMessage", c -> partnerChannel.equals(c.arg("channel")), 1).get(0);
	}

	@Test
	void aQuestionAskedInADirectMessageIsClaimedAndAnsweredFromTheAlertsThread() {
		String dm = unique("D");
		String asked = "1700001000.000100";
		String answerId = AnswerFlowTests.answerId(
				steps().askDirectly(partnerTeam, "U_ASKER", dm, asked, "Can I bring my dog to Northwind Connect?"));
		assertThat(click(partnerTeam, "U_ASKER", dm, asked, AnswerBlocks.HAND_OFF, answerId).statusCode())
			.isEqualTo(200);

		JsonObject alert = steps().alertAbout("bring my dog");
		String alertText = alert.get("text").getAsString();
		// a direct message is named as one: a link to it would open nothing for the
		// manager
		assertThat(alertText).contains("in a direct message with me").doesNotContain("<#" + dm);
		String alertTs = alert.get("ts").getAsString();

		// a reply before anyone claims it stays among the managers
		steps().replyUnderAlert("W_COLLEAGUE", alertTs, "does anyone know?");
		assertThat(click(StubSlackApi.TEAM, MANAGER, ALERTS_CHANNEL, alertTs, HandOffs.CLAIM, answerId).statusCode())
			.isEqualTo(200);
		assertThat(slackApi.await("chat.update", c -> ALERTS_CHANNEL.equals(c.arg("channel"))
				&& alertTs.equals(c.arg("ts")) && c.arg("text").contains("Claimed by <@" + MANAGER + ">"), 1))
			.hasSize(1);

		steps().replyUnderAlert(MANAGER, alertTs,
				"Service dogs are welcome, see <https://northwind.example/connect|the venue page> <!channel>");
		List<StubSlackApi.Call> delivered = slackApi.await("chat.postMessage", c -> dm.equals(c.arg("channel"))
				&& asked.equals(c.arg("thread_ts")) && c.arg("text").contains("answered your question"), 1);
		assertThat(delivered).hasSize(1);
		assertThat(delivered.get(0).arg("text"))
			.contains("A channel manager", "Service dogs are welcome",
					"the venue page (https://northwind.example/connect)")
			.doesNotContain("<!channel>", "does anyone know");
		assertThat(
				slackApi.await(
						"chat.postMessage", c -> ALERTS_CHANNEL.equals(c.arg("channel"))
								&& alertTs.equals(c.arg("thread_ts")) && c.arg("text").contains("Sent to the partner"),
						1))
			.hasSize(1);
	}

	@Test
	void anUnanswerableQuestionGoesToTheContentOwnerAndNewContentTellsTheAsker() throws IOException {
		String asked = "1700002000.000100";
		StubSlackApi.Call reply = askInChannel(asked, "Can we pay our Northwind invoices in Bitcoin?");
		assertThat(reply.arg("text")).startsWith("I don't know");
		String answerId = AnswerFlowTests.answerId(reply);
		assertThat(click(partnerTeam, "U_ASKER", partnerChannel, asked, AnswerBlocks.HAND_OFF, answerId).statusCode())
			.isEqualTo(200);
		// the closest document's front matter names its owner
		assertThat(steps().alertAbout("invoices in Bitcoin").get("text").getAsString())
			.contains("in <#" + partnerChannel + ">", "content owner", "deal-desk@northwind.example");

		Files.writeString(CONTENT.resolve("deals/payments.md"), """
				---
				title: Paying Northwind invoices
				owner: finance@northwind.example
				---
				# Paying Northwind invoices

				Partners pay Northwind invoices by bank transfer or card. Northwind also accepts Bitcoin
				for invoices paid in full within 30 days.
				""");
		assertThat(api("POST", "/api/admin/reindex", null).statusCode()).isEqualTo(200);
		List<StubSlackApi.Call> told = slackApi.await("chat.postMessage", c -> partnerChannel.equals(c.arg("channel"))
				&& asked.equals(c.arg("thread_ts")) && c.arg("text").contains("now answers a question you asked"), 1);
		assertThat(told).hasSize(1);
		assertThat(told.get(0).arg("text")).contains("Bitcoin");
		assertThat(told.get(0).arg("blocks")).contains("deals/payments.md", AnswerBlocks.HAND_OFF);
	}

}
