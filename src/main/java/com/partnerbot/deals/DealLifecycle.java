package com.partnerbot.deals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour: reminders before protection ends, and expiry when it has. Each registration
 * is claimed by one update, so several instances running this at once remind once.
 */
@Component
class DealLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DealLifecycle.class);

	private final DealRegistrations registrations;

	DealLifecycle(DealRegistrations registrations) {
		this.registrations = registrations;
	}

	@Scheduled(cron = "${partnerbot.deals.lifecycle-cron:0 5 * * * *}")
	void run() {
		int changed = registrations.remindAndExpire();
		if (changed > 0) {
			log.info("Deal lifecycle: {} reminders and expiries", changed);
		}
	}

}
