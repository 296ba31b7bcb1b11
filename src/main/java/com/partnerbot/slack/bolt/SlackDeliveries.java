package com.partnerbot.slack.bolt;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.partnerbot.platform.ScheduledJobs;

/**
 * Every Events API delivery by its {@code event_id}: the first instance to record one
 * acts on it, Slack's retries and other instances behind the same URL find it taken.
 * <p>
 * The record keeps the delivery's body until its work is done, under a lease the instance
 * that took it renews while it works: a delivery whose lease ran out unfinished belonged
 * to an instance that died, and another runs it again.
 */
@Repository
class SlackDeliveries {

	private static final Logger log = LoggerFactory.getLogger(SlackDeliveries.class);

	private final JdbcClient jdbc;

	private final String instance;

	private final Duration lease;

	/** Deliveries this instance is working on: their leases are renewed. */
	private final Set<String> working = ConcurrentHashMap.newKeySet();

	SlackDeliveries(JdbcClient jdbc, ScheduledJobs jobs,
			@Value("${partnerbot.slack.delivery-lease:30s}") Duration lease) {
		this.jdbc = jdbc;
		this.instance = jobs.instance();
		this.lease = lease;
	}

	Duration lease() {
		return lease;
	}

	/**
	 * Records a delivery with its body, taken by this instance; true when it is the first
	 * with this event id.
	 */
	boolean claim(String eventId, String eventType, String teamId, int retryNum, String body) {
		boolean first = jdbc
			.sql("""
					insert into slack_delivery (event_id, event_type, team_id, body, status, claimed_by, lease_until, attempts)
					values (?, ?, ?, ?, 'RECEIVED', ?, now() + ? * interval '1 millisecond', 1)
					on conflict (event_id) do nothing
					""")
			.params(eventId, eventType, teamId, body, instance, lease.toMillis())
			.update() > 0;
		if (first) {
			working.add(eventId);
		}
		else {
			repeated(eventId, retryNum);
		}
		return first;
	}

	/** Counts a repeat of a delivery recorded already. */
	void repeated(String eventId, int retryNum) {
		jdbc.sql(
				"update slack_delivery set repeats = repeats + 1, last_retry_num = greatest(last_retry_num, ?) where event_id = ?")
			.params(retryNum, eventId)
			.update();
	}

	/** Its work is finished: never run again, and its body is no longer needed. */
	void done(String eventId) {
		working.remove(eventId);
		try {
			jdbc.sql("""
					update slack_delivery set status = 'DONE', done_at = now(), body = null, lease_until = null
					where event_id = ?""").params(eventId).update();
		}
		catch (DataAccessException ex) {
			// its lease runs out and it is run again: the answer's dedup keeps that
			// single
			log.warn("Could not mark Slack delivery {} done", eventId, ex);
		}
	}

	/** This instance will not finish it: its lease is no longer renewed. */
	void abandoned(String eventId) {
		working.remove(eventId);
	}

	/** Renews the leases of the deliveries this instance works on. */
	void renew() {
		if (working.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update slack_delivery set lease_until = now() + ? * interval '1 millisecond'
				where event_id = any(?) and claimed_by = ? and status = 'RECEIVED'""")
			.params(lease.toMillis(), working.toArray(String[]::new), instance)
			.update();
	}

	/** Unfinished deliveries whose lease ran out, oldest first. */
	List<String> expired(int limit) {
		return jdbc.sql("""
				select event_id from slack_delivery
				where status = 'RECEIVED' and lease_until < now() and body is not null
				order by lease_until limit ?""").params(limit).query(String.class).list();
	}

	/**
	 * Takes over an expired delivery for another attempt; its body, or empty when another
	 * instance took it first or it has had its attempts (then it is given up).
	 */
	Optional<Unfinished> takeOver(String eventId, int maxAttempts) {
		Optional<Unfinished> taken = jdbc.sql("""
				update slack_delivery
				set claimed_by = ?, lease_until = now() + ? * interval '1 millisecond', attempts = attempts + 1
				where event_id = ? and status = 'RECEIVED' and lease_until < now() and attempts < ?
				returning event_id, body, attempts, claimed_by""")
			.params(instance, lease.toMillis(), eventId, maxAttempts)
			.query((rs, n) -> new Unfinished(rs.getString("event_id"), rs.getString("body"), rs.getInt("attempts")))
			.optional();
		taken.ifPresent((u) -> working.add(u.eventId()));
		return taken;
	}

	/** Gives up deliveries that have had their attempts; returns their ids. */
	List<String> giveUp(int maxAttempts) {
		return jdbc.sql("""
				update slack_delivery set status = 'FAILED', done_at = now()
				where status = 'RECEIVED' and lease_until < now() and attempts >= ?
				returning event_id""").params(maxAttempts).query(String.class).list();
	}

	/**
	 * The message a run of this delivery posted as its {@code seq}-th, if one did (with
	 * its ts when Slack gave one).
	 */
	Optional<Optional<String>> posted(String eventId, int seq) {
		return jdbc.sql("select ts from slack_delivery_post where event_id = ? and seq = ?")
			.params(eventId, seq)
			.query((rs, n) -> Optional.ofNullable(rs.getString("ts")))
			.optional();
	}

	/** Records the {@code seq}-th message this delivery's work posted or updated. */
	void recordPost(String eventId, int seq, String ts) {
		try {
			jdbc.sql("""
					insert into slack_delivery_post (event_id, seq, ts) select ?, ?, ?
					where exists (select 1 from slack_delivery where event_id = ?)
					on conflict do nothing""").params(eventId, seq, ts, eventId).update();
		}
		catch (DataAccessException ex) {
			log.warn("Could not record the message of Slack delivery {}", eventId, ex);
		}
	}

	record Unfinished(String eventId, String body, int attempts) {
	}

}
