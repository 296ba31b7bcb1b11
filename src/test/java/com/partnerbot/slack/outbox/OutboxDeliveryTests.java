package com.partnerbot.slack.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.StubSlackApi.Failure;
import com.partnerbot.slack.bolt.Messages;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against a Web API that fails in every way Slack does, then recovers: every
 * message arrives once, in order, paced per channel.
 */
class OutboxDeliveryTests extends EndToEndTests {

	@Autowired
	SlackOutbox outbox;

	@Test
	void everyMessageArrivesOnceThroughServerErrorsRateLimitsAndTimeouts() {
		String channel = unique("C_OUT");
		slackApi.failNext("chat.postMessage", channel, Failure.status(500), Failure.rateLimited(2),
				Failure.error("internal_error"), Failure.slowAnswer(Duration.ofSeconds(3)), Failure.status(503));
		List<String> keys = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			String key = unique("alert-" + i + "-");
			keys.add(key);
			assertThat(
					outbox.enqueue(Outbound.toChannel(key, "alert", channel, null, Messages.Reply.plain("alert " + i))))
				.isTrue();
		}
		// stored twice, sent once
		assertThat(outbox
			.enqueue(Outbound.toChannel(keys.get(0), "alert", channel, null, Messages.Reply.plain("alert 1"))))
			.isFalse();

		awaitSent(keys, Duration.ofSeconds(60));

