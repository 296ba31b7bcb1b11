package com.partnerbot.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When the sync may call the CRM: not while a 429's {@code Retry-After} runs, and not
 * once the daily API allowance is down to the reserve kept for the vendor's people and
 * other integrations (Salesforce's {@code Sforce-Limit-Info}, HubSpot's
 * {@code X-HubSpot-RateLimit-Daily-Remaining}).
 */
@Component
class CrmLimits {

	private static final Logger log = LoggerFactory.getLogger(CrmLimits.class);

	/** How long to wait before looking at a spent daily allowance again. */
	private static final Duration DAILY_RECHECK = Duration.ofHours(1);

	private final Clock clock;

	private final double reserve;

	private volatile Instant pausedUntil = Instant.EPOCH;

	private volatile String reason;

	private volatile long dailyRemaining = -1;

	private volatile long dailyMax = -1;

	CrmLimits(ObjectProvider<Clock> clock, CrmProperties properties) {
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.reserve = properties.crmSync().dailyReserve();
	}

	/** Whether calls may go out now. */
	boolean open() {
		return !clock.instant().isBefore(pausedUntil);
	}

	Instant pausedUntil() {
		return open() ? null : pausedUntil;
	}

	String reason() {
		return open() ? null : reason;
	}

	long dailyRemaining() {
		return dailyRemaining;
	}

	long dailyMax() {
		return dailyMax;
	}

	/**
	 * Waits out a short pause before a call (a window's allowance used up in the middle
	 * of a batch); a longer one is the caller's to schedule around.
	 * @throws CrmCallException when the pause lasts longer than {@code maxWait}
	 */
	void awaitOpen(Duration maxWait) {
		Instant until = pausedUntil;
		Duration wait = Duration.between(clock.instant(), until);
		if (wait.isNegative() || wait.isZero()) {
			return;
		}
		if (wait.compareTo(maxWait) > 0) {
			throw new CrmCallException(CrmCallException.Kind.RATE_LIMITED, "calls paused: " + reason, wait);
		}
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CrmCallException(CrmCallException.Kind.TRANSIENT, "interrupted");
		}
	}

	/** The CRM asked for a pause (429 {@code Retry-After}). */
	void pause(Duration wait, String why) {
		Instant until = clock.instant().plus(wait);
		if (until.isAfter(pausedUntil)) {
			pausedUntil = until;
			reason = why;
			log.info("CRM calls paused until {}: {}", until, why);
		}
	}

	/** The daily allowance is spent (e.g. Salesforce's REQUEST_LIMIT_EXCEEDED). */
	void dailyLimitReached(String why) {
		pause(untilRefill(), why);
	}

	/** What a response says of the daily allowance. */
	void observeDaily(long remaining, long max) {
		if (remaining < 0 || max <= 0) {
			return;
		}
		dailyRemaining = remaining;
		dailyMax = max;
		if (remaining <= (long) Math.ceil(max * reserve)) {
			pause(untilRefill(), "daily API allowance down to the reserve (" + remaining + " of " + max + " left)");
		}
	}

	private Duration untilRefill() {
		// Salesforce's allowance is a rolling 24 hours, HubSpot's resets at midnight:
		// look
		// again within the hour rather than guess
		Instant midnight = LocalDate.now(clock.withZone(ZoneOffset.UTC))
			.plusDays(1)
			.atStartOfDay()
			.toInstant(ZoneOffset.UTC);
		Duration toMidnight = Duration.between(clock.instant(), midnight);
		return toMidnight.compareTo(DAILY_RECHECK) < 0 ? toMidnight : DAILY_RECHECK;
	}

}
