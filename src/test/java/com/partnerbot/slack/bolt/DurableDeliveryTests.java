package com.partnerbot.slack.bolt;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.SlackClientForTests;
import com.partnerbot.SlackPayloadFiles;
import com.partnerbot.StubSlackApi;
import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.platform.ScheduledJobs;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack does not send an acknowledged delivery again: an instance that acknowledges a
 * mention and dies before answering leaves it to another instance, which answers it once;
 * a delivery finished normally is never run again.
 */
class DurableDeliveryTests extends EndToEndTests {

	private static final String QUESTION = "what price does a Gold partner pay on a registered deal for Analytics Suite?";

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	DeliveryRecovery recovery;

	@Autowired
	DataSource dataSource;

	@Autowired
	SlackDeliveries deliveries;

	@Autowired
	SlackReplies replies;

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
		String eventId = unique("EvDied");
		String channel = unique("C_DIED");
		// its leases run out soon after it dies
		try (Instance dying = anotherInstance("target/test-data/dying",
				Map.of("partnerbot.slack.delivery-lease", "1s"))) {
			// it is going down: it acknowledges and claims the delivery, then does no
			// work
			dying.bean(SlackWork.class).stop();
			assertThat(new SlackClientForTests(dying.port()).json(mention(eventId, channel)).statusCode())
				.isEqualTo(200);
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("select count(*) from slack_delivery where event_id = ?")
					.param(eventId)
					.query(Integer.class)
					.single() == 1);
			assertThat(record(eventId)).containsEntry("status", "RECEIVED").containsEntry("attempts", 1);
			assertThat(record(eventId).get("body").toString()).contains(eventId);
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
	void deliveriesWaitingWhenAnInstanceStopsAreStoredAndAnsweredByAnother() throws Exception {
		String channel = unique("C_STOP");
		String held = unique("EvHeld");
		String waiting = unique("EvWaiting");
		String waitingBody = mention(waiting, channel);
		String waitingTs = JsonParser.parseString(waitingBody)
			.getAsJsonObject()
			.getAsJsonObject("event")
			.get("ts")
			.getAsString();
		String instance;
		try (Instance stopping = anotherInstance("target/test-data/stopping", Map.of());
				Connection other = dataSource.getConnection()) {
			instance = stopping.bean(ScheduledJobs.class).instance();
			// the first delivery's claim waits on a row lock, so the second, in the same
			// channel, waits in memory behind it
			other.setAutoCommit(false);
			other.createStatement()
				.executeUpdate(
						"insert into slack_delivery (event_id, event_type) values ('" + held + "', 'app_mention')");
			SlackClientForTests client = new SlackClientForTests(stopping.port());
			assertThat(client.json(mention(held, channel)).statusCode()).isEqualTo(200);
			assertThat(client.json(waitingBody).statusCode()).isEqualTo(200);
			assertThat(jdbc.sql("select count(*) from slack_delivery where event_id = ?")
				.param(waiting)
				.query(Integer.class)
				.single()).isZero();

			// SIGTERM: the context closes, and once the deliveries stopped being routed
			// the
			// first one's claim goes through
			CompletableFuture<Void> closed = CompletableFuture.runAsync(stopping.context()::close);
			DeliveryGate gate = stopping.bean(DeliveryGate.class);
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !gate.routing());
			other.rollback();
			assertThat(closed).succeedsWithin(Duration.ofSeconds(60));
		}
		// the waiting one was stored, left to another instance and not yet attempted
		assertThat(record(waiting)).containsEntry("status", "RECEIVED")
			.containsEntry("claimed_by", instance)
			.containsEntry("attempts", 0);
		assertThat(record(waiting).get("body").toString()).contains(waiting);
		assertThat(repliesTo(channel, waitingTs)).isEmpty();

