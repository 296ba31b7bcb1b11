package com.partnerbot.deals;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.platform.ScheduledJobs;

import lombok.RequiredArgsConstructor;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour: reminders before protection ends, and expiry when it has. Each registration
 * is claimed by one update, and the job runs on one instance at a time.
 */
@Component
@RequiredArgsConstructor
class DealLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DealLifecycle.class);

	private final DealRegistrations registrations;

	private final ScheduledJobs jobs;

	@Scheduled(cron = "${partnerbot.deals.lifecycle-cron:0 5 * * * *}")
	void run() {
		jobs.runExclusively("deal-lifecycle", Duration.ofMinutes(30), Duration.ofMinutes(1), () -> {
			int changed = registrations.remindAndExpire();
			if (changed > 0) {
				log.info("Deal lifecycle: {} reminders and expiries", changed);
			}
		});
	}

}
