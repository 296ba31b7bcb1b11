package com.partnerbot.slack.bolt;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every Events API delivery by its {@code event_id}: the first instance to record one
 * acts on it, Slack's retries and other instances behind the same URL find it taken.
 */
@Repository
@RequiredArgsConstructor
class SlackDeliveries {

	private final JdbcClient jdbc;

	/** Records a delivery; true when it is the first with this event id. */
	boolean claim(String eventId, String eventType, String teamId, int retryNum) {
		boolean first = jdbc.sql("""
				insert into slack_delivery (event_id, event_type, team_id) values (?, ?, ?)
				on conflict (event_id) do nothing
				""").params(eventId, eventType, teamId).update() > 0;
		if (!first) {
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

}
