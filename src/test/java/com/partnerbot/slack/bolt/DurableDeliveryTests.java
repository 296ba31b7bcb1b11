package com.partnerbot.slack.bolt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.SlackClientForTests;
import com.partnerbot.SlackPayloadFiles;
import com.partnerbot.StubSlackApi;
import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.platform.EmbeddedDatabase;
import com.partnerbot.platform.PlatformProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack does not send an acknowledged delivery again: an instance that acknowledges a
 * mention and dies before answering leaves it to another instance, which answers it once;
 * a delivery finished normally is never run again.
 */
class DurableDeliveryTests extends EndToEndTests {

	private static final String QUESTION = "what price does a Gold partner pay on a registered deal for Analytics Suite?";

	@Autowired
	PlatformProperties platform;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	DeliveryRecovery recovery;

	@BeforeEach
	void indexed() {
		awaitIndexed(knowledge);
	}

	/** A staff member's mention of the bot in a channel of the vendor's workspace. */
	private static String mention(String eventId, String channel) {
		JsonObject mention = SlackPayloadFiles.json("event_callback.app_mention.ext_shared.json");
		mention.addProperty("event_id", eventId);
		JsonObject event = mention.getAsJsonObject("event");
		event.addProperty("user", unique("W_STAFF"));
		event.addProperty("team", StubSlackApi.TEAM);
		event.remove("user_team");
		event.addProperty("channel", channel);
		event.addProperty("ts", "1700002000." + Long.toString(System.nanoTime() % 1_000_000));
		event.addProperty("text", "<@" + StubSlackApi.BOT_USER + "> " + QUESTION);
		return mention.toString();
	}

	private Map<String, Object> record(String eventId) {
		return jdbc.sql("select status, claimed_by, attempts, body from slack_delivery where event_id = ?")
			.param(eventId)
			.query()
			.singleRow();
	}

	private List<StubSlackApi.Call> postsIn(String channel) {
		return slackApi.calls("chat.postMessage").stream().filter(c -> channel.equals(c.arg("channel"))).toList();
	}

	@Test
	void aMentionAcknowledgedByAnInstanceThatDiedIsAnsweredOnceByAnother() throws Exception {
		Path database = platform.dataDir().resolve("postgres");
		String url = EmbeddedDatabase.start(database);
		String eventId = unique("EvDied");
		String channel = unique("C_DIED");
		// its leases run out soon after it dies
		ConfigurableApplicationContext dying = anotherInstance(url, "target/test-data/dying",
				Map.of("partnerbot.slack.delivery-lease", "1s"));
		try {
			// it is going down: it acknowledges and claims the delivery, then does no
			// work
			dying.getBean(SlackWork.class).destroy();
			int port = Integer.parseInt(dying.getEnvironment().getProperty("local.server.port"));
			assertThat(new SlackClientForTests(port).json(mention(eventId, channel)).statusCode()).isEqualTo(200);
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("select count(*) from slack_delivery where event_id = ?")
					.param(eventId)
					.query(Integer.class)
					.single() == 1);
			assertThat(record(eventId)).containsEntry("status", "RECEIVED").containsEntry("attempts", 1);
			assertThat(record(eventId).get("body").toString()).contains(eventId);
		}
		finally {
			dying.close();
			EmbeddedDatabase.release(database);
		}
		assertThat(postsIn(channel)).isEmpty();

		// this instance's recovery finds its lease run out and answers the mention
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			recovery.recoverNow();
			return !postsIn(channel).isEmpty();
		});
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(record(eventId).get("status")));
		assertThat(record(eventId)).containsEntry("attempts", 2).containsEntry("body", null);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(recovery::recoverNow);
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(postsIn(channel)).hasSize(1));
		assertThat(postsIn(channel).get(0).arg("text")).isNotEqualTo(Messages.REFUSAL);
	}

	@Test
	void aDeliveryFinishedNormallyIsNeverRunAgain() {
		String eventId = unique("EvDone");
		String channel = unique("C_DONE");
		assertThat(slack().json(mention(eventId, channel)).statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.postMessage", c -> channel.equals(c.arg("channel")), 1)).hasSize(1);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(record(eventId).get("status")));
		assertThat(record(eventId)).containsEntry("attempts", 1).containsEntry("body", null);
		// even were its lease to run out, as when its instance stops right after
		jdbc.sql("update slack_delivery set lease_until = now() - interval '1 minute' where event_id = ?")
			.param(eventId)
			.update();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(recovery::recoverNow);
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(postsIn(channel)).hasSize(1));
		assertThat(record(eventId)).containsEntry("status", "DONE").containsEntry("attempts", 1);
	}

	@Test
	void aDeliveryRunAgainAfterItsAnswerWasPostedDoesNotPostItTwice() {
		String eventId = unique("EvPosted");
		String channel = unique("C_POSTED");
		String body = mention(eventId, channel);
		assertThat(slack().json(body).statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.postMessage", c -> channel.equals(c.arg("channel")), 1)).hasSize(1);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(record(eventId).get("status")));
		// as if its instance died after posting the answer, before recording it done
		jdbc.sql("""
				update slack_delivery set status = 'RECEIVED', body = ?, claimed_by = 'died',
				lease_until = now() - interval '1 minute' where event_id = ?""").params(body, eventId).update();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(recovery::recoverNow);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(record(eventId).get("status")));
		assertThat(record(eventId)).containsEntry("attempts", 2);
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(postsIn(channel)).hasSize(1));
	}

}