		List<JsonObject> posted = slackApi.messages(channel);
		assertThat(posted).extracting(m -> m.get("text").getAsString())
			.containsExactly("alert 1", "alert 2", "alert 3", "alert 4", "alert 5");
		assertThat(posted).extracting(m -> outboxId(m)).doesNotHaveDuplicates();
		List<StubSlackApi.Call> attempts = slackApi.attempts("chat.postMessage")
			.stream()
			.filter(c -> channel.equals(c.arg("channel")))
			.toList();
		assertThat(attempts.stream().filter(StubSlackApi.Call::failedCall)).hasSize(4);
		// the answer that came too late was looked for before posting again
		assertThat(slackApi.calls("conversations.history")).anyMatch(c -> channel.equals(c.arg("channel")));
		// after the 429, nothing was tried in this channel before its Retry-After
		int limited = indexOfRateLimited(attempts);
		assertThat(attempts.get(limited + 1).atNanos() - attempts.get(limited).atNanos())
			.isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
		// successful posts in one channel are at least the lane interval apart
		List<StubSlackApi.Call> delivered = attempts.stream().filter(c -> !c.failedCall()).toList();
		for (int i = 1; i < delivered.size(); i++) {
			assertThat(delivered.get(i).atNanos() - delivered.get(i - 1).atNanos())
				.isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
		}
	}

	@Test
	void aMessageSlackTookBeforeACrashIsNotPostedAgain() {
		String channel = unique("C_CRASH");
		long tookIt = jdbc.sql("select nextval('slack_outbox_id_seq')").query(Long.class).single();
		long lostIt = jdbc.sql("select nextval('slack_outbox_id_seq')").query(Long.class).single();
		// an instance posted the first and died before recording it; it died before
		// posting the second
		slackApi.postDirectly(channel, "first",
				"{\"event_type\":\"partnerbot_outbox\",\"event_payload\":{\"outbox_id\":\"" + tookIt + "\"}}");
		String crashed = """
				insert into slack_outbox (id, dedup_key, kind, lane, channel, text, attempts, uncertain,
				                          first_attempt_at, claimed_by, claimed_until)
				values (:id, :key, 'alert', :channel, :channel, :text, 1, true, now(), 'crashed-instance',
				        now() - interval '1 second')""";
		String firstKey = unique("crash-1-");
		String secondKey = unique("crash-2-");
		jdbc.sql(crashed).params(Map.of("id", tookIt, "key", firstKey, "channel", channel, "text", "first")).update();
		jdbc.sql(crashed).params(Map.of("id", lostIt, "key", secondKey, "channel", channel, "text", "second")).update();

		awaitSent(List.of(firstKey, secondKey), Duration.ofSeconds(30));

		assertThat(slackApi.messages(channel)).extracting(m -> m.get("text").getAsString())
			.containsExactly("first", "second");
		assertThat(jdbc.sql("select sent_ts from slack_outbox where id = :id")
			.param("id", tookIt)
			.query(String.class)
			.single()).isEqualTo(slackApi.messages(channel).get(0).get("ts").getAsString());
	}

	@Test
	void aFailedLookupIsRetriedAndNeverTurnsIntoABlindRepost() {
		String channel = unique("C_LOOK");
		String key = unique("look-");
		// Slack takes the post but answers too late; then the lookup is rate limited,
		// then fails
		slackApi.failNext("chat.postMessage", channel, Failure.slowAnswer(Duration.ofSeconds(3)));
		slackApi.failNext("conversations.history", channel, Failure.rateLimited(1), Failure.status(500),
				Failure.error("internal_error"));
		outbox.enqueue(Outbound.toChannel(key, "alert", channel, null, Messages.Reply.plain("once")));

		awaitSent(List.of(key), Duration.ofSeconds(60));

		assertThat(slackApi.messages(channel)).extracting(m -> m.get("text").getAsString()).containsExactly("once");
		assertThat(slackApi.attempts("conversations.history").stream().filter(c -> channel.equals(c.arg("channel"))))
			.hasSize(4);
	}

	@Test
	void aReplyUnderAnAlertWaitsForItAndLandsInItsThread() {
		String channel = unique("C_THREAD");
		String parent = unique("parent-");
		String child = unique("child-");
		slackApi.failNext("chat.postMessage", channel, Failure.status(500));
		outbox.enqueue(Outbound.toChannel(child, "alert", channel, null, Messages.Reply.plain("comment"))
			.underMessage(parent));
		outbox.enqueue(Outbound.toChannel(parent, "alert", channel, null, Messages.Reply.plain("low score")));

		awaitSent(List.of(parent, child), Duration.ofSeconds(30));

		List<JsonObject> posted = slackApi.messages(channel);
		JsonObject alert = posted.stream()
			.filter(m -> m.get("text").getAsString().equals("low score"))
			.findFirst()
			.orElseThrow();
		JsonObject reply = posted.stream()
			.filter(m -> m.get("text").getAsString().equals("comment"))
			.findFirst()
			.orElseThrow();
		assertThat(reply.get("thread_ts").getAsString()).isEqualTo(alert.get("ts").getAsString());
	}

	@Test
	void aMessageSlackRefusesForGoodFailsAndDoesNotHoldUpItsChannel() {
		String channel = unique("C_GONE");
		String refused = unique("refused-");
		String next = unique("next-");
		slackApi.failNext("chat.postMessage", channel, Failure.error("channel_not_found"));
		outbox.enqueue(Outbound.toChannel(refused, "alert", channel, null, Messages.Reply.plain("one")));
		outbox.enqueue(Outbound.toChannel(next, "alert", channel, null, Messages.Reply.plain("two")));

		awaitSent(List.of(next), Duration.ofSeconds(30));

		assertThat(status(refused)).isEqualTo("FAILED");
		assertThat(jdbc.sql("select last_error from slack_outbox where dedup_key = :key")
			.param("key", refused)
			.query(String.class)
			.single()).isEqualTo("channel_not_found");
	}

	@Test
	void aDirectMessageWhoseAnswerCameTooLateIsFoundInTheConversationAndNotSentAgain() {
		String user = unique("U_DM");
		String key = unique("dm-");
		slackApi.failNext("chat.postMessage", user, Failure.slowAnswer(Duration.ofSeconds(3)));
		outbox.enqueue(Outbound.toPerson(key, "notice", user, Messages.Reply.plain("hello")));

		awaitSent(List.of(key), Duration.ofSeconds(30));

		assertThat(slackApi.messages("D" + user)).extracting(m -> m.get("text").getAsString()).containsExactly("hello");
		assertThat(slackApi.calls("conversations.open")).anyMatch(c -> user.equals(c.arg("users")));
		assertThat(jdbc.sql("select sent_channel from slack_outbox where dedup_key = :key")
			.param("key", key)
			.query(String.class)
			.single()).isEqualTo("D" + user);
	}

	@Test
	void anUrgentAlertOvertakesABurstOfRoutineOnesButEachPriorityKeepsItsOrder() {
		String burst = unique("routine-");
		List<Outbound> routine = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			keys.add(burst + i);
			routine.add(Outbound.toChannel(burst + i, "alert", ALERTS_CHANNEL, null,
					Messages.Reply.plain(burst + " at risk " + i)));
		}
		assertThat(outbox.enqueueAll(routine)).isEqualTo(20);
		String handOff = unique("hand-off-");
		assertThat(outbox.alert(handOff, Outbound.Priority.URGENT, Messages.Reply.plain(handOff + " needs a person")))
			.isTrue();
		keys.add(handOff);

		awaitSent(keys, Duration.ofSeconds(60));

		List<String> order = slackApi.calls("chat.postMessage")
			.stream()
			.filter(c -> ALERTS_CHANNEL.equals(c.arg("channel")))
			.map(c -> c.arg("text"))
			.filter(text -> text.startsWith(burst) || text.startsWith(handOff))
			.toList();
		assertThat(order).hasSize(21);
		// out before most of the routine alerts queued before it (one or two may have
		// been
		// claimed already)
		assertThat(order.indexOf(handOff + " needs a person")).isLessThan(5);
		assertThat(order.stream().filter(text -> text.startsWith(burst)).toList())
			.containsExactlyElementsOf(routine.stream().map(m -> m.reply().text()).toList());
	}

	private void awaitSent(List<String> keys, Duration timeout) {
		Awaitility.await()
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(keys).allSatisfy(k -> assertThat(status(k)).as(k).isEqualTo("SENT")));
	}

	private String status(String key) {
		return jdbc.sql("select status from slack_outbox where dedup_key = :key")
			.param("key", key)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static String outboxId(JsonObject message) {
		return message.getAsJsonObject("metadata").getAsJsonObject("event_payload").get("outbox_id").getAsString();
	}

	private static int indexOfRateLimited(List<StubSlackApi.Call> attempts) {
		// the second failure injected is the 429
		int failed = 0;
		for (int i = 0; i < attempts.size(); i++) {
			if (attempts.get(i).failedCall() && ++failed == 2) {
				return i;
			}
		}
		throw new AssertionError("no rate-limited attempt");
	}

}