		// this instance's recovery answers it, once
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			recovery.recoverNow();
			return !repliesTo(channel, waitingTs).isEmpty();
		});
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(record(waiting).get("status")));
		assertThat(record(waiting)).containsEntry("attempts", 1);
		// the held one too, by the stopping instance or by this one
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			recovery.recoverNow();
			return "DONE".equals(record(held).get("status"));
		});
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(postsIn(channel)).hasSize(2));
		assertThat(repliesTo(channel, waitingTs)).hasSize(1);
	}

	private List<StubSlackApi.Call> repliesTo(String channel, String threadTs) {
		return postsIn(channel).stream().filter(c -> threadTs.equals(c.arg("thread_ts"))).toList();
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

	/** A mention an instance claimed before it died, its lease over. */
	private void claimedByOneThatDied(String eventId, String body) {
		jdbc.sql(
				"""
						insert into slack_delivery (event_id, event_type, team_id, body, status, claimed_by, lease_until, attempts)
						values (?, 'app_mention', ?, ?, 'RECEIVED', 'died', now() - interval '1 minute', 1)""")
			.params(eventId, StubSlackApi.TEAM, body)
			.update();
	}

	@Test
	void anAnswerRunAgainReplacesThePlaceholderTheRunThatDiedShowed() {
		String eventId = unique("EvShown");
		String channel = unique("C_SHOWN");
		claimedByOneThatDied(eventId, mention(eventId, channel));
		// that run's answer took long enough to show the placeholder, then it died
		String placeholder = slackApi.postDirectly(channel, ":hourglass_flowing_sand: Thinking…", null);
		jdbc.sql("insert into slack_delivery_post (event_id, kind, seq, ts) values (?, 'PLACEHOLDER', 1, ?)")
			.params(eventId, placeholder)
			.update();

		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			recovery.recoverNow();
			return "DONE".equals(record(eventId).get("status"));
		});
		// the answer took the placeholder's place: no second placeholder, no second
		// message
		List<StubSlackApi.Call> updates = slackApi.calls("chat.update")
			.stream()
			.filter(c -> channel.equals(c.arg("channel")))
			.toList();
		assertThat(updates).hasSize(1);
		assertThat(updates.get(0).arg("ts")).isEqualTo(placeholder);
		assertThat(updates.get(0).arg("text")).doesNotContain("Thinking…");
		assertThat(postsIn(channel)).isEmpty();
		assertThat(slackApi.messages(channel)).hasSize(1);
	}

	@Test
	void anAnswerSlackTookFromTheRunThatDiedIsNotPostedAgain() {
		String eventId = unique("EvTaken");
		String channel = unique("C_TAKEN");
		String body = mention(eventId, channel);
		String thread = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("event").get("ts").getAsString();
		claimedByOneThatDied(eventId, body);
		// Slack took that run's answer, and the instance died before it recorded it
		String answer = slackApi.postDirectly(channel, thread, "The answer, posted by the run that died", """
				{"event_type": "%s", "event_payload": {"event_id": "%s", "kind": "MESSAGE", "seq": "1"}}"""
			.formatted(SlackReplies.METADATA_TYPE, eventId));

		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			recovery.recoverNow();
			return "DONE".equals(record(eventId).get("status"));
		});
		assertThat(postsIn(channel)).isEmpty();
		assertThat(slackApi.messages(channel)).hasSize(1);
		assertThat(jdbc.sql("select ts from slack_delivery_post where event_id = ? and kind = 'MESSAGE' and seq = 1")
			.param(eventId)
			.query(String.class)
			.single()).isEqualTo(answer);
	}

	@Test
	void aPrivateReplyTheRunThatDiedSentIsNotSentAgain() {
		String eventId = unique("EvPrivate");
		String channel = unique("C_PRIVATE");
		String user = unique("W_PRIVATE");
		claimedByOneThatDied(eventId, mention(eventId, channel));
		// the first run sent one private reply, then died
		privately(new DeliveryWork(eventId, deliveries, false), channel, user, "One moment, first run");
		// the run again sends the same one, then one more
		DeliveryWork again = new DeliveryWork(eventId, deliveries, true);
		privately(again, channel, user, "One moment, run again");
		privately(again, channel, user, "A second private reply");

		List<StubSlackApi.Call> ephemeral = slackApi.calls("chat.postEphemeral")
			.stream()
			.filter(c -> channel.equals(c.arg("channel")))
			.toList();
		assertThat(ephemeral).extracting(c -> c.arg("text"))
			.containsExactly("One moment, first run", "A second private reply");
	}

	private void privately(DeliveryWork work, String channel, String user, String text) {
		CurrentDelivery.track(work);
		try {
			replies.privately(channel, user, Messages.Reply.plain(text));
		}
		finally {
			CurrentDelivery.clear();
		}
	}

}
