package com.partnerbot.slack.bolt;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.platform.ScheduledJobs;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slack retries a delivery for minutes, not days: records older than a week are no longer
 * needed to recognise a repeat.
 */
@Component
@RequiredArgsConstructor
class DeliveryRetention {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

	private final JdbcClient jdbc;

	private final ScheduledJobs jobs;

	@Scheduled(cron = "${partnerbot.slack-delivery-retention-cron:0 17 3 * * *}")
	void prune() {
		jobs.runExclusively("slack-delivery-retention", Duration.ofMinutes(30), Duration.ofMinutes(1), () -> {
			int removed = jdbc.sql("delete from slack_delivery where received_at < now() - interval '7 days'").update();
			int sent = jdbc
				.sql("delete from slack_outbox where status = 'SENT' and sent_at < now() - interval '30 days'")
				.update();
			if (removed + sent > 0) {
				log.info("Pruned {} Slack delivery records older than 7 days and {} sent messages older than 30 days",
						removed, sent);
			}
		});
	}

}
