package com.partnerbot.slack.outbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.platform.ScheduledJobs;
import com.partnerbot.slack.bolt.SlackApi;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends what the {@link SlackOutbox} stored, on every instance at once without sending
 * anything twice:
 * <ul>
 * <li>a lane (a channel, or a person's direct messages) has at most one message claimed
 * at a time, across instances: its oldest pending one of the highest priority waiting
 * ({@link Outbound.Priority}; a reply waiting for the message it belongs under holds up
 * no one), and after a message is out the lane waits at least {@code laneInterval},
 * recorded in the same statement;</li>
 * <li>a claim is a lease; just before its call an instance renews it, and only if the
 * message is still its own, so a message whose lease ran out and went to another instance
 * is left to that one;</li>
 * <li>{@code 429} pauses the whole workspace for its {@code Retry-After}; other failures
 * are retried with exponential backoff, for as long as it takes; errors Slack will give
 * again (an unknown channel, bad blocks) fail the message for good;</li>
 * <li>before posting, a message is marked uncertain; a message still uncertain when next
 * tried (a timeout, a 5xx, a crash mid-call) is first looked for in its channel by the
 * outbox id its metadata carries, and only posted when it is not there. Only Slack
 * refusing the post itself (a 429 or {@code ratelimited}) clears the mark.</li>
 * </ul>
 */
@Component
public class OutboxDelivery implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

	static final String METADATA_TYPE = "partnerbot_outbox";

	/** Errors that say Slack could not take the message now, not that it never will. */
	private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
			"service_unavailable", "request_timeout", "team_added_to_org", "unknown_error");

	private static final int LOOKUP_PAGES = 10;

	private final JdbcClient jdbc;

	private final SlackApi api;

	private final OutboxProperties properties;

	private final String instance;

	private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private Thread loop;

	private ExecutorService senders;

	OutboxDelivery(JdbcClient jdbc, SlackApi api, OutboxProperties properties, ScheduledJobs jobs) {
		this.jdbc = jdbc;
		this.api = api;
		this.properties = properties;
		this.instance = jobs.instance();
	}

	record Pending(long id, String key, String lane, String channel, String dmUser, String threadTs, String threadKey,
			String text, String blocks, int attempts, boolean uncertain, Instant firstAttemptAt) {
	}

	/** Slack refused or failed a lookup that has to succeed before a post. */
	private static final class LookupFailed extends IOException {

		private final boolean permanent;

		LookupFailed(String message, boolean permanent) {
			super(message);
			this.permanent = permanent;
		}

	}

	@Override
	public void start() {
		if (!properties.enabled()) {
			log.info("Outbox delivery is off on this instance (partnerbot.outbox.enabled=false)");
			return;
		}
		running = true;
		senders = Executors.newFixedThreadPool(properties.workers(),
				Thread.ofPlatform().name("outbox-send-", 0).daemon().factory());
		loop = Thread.ofPlatform().name("outbox-delivery").daemon().start(this::run);
	}

	@Override
	public void stop() {
		running = false;
		if (loop == null) {
			return;
		}
		loop.interrupt();
		try {
			loop.join(Duration.ofSeconds(10));
			senders.shutdownNow();
			// calls under way finish (or time out) before their messages are let go
			senders.awaitTermination(properties.lease().toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// what this instance claimed and did not start is free for the others at once
		List<Long> started = List.copyOf(inFlight);
		jdbc.sql("""
				update slack_outbox set claimed_by = null, claimed_until = null
				where claimed_by = :me and status = 'PENDING' and not (id = any(:started))""")
			.param("me", instance)
			.param("started", started.toArray(Long[]::new))
			.update();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// stops before the web server and the data source, starts after them
		return Integer.MAX_VALUE - 2048;
	}

	private void run() {
		while (running) {
			try {
				List<Pending> claimed = claim();
				if (claimed.isEmpty()) {
					Thread.sleep(properties.idlePoll());
					continue;
				}
				List<Future<?>> sending = new ArrayList<>();
				for (Pending message : claimed) {
					sending.add(senders.submit(() -> deliver(message)));
				}
				for (Future<?> future : sending) {
					future.get();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				if (!running) {
					return;
				}
				log.warn("Outbox delivery round failed; trying again", ex);
				sleepQuietly(Duration.ofSeconds(1));
			}
		}
	}

	/**
	 * The oldest due message of the highest priority waiting in each lane that may send
	 * now and has nothing in flight, claimed for this instance.
	 */
	List<Pending> claim() {
		return jdbc.sql("""
				update slack_outbox o set claimed_by = :me,
				    claimed_until = now() + make_interval(secs => :lease)
				where o.id in (
				    select l.id from slack_outbox l
				    where l.id in (
				        select distinct on (c.lane) c.id from slack_outbox c
				        where c.status = 'PENDING' and c.next_attempt_at <= now()
				          and (c.claimed_until is null or c.claimed_until < now())
				          and not exists (select 1 from slack_outbox e
				                          where e.lane = c.lane and e.status = 'PENDING' and e.thread_key is null
				                            and (e.priority > c.priority or (e.priority = c.priority and e.id < c.id)))
				          and not exists (select 1 from slack_outbox f
				                          where f.lane = c.lane and f.status = 'PENDING' and f.claimed_until > now())
				          and not exists (select 1 from slack_pace p
				                          where p.lane in (c.lane, '*') and p.next_at > now())
				        order by c.lane, c.priority desc, c.id)
				    order by l.priority desc, l.id
				    limit :batch
				    for update skip locked)
				  and o.status = 'PENDING' and (o.claimed_until is null or o.claimed_until < now())
				returning id, dedup_key, lane, channel, dm_user, thread_ts, thread_key, text, blocks,
				          attempts, uncertain, first_attempt_at""")
			.param("me", instance)
			.param("lease", seconds(properties.lease()))
			.param("batch", properties.batch())
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("dedup_key"), rs.getString("lane"),
					rs.getString("channel"), rs.getString("dm_user"), rs.getString("thread_ts"),
					rs.getString("thread_key"), rs.getString("text"), rs.getString("blocks"), rs.getInt("attempts"),
					rs.getBoolean("uncertain"),
					Optional.ofNullable(rs.getTimestamp("first_attempt_at")).map(t -> t.toInstant()).orElse(null)))
			.list();
	}

	void deliver(Pending claimed) {
		inFlight.add(claimed.id());
		try {
			Optional<Pending> own = renew(claimed);
			if (own.isPresent()) {
				send(own.get());
			}
		}
		finally {
			inFlight.remove(claimed.id());
		}
	}

	private void send(Pending message) {
		boolean posting = false;
		try {
			if (workspacePaused()) {
				release(message, "the workspace is rate limited");
				return;
			}
			// a direct message goes to the person's id, as Slack allows; its channel is
			// only looked up (conversations.open, a rate-limited method) to look for an
			// uncertain one
			String channel = (message.channel() != null) ? message.channel() : message.dmUser();
			String threadTs = message.threadTs();
			if (threadTs == null && message.threadKey() != null) {
				Optional<String> parent = parentTs(message);
				if (parent == null) {
					return;
				}
				threadTs = parent.orElse(null);
			}
			if (message.uncertain()) {
				String where = (message.channel() != null) ? channel : openDirectMessage(message);
				Optional<String> posted = findPosted(message, where, threadTs);
				if (posted.isPresent()) {
					log.info("Outbox message {} had been posted before the outcome was known; not posting again",
							message.key());
					markSent(message, where, posted.get());
					return;
				}
			}
			markAttempt(message);
			String thread = threadTs;
			posting = true;
			var response = api.client()
				.chatPostMessage(r -> r.channel(channel)
					.threadTs(thread)
					.text(message.text())
					.blocksAsString(message.blocks())
					.metadata(Message.Metadata.builder()
						.eventType(METADATA_TYPE)
						.eventPayload(Map.of("outbox_id", String.valueOf(message.id())))
						.build()));
			settle(message, response, (response.getChannel() != null) ? response.getChannel() : channel,
					response.getTs());
		}
		catch (SlackApiException ex) {
			int status = ex.getResponse().code();
			if (status == 429) {
				// a post Slack refused was not taken; a refused lookup says nothing about
				// it
				rateLimited(message, retryAfter(ex), posting);
			}
			else if (status >= 500) {
				retryLater(message, "HTTP " + status);
			}
			else {
				fail(message, "HTTP " + status + ": " + ex.getResponseBody());
			}
		}
		catch (LookupFailed ex) {
			if (ex.permanent) {
				fail(message, ex.getMessage());
			}
			else {
				retryLater(message, ex.getMessage());
			}
		}
		catch (IOException ex) {
			// a timeout may come after Slack took the message: it stays uncertain
			retryLater(message, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Outbox message {} could not be sent", message.key(), ex);
			retryLater(message, ex.toString());
		}
	}

	/**
	 * Renews this instance's lease just before the call, if the message is still its own
	 * and pending; what comes back is the message as it is now.
	 */
	private Optional<Pending> renew(Pending message) {
		return jdbc.sql("""
				update slack_outbox set claimed_until = now() + make_interval(secs => :lease)
				where id = :id and claimed_by = :me and status = 'PENDING'
				returning attempts, uncertain, first_attempt_at, channel""")
			.param("lease", seconds(properties.lease()))
			.param("id", message.id())
			.param("me", instance)
			.query((rs, n) -> new Pending(message.id(), message.key(), message.lane(), rs.getString("channel"),
					message.dmUser(), message.threadTs(), message.threadKey(), message.text(), message.blocks(),
					rs.getInt("attempts"), rs.getBoolean("uncertain"),
					Optional.ofNullable(rs.getTimestamp("first_attempt_at")).map(t -> t.toInstant()).orElse(null)))
			.optional();
	}

	/** What Slack answered to the post. */
	private void settle(Pending message, SlackApiTextResponse response, String channel, String ts) {
		if (response.isOk()) {
			markSent(message, channel, ts);
		}
		else if ("ratelimited".equals(response.getError())) {
			rateLimited(message, Duration.ofSeconds(1), true);
		}
		else if (TRANSIENT.contains(response.getError())) {
			// Slack's own internal errors may come after it took the message
			retryLater(message, response.getError());
		}
		else {
			fail(message, response.getError());
		}
	}

	/** The direct message channel with the person, to look in. */
	private String openDirectMessage(Pending message) throws IOException, SlackApiException {
		var opened = api.client().conversationsOpen(r -> r.users(List.of(message.dmUser())));
		if (!opened.isOk()) {
			throw new LookupFailed("conversations.open failed: " + opened.getError(),
					!TRANSIENT.contains(opened.getError()));
		}
		return opened.getChannel().getId();
	}

	/**
	 * The ts of the message to reply under: empty when that message failed (this one goes
	 * out on its own), null when it is not out yet (this one waits).
	 */
	private Optional<String> parentTs(Pending message) {
		List<Map<String, Object>> parent = jdbc.sql("select status, sent_ts from slack_outbox where dedup_key = :key")
			.param("key", message.threadKey())
			.query()
			.listOfRows();
		if (parent.isEmpty() || "FAILED".equals(parent.get(0).get("status"))
				|| "HELD".equals(parent.get(0).get("status"))) {
			return Optional.empty();
		}
		if (!"SENT".equals(parent.get(0).get("status"))) {
			jdbc.sql("""
					update slack_outbox set next_attempt_at = now() + interval '1 second', claimed_by = null,
					    claimed_until = null
					where id = :id and claimed_by = :me""").param("id", message.id()).param("me", instance).update();
			return null;
		}
		return Optional.of((String) parent.get(0).get("sent_ts"));
	}

	/**
	 * The message with this outbox id in the channel (or thread) since its first attempt,
	 * if it is there, following Slack's pages.
	 */
	private Optional<String> findPosted(Pending message, String channel, String threadTs)
			throws IOException, SlackApiException {
		Instant since = (message.firstAttemptAt() != null) ? message.firstAttemptAt().minusSeconds(60)
				: Instant.now().minus(Duration.ofDays(1));
		String oldest = since.getEpochSecond() + ".000000";
		String id = String.valueOf(message.id());
		String cursor = null;
		for (int page = 0; page < LOOKUP_PAGES; page++) {
			String next = cursor;
			List<Message> messages;
			com.slack.api.methods.response.conversations.ConversationsHistoryResponse history = null;
			com.slack.api.methods.response.conversations.ConversationsRepliesResponse replies = null;
			if (threadTs != null) {
				replies = api.client()
					.conversationsReplies(r -> r.channel(channel)
						.ts(threadTs)
						.oldest(oldest)
						.includeAllMetadata(true)
						.limit(200)
						.cursor(next));
				lookedUp(replies, "conversations.replies");
				messages = replies.getMessages();
			}
			else {
				history = api.client()
					.conversationsHistory(r -> r.channel(channel)
						.oldest(oldest)
						.includeAllMetadata(true)
						.limit(200)
						.inclusive(true)
						.cursor(next));
				lookedUp(history, "conversations.history");
				messages = history.getMessages();
			}
			Optional<String> found = (messages == null) ? Optional.empty()
					: messages.stream()
						.filter(m -> m.getMetadata() != null && METADATA_TYPE.equals(m.getMetadata().getEventType())
								&& m.getMetadata().getEventPayload() != null
								&& id.equals(String.valueOf(m.getMetadata().getEventPayload().get("outbox_id"))))
						.map(Message::getTs)
						.findFirst();
			if (found.isPresent()) {
				return found;
			}
			var metadata = (history != null) ? history.getResponseMetadata() : replies.getResponseMetadata();
			cursor = (metadata != null) ? metadata.getNextCursor() : null;
			if (cursor == null || cursor.isEmpty()) {
				return Optional.empty();
			}
		}
		throw new LookupFailed("more than " + LOOKUP_PAGES + " pages to look through in " + channel, false);
	}

	private static void lookedUp(SlackApiTextResponse response, String method) throws LookupFailed {
		if (!response.isOk()) {
			throw new LookupFailed(method + " failed: " + response.getError(),
					!TRANSIENT.contains(response.getError()));
		}
	}

	private boolean workspacePaused() {
		return jdbc.sql("select exists (select 1 from slack_pace where lane = '*' and next_at > now())")
			.query(Boolean.class)
			.single();
	}

	/** About to post: until Slack answers, whether it took the message is unknown. */
	private void markAttempt(Pending message) {
		jdbc.sql("""
				update slack_outbox set attempts = attempts + 1, uncertain = true,
				    first_attempt_at = coalesce(first_attempt_at, now())
				where id = :id""").param("id", message.id()).update();
	}

	/**
	 * Marks it sent and paces its lane, in one statement, so no instance sees one without
	 * the other.
	 */
	private void markSent(Pending message, String channel, String ts) {
		jdbc.sql("""
				with sent as (
				    update slack_outbox set status = 'SENT', sent_channel = :channel, sent_ts = :ts, sent_at = now(),
				        sent_by = :me, uncertain = false, claimed_by = null, claimed_until = null, last_error = null
				    where id = :id
				    returning lane)
				insert into slack_pace (lane, next_at)
				select lane, now() + make_interval(secs => :interval) from sent
				on conflict (lane) do update set next_at = greatest(slack_pace.next_at, excluded.next_at)""")
			.param("channel", channel)
			.param("ts", ts)
			.param("me", instance)
			.param("id", message.id())
			.param("interval", seconds(properties.laneInterval()))
			.update();
	}

	private void rateLimited(Pending message, Duration retryAfter, boolean refusedPost) {
		log.info("Slack asked to slow down (Retry-After {} s); outbox message {} waits", retryAfter.toSeconds(),
				message.key());
		pace("*", retryAfter);
		jdbc.sql("""
				update slack_outbox set uncertain = uncertain and not :refusedPost, last_error = 'rate limited',
				    next_attempt_at = now() + make_interval(secs => :wait), claimed_by = null, claimed_until = null
				where id = :id""")
			.param("refusedPost", refusedPost)
			.param("wait", seconds(retryAfter))
			.param("id", message.id())
			.update();
	}

	/** Lets the message go untried, to be claimed again once the workspace may send. */
	private void release(Pending message, String why) {
		log.debug("Outbox message {} waits: {}", message.key(), why);
		jdbc.sql("update slack_outbox set claimed_by = null, claimed_until = null where id = :id and claimed_by = :me")
			.param("id", message.id())
			.param("me", instance)
			.update();
	}

	/** Tries again later; whether it is uncertain stays as it was. */
	private void retryLater(Pending message, String error) {
		int attempts = message.attempts() + 1;
		long base = Math.min(properties.maxBackoff().toMillis(), 1000L << Math.min(attempts - 1, 20));
		long wait = base + ThreadLocalRandom.current().nextLong(base / 5 + 1);
		log.warn("Outbox message {} not sent (attempt {}): {}; next try in {} ms", message.key(), attempts, error,
				wait);
		jdbc.sql("""
				update slack_outbox set last_error = :error,
				    next_attempt_at = now() + make_interval(secs => :wait), claimed_by = null, claimed_until = null
				where id = :id""")
			.param("error", error)
			.param("wait", (double) wait / 1000)
			.param("id", message.id())
			.update();
	}

	private void fail(Pending message, String error) {
		log.error("Outbox message {} failed for good: {}", message.key(), error);
		jdbc.sql("""
				update slack_outbox set status = 'FAILED', last_error = :error, claimed_by = null, claimed_until = null
				where id = :id""").param("error", error).param("id", message.id()).update();
	}

	private void pace(String lane, Duration wait) {
		jdbc.sql("""
				insert into slack_pace (lane, next_at) values (:lane, now() + make_interval(secs => :wait))
				on conflict (lane) do update set next_at = greatest(slack_pace.next_at, excluded.next_at)""")
			.param("lane", lane)
			.param("wait", seconds(wait))
			.update();
	}

	/** Slack's {@code Retry-After} on a 429, at least a second. */
	public static Duration retryAfter(SlackApiException ex) {
		String header = ex.getResponse().header("Retry-After");
		try {
			return Duration.ofSeconds(Math.max(1, Long.parseLong(String.valueOf(header).strip())));
		}
		catch (NumberFormatException notANumber) {
			return Duration.ofSeconds(1);
		}
	}

	private static double seconds(Duration duration) {
		return (double) duration.toMillis() / 1000;
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
