package com.partnerbot.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.platform.ScheduledJobs;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the outbox to the CRM in the vendor's batch size, on one instance at a time.
 * Each registration is written with its current state, by our id, so a write repeated
 * after a timeout or a crash updates the same record. Failures wait with exponential
 * backoff; a 429 pauses every call for its {@code Retry-After} without counting against
 * the record; after the last attempt the record is given up and channel managers told.
 */
@Component
@RequiredArgsConstructor
class CrmDelivery {

	private static final Logger log = LoggerFactory.getLogger(CrmDelivery.class);

	private final Optional<CrmConnector> connector;

	private final CrmOutbox outbox;

	private final DealRegistrations registrations;

	private final PartnerManagement partners;

	private final CrmLimits limits;

	private final ScheduledJobs jobs;

	private final CrmProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** What one run wrote. */
	record Report(int written, int failed, int retrying) {

		Report plus(Report other) {
			return new Report(written + other.written, failed + other.failed, retrying + other.retrying);
		}

	}

	@Scheduled(fixedDelayString = "${partnerbot.crm-sync.out-interval:2s}",
			initialDelayString = "${partnerbot.crm-sync.out-initial-delay:5s}")
	void tick() {
		connector.ifPresent(crm -> run(crm));
	}

	/** Writes what is due now, unless another instance is at it. */
	Report run(CrmConnector crm) {
		Report[] report = { new Report(0, 0, 0) };
		jobs.runExclusively("crm-out-" + crm.name(), properties.crmSync().claimLease(), Duration.ZERO,
				() -> report[0] = drain(crm));
		return report[0];
	}

	private Report drain(CrmConnector crm) {
		Report report = new Report(0, 0, 0);
		// stay well inside the job lock: another instance may take over after the lease
		Instant stop = clock.instant().plus(properties.crmSync().claimLease().dividedBy(2));
		while (limits.open() && clock.instant().isBefore(stop)) {
			List<CrmOutbox.Claimed> batch = outbox.claim(crm.name(), crm.batchSize(),
					properties.crmSync().claimLease());
			if (batch.isEmpty()) {
				break;
			}
			report = report.plus(deliver(crm, batch));
		}
		if (report.written() > 0) {
			outbox.succeeded(crm.name(), "OUT", null);
		}
		return report;
	}

	private Report deliver(CrmConnector crm, List<CrmOutbox.Claimed> batch) {
		Map<UUID, CrmOutbox.Claimed> claimed = new LinkedHashMap<>();
		List<CrmRecord> records = new ArrayList<>();
		Map<UUID, String> partnerNames = new HashMap<>();
		Set<UUID> known = outbox.known(crm.name(), batch.stream().map(CrmOutbox.Claimed::dealId).toList());
		for (CrmOutbox.Claimed row : batch) {
			Optional<Deal> deal = registrations.find(row.dealId());
			if (deal.isEmpty()) {
				outbox.dropMissing(crm.name(), row);
				continue;
			}
			claimed.put(row.dealId(), row);
			records.add(record(deal.get(), partnerNames, known.contains(row.dealId())));
		}
		if (records.isEmpty()) {
			return new Report(0, 0, 0);
		}
		List<CrmConnector.Written> results;
		try {
			results = crm.upsert(records);
		}
		catch (RuntimeException ex) {
			CrmCallException failure = (ex instanceof CrmCallException call) ? call
					: new CrmCallException(CrmCallException.Kind.TRANSIENT, ex.toString());
			log.warn("Writing {} registrations to {} failed: {}", records.size(), crm.name(), failure.getMessage());
			outbox.error(crm.name(), failure.getMessage());
			Report report = new Report(0, 0, 0);
			for (CrmOutbox.Claimed row : claimed.values()) {
				report = report.plus(failed(crm, row, failure.kind(), failure.getMessage(), failure.retryAfter()));
			}
			return report;
		}
		Report report = new Report(0, 0, 0);
		for (CrmConnector.Written result : results) {
			CrmOutbox.Claimed row = claimed.remove(result.registrationId());
			if (row == null) {
				continue;
			}
			if (result.succeeded()) {
				outbox.written(crm.name(), row, result.crmId());
				report = report.plus(new Report(1, 0, 0));
			}
			else {
				outbox.error(crm.name(), "registration " + row.dealId() + ": " + result.error());
				report = report.plus(failed(crm, row,
						result.retryable() ? CrmCallException.Kind.TRANSIENT : CrmCallException.Kind.PERMANENT,
						result.error(), null));
			}
		}
		for (CrmOutbox.Claimed unanswered : claimed.values()) {
			report = report.plus(failed(crm, unanswered, CrmCallException.Kind.TRANSIENT,
					"the CRM did not answer for this record", null));
		}
		return report;
	}

