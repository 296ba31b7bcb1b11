package com.partnerbot.slack.people;

import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Threads the bot takes part in, so follow-ups there are answered without a mention.
 */
@Repository
@RequiredArgsConstructor
public class SlackThreads {

	private final JdbcClient jdbc;

	public void remember(String channelId, String threadTs, UUID partnerId, String startedBy) {
		jdbc.sql("""
				insert into slack_thread (channel_id, thread_ts, partner_id, started_by) values (?, ?, ?, ?)
				on conflict (channel_id, thread_ts) do nothing
				""").params(channelId, threadTs, partnerId, startedBy).update();
	}

	public boolean known(String channelId, String threadTs) {
		return jdbc.sql("select count(*) from slack_thread where channel_id = ? and thread_ts = ?")
			.params(channelId, threadTs)
			.query(Integer.class)
			.single() > 0;
	}

}
