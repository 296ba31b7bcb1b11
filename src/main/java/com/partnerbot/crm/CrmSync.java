package com.partnerbot.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.platform.ScheduledJobs;

import lombok.RequiredArgsConstructor;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The CRM's truth, read back on a schedule: won and lost registrations set their outcome
 * (and the amount they closed at), so scorecards follow the CRM; the direct team's
 * accounts and open opportunities become direct accounts in the conflict check, and leave
 * it when they close. Reads what changed since the last read, with a minute of overlap:
 * applying a change twice changes nothing.
 */
@Component
@RequiredArgsConstructor
class CrmSync {

	/** Who the deals module is told set an outcome. */
	static final String SOURCE = "crm";

	private static final Logger log = LoggerFactory.getLogger(CrmSync.class);

	/**
	 * Records saved in the same instant as the last one read may show up a little later.
	 */
	private static final Duration OVERLAP = Duration.ofMinutes(1);

	private final Optional<CrmConnector> connector;

	private final CrmOutbox outbox;

	private final DealRegistrations registrations;

	private final CrmLimits limits;

	private final ScheduledJobs jobs;

	private final CrmProperties properties;

	/**
	 * What one read brought.
	 *
	 * @param outcomes registrations whose outcome changed
	 * @param directAdded direct accounts and opportunities added or updated
	 * @param directRemoved those that closed
	 * @param calls calls to the CRM
	 * @param ran false when another instance was reading, or the CRM was paused
	 */
	record Report(int outcomes, int directAdded, int directRemoved, int calls, boolean ran) {
	}

	@Scheduled(cron = "${partnerbot.crm-sync.in-cron:0 */15 * * * *}")
	void scheduled() {
		connector.ifPresent(crm -> {
			Report report = run(crm);
			if (report.outcomes() + report.directAdded() + report.directRemoved() > 0) {
				log.info("CRM sync from {}: {}", crm.name(), report);
			}
		});
	}

	/** Reads the CRM's changes now, unless another instance is at it. */
	Report run(CrmConnector crm) {
		Report[] report = { new Report(0, 0, 0, 0, false) };
		if (!limits.open()) {
			return report[0];
		}
		jobs.runExclusively("crm-in-" + crm.name(), properties.crmSync().claimLease(), Duration.ZERO, () -> {
			try {
				report[0] = read(crm);
			}
			catch (RuntimeException ex) {
				if (ex instanceof CrmCallException call && call.kind() == CrmCallException.Kind.RATE_LIMITED) {
					limits.pause(call.retryAfter(), crm.name() + " asked to slow down (429)");
				}
				else if (ex instanceof CrmCallException call && call.kind() == CrmCallException.Kind.DAILY_LIMIT) {
					limits.dailyLimitReached(call.getMessage());
				}
				log.warn("Reading changes from {} failed: {}", crm.name(), ex.getMessage());
				outbox.error(crm.name(), "sync in: " + ex.getMessage());
			}
		});
		return report[0];
	}

	private Report read(CrmConnector crm) {
		Instant watermark = outbox.watermark(crm.name());
		CrmConnector.Changes changes = crm.changesSince((watermark != null) ? watermark.minus(OVERLAP) : null);
		int outcomes = 0;
		for (CrmConnector.Outcome outcome : changes.outcomes()) {
			if (registrations.recordOutcome(outcome.registrationId(), outcome.won(), outcome.amount(), SOURCE)
				.isPresent()) {
				outcomes++;
			}
		}
		int added = 0;
		int removed = 0;
		for (CrmConnector.DirectEntry entry : changes.direct()) {
			if (entry.open()) {
				added += registrations.syncDirectAccount(entry.key(), entry.name(), entry.domain(), entry.owner(),
						entry.named()) ? 1 : 0;
			}
			else {
				removed += registrations.removeDirectAccount(entry.key()) ? 1 : 0;
			}
		}
		Instant next = changes.watermark();
		if (watermark != null && (next == null || next.isBefore(watermark))) {
			next = watermark;
		}
		outbox.succeeded(crm.name(), "IN", next);
		return new Report(outcomes, added, removed, changes.calls(), true);
	}

}