	private Report failed(CrmConnector crm, CrmOutbox.Claimed row, CrmCallException.Kind kind, String error,
			Duration retryAfter) {
		Instant now = clock.instant();
		switch (kind) {
			case RATE_LIMITED -> {
				limits.pause(retryAfter, crm.name() + " asked to slow down (429)");
				outbox.retryAt(crm.name(), row, now.plus(retryAfter), false, error);
				return new Report(0, 0, 1);
			}
			case DAILY_LIMIT -> {
				limits.dailyLimitReached(error);
				Instant until = (limits.pausedUntil() != null) ? limits.pausedUntil() : now.plus(Duration.ofHours(1));
				outbox.retryAt(crm.name(), row, until, false, error);
				return new Report(0, 0, 1);
			}
			case PERMANENT -> {
				return giveUp(crm, row, error);
			}
			default -> {
				if (row.attempts() + 1 >= properties.crmSync().maxAttempts()) {
					return giveUp(crm, row, error);
				}
				Duration wait = backoff(row.attempts());
				if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
					wait = retryAfter;
				}
				outbox.retryAt(crm.name(), row, now.plus(wait), true, error);
				return new Report(0, 0, 1);
			}
		}
	}

	private Report giveUp(CrmConnector crm, CrmOutbox.Claimed row, String error) {
		transactions.executeWithoutResult(status -> {
			if (outbox.giveUp(crm.name(), row, error)) {
				String reference = registrations.find(row.dealId())
					.map(Deal::reference)
					.orElse(row.dealId().toString());
				log.warn("Registration {} could not be written to {} after {} attempts: {}", reference, crm.name(),
						row.attempts() + 1, error);
				events.publishEvent(
						new CrmEvents.RecordFailed(row.dealId(), reference, crm.name(), error, row.attempts() + 1));
			}
		});
		return new Report(0, 1, 0);
	}

	/** Exponential from the first backoff, capped, with up to a fifth of jitter. */
	Duration backoff(int attempts) {
		long first = properties.crmSync().firstBackoff().toMillis();
		long max = properties.crmSync().maxBackoff().toMillis();
		long wait = (attempts >= 30) ? max : Math.min(max, first << attempts);
		return Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(Math.max(1, wait / 5)));
	}

	private CrmRecord record(Deal deal, Map<UUID, String> partnerNames, boolean known) {
		List<String> coSell = deal.coSellPartners().stream().map(id -> partnerName(id, partnerNames)).toList();
		return new CrmRecord(deal.id(), deal.reference(), deal.partnerId(), partnerName(deal.partnerId(), partnerNames),
				deal.customerName(), deal.customerDomain(), deal.products(), deal.amount(), deal.currency(),
				deal.expectedCloseDate(), deal.status().name(), deal.protectedUntil(), deal.role(), coSell,
				deal.registeredBy(), known);
	}

	private String partnerName(UUID id, Map<UUID, String> names) {
		return names.computeIfAbsent(id, key -> partners.find(key).map(Partner::name).orElse(key.toString()));
	}

}
