package com.partnerbot.slack.outbox;

import java.util.List;

import com.slack.api.util.json.GsonFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.slack.bolt.BotProperties;
import com.partnerbot.slack.bolt.Messages;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every alert, notice and survey message is stored before it is sent. Storing is
 * part of the caller's transaction; {@link OutboxDelivery} sends it afterwards, so a
 * message is never lost to Slack being down or the bot restarting, and a message stored
 * twice under one key is sent once.
 */
@Component
@RequiredArgsConstructor
public class SlackOutbox {

	private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);

	private final JdbcClient jdbc;

	private final BotProperties properties;

	private final JdbcTemplate batches;

	/** Stores an alert for the channel managers' channel. */
	public boolean alert(String key, Messages.Reply reply) {
		return alert(key, Outbound.Priority.NORMAL, reply);
	}

	/**
	 * Stores an alert for the channel managers' channel, sent before the channel's
	 * waiting alerts of lower priority.
	 */
	public boolean alert(String key, Outbound.Priority priority, Messages.Reply reply) {
		return enqueue(Outbound
			.toChannel(key, "alert", properties.hasAlertsChannel() ? properties.alertsChannel() : null, null, reply)
			.withPriority(priority));
	}

	/** Stores an alert for the thread under an earlier alert, once that one is out. */
	public boolean alertUnder(String key, String parentKey, Messages.Reply reply) {
		return enqueue(Outbound
			.toChannel(key, "alert", properties.hasAlertsChannel() ? properties.alertsChannel() : null, null, reply)
			.underMessage(parentKey));
	}

	/** Stores a message; false when one with its key was stored before. */
	@Transactional
	public boolean enqueue(Outbound message) {
		boolean stored = enqueueAll(List.of(message)) > 0;
		if (stored && message.lane() == null) {
			log.info("Alert {} stored; no alerts channel is configured (PARTNERBOT_ALERTS_CHANNEL): {}", message.key(),
					message.reply().text());
		}
		return stored;
	}

	/**
	 * Stores many messages at once (a campaign's thousands in batches); returns how many
	 * were new.
	 */
	@Transactional
	public int enqueueAll(List<Outbound> messages) {
		int[][] counts = batches.batchUpdate("""
				insert into slack_outbox (dedup_key, kind, lane, channel, dm_user, thread_ts, thread_key,
				                          text, blocks, status, priority)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (dedup_key) do nothing""", messages, 500, (statement, message) -> {
			String lane = message.lane();
			statement.setString(1, message.key());
			statement.setString(2, message.kind());
			statement.setString(3, lane);
			statement.setString(4, blankToNull(message.channel()));
			statement.setString(5, message.dmUser());
			statement.setString(6, message.threadTs());
			statement.setString(7, message.threadKey());
			statement.setString(8, message.reply().text());
			statement.setString(9, blocksJson(message.reply()));
			statement.setString(10, (lane == null) ? "HELD" : "PENDING");
			statement.setInt(11,
					(message.priority() != null) ? message.priority().rank() : Outbound.Priority.NORMAL.rank());
		});
		int stored = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				stored += (count > 0) ? 1 : 0;
			}
		}
		if (stored >= 1000) {
			// thousands of rows at once (a campaign): without fresh statistics the
			// planner
			// walks the claim query row by row until autovacuum catches up (the first
			// invitations waited about 25 s in bench/survey-campaign.sh)
			jdbc.sql("analyze slack_outbox").update();
		}
		return stored;
	}

	private static String blocksJson(Messages.Reply reply) {
		return (reply.blocks() == null || reply.blocks().isEmpty()) ? null
				: GsonFactory.createSnakeCase().toJson(reply.blocks());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
