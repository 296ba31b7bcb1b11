package com.partnerbot.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slack retries a delivery for minutes, not days: records older than a week are no longer
 * needed to recognise a repeat.
 */
@Component
class DeliveryRetention {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

	private final JdbcClient jdbc;

	DeliveryRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(cron = "${partnerbot.slack-delivery-retention-cron:0 17 3 * * *}")
	void prune() {
		int removed = jdbc.sql("delete from slack_delivery where received_at < now() - interval '7 days'").update();
		if (removed > 0) {
			log.info("Pruned {} Slack delivery records older than 7 days", removed);
		}
	}

}
