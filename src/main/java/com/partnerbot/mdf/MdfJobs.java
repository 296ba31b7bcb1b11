package com.partnerbot.mdf;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.platform.ScheduledJobs;

import lombok.RequiredArgsConstructor;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour: the last quarter's accruals (once each), reminders before funds expire and
 * claims fall due, expiry of requests never claimed, and the month's note of unspent
 * funds. Runs on one instance at a time.
 */
@Component
@RequiredArgsConstructor
class MdfJobs {

	private static final Logger log = LoggerFactory.getLogger(MdfJobs.class);

	private final MdfManagement mdf;

	private final ScheduledJobs jobs;

	private final Clock clock;

	@Scheduled(cron = "${partnerbot.mdf.lifecycle-cron:0 15 * * * *}")
	void run() {
		jobs.runExclusively("mdf-lifecycle", Duration.ofMinutes(30), Duration.ofMinutes(1), () -> {
			int accrued = mdf.accrue(Quarter.of(LocalDate.now(clock)).plus(-1), "system").size();
			int changed = mdf.remindAndExpire();
			boolean noted = mdf.noteUnspentFunds();
			if (accrued + changed > 0 || noted) {
				log.info("MDF lifecycle: {} accruals, {} reminders and expiries, monthly note {}", accrued, changed,
						noted ? "sent" : "not due");
			}
		});
	}

}
