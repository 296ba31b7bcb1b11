package com.partnerbot.program;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.assistant.Answering;
import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.platform.ScheduledJobs;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a week, each channel manager's digest: their partners whose health changed,
 * stalled onboardings, registrations whose protection ends soon, funds about to expire
 * and questions left unanswered. Each manager's digest of a week is recorded in the
 * database with its announcement, so however often the job runs, on however many
 * instances and across restarts, a manager gets one a week.
 */
@Service
@RequiredArgsConstructor
public class WeeklyDigests {

	private static final Logger log = LoggerFactory.getLogger(WeeklyDigests.class);

	private static final int EXPIRY_DAYS = 14;

	private final PartnerManagement partners;

	private final DealRegistrations deals;

	private final Answering answering;

	private final HealthChecks health;

	private final HealthReadings readings;

	private final Onboarding onboarding;

	private final Journeys journeys;

	private final ApplicationEventPublisher events;

	private final ScheduledJobs jobs;

	private final TransactionTemplate transactions;

	private final Clock clock;

	@Scheduled(cron = "${partnerbot.program.digest-cron:0 0 8 * * MON}")
	void weekly() {
		jobs.runExclusively("weekly-digest", Duration.ofMinutes(30), Duration.ofMinutes(5), this::send);
	}

	/** This week's digests, to each manager who has not had theirs; returns how many. */
	public int send() {
		LocalDate today = LocalDate.now(clock);
		String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		Map<String, List<Partner>> byManager = partners.all()
			.stream()
			.filter(p -> p.channelManager() != null)
			.collect(Collectors.groupingBy(Partner::channelManager));
		int sent = 0;
		for (Map.Entry<String, List<Partner>> manager : byManager.entrySet()) {
			Digest digest = digest(manager.getValue());
			Boolean first = transactions.execute(tx -> {
				if (!journeys.remind("digest:" + week + ":" + manager.getKey(), clock.instant())) {
					return false;
				}
				events.publishEvent(new ProgramEvents.WeeklyDigest(manager.getKey(), week, digest));
				return true;
			});
			sent += Boolean.TRUE.equals(first) ? 1 : 0;
		}
		log.info("Weekly digests of {}: {} sent", week, sent);
		return sent;
	}

	private Digest digest(List<Partner> book) {
		Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
		LocalDate today = LocalDate.now(clock);
		Map<java.util.UUID, Partner> byId = book.stream().collect(Collectors.toMap(Partner::id, Function.identity()));
		List<Digest.HealthChange> changes = readings.changedSince(weekAgo)
			.stream()
			.filter(c -> byId.containsKey(c.partnerId()))
			.map(c -> new Digest.HealthChange(c.partnerId(), byId.get(c.partnerId()).name(), c.previousStatus(),
					c.status(), c.score()))
			.toList();
		int stallDays = onboarding.stallDays();
		List<Digest.PartnerLine> stalled = new ArrayList<>();
		List<Digest.ExpiringDeal> expiring = new ArrayList<>();
		List<Digest.ExpiringFunds> funds = new ArrayList<>();
		List<Digest.Unanswered> unanswered = new ArrayList<>();
		for (Partner partner : book) {
			onboarding.journey(partner.id()).filter(j -> !j.complete()).ifPresent(j -> {
				long idle = Duration.between(j.lastProgress(), clock.instant()).toDays();
				if (idle >= stallDays) {
					stalled.add(new Digest.PartnerLine(partner.id(), partner.name(),
							"no step for " + idle + " days; next: " + j.open().get(0).label()));
				}
			});
			for (Deal deal : deals.forPartner(partner.id())) {
				if (deal.status().isLive() && deal.protectedUntil() != null && !deal.protectedUntil().isBefore(today)
						&& deal.protectedUntil().isBefore(today.plusDays(EXPIRY_DAYS))) {
					expiring.add(new Digest.ExpiringDeal(partner.name(), deal.reference(), deal.customerName(),
							deal.protectedUntil()));
				}
			}
			health.funds(partner.id())
				.filter(f -> f.expiringSoon().signum() > 0)
				.ifPresent(f -> funds.add(new Digest.ExpiringFunds(partner.name(), f.expiringSoon())));
			int open = answering.questionCounts(partner.id(), weekAgo).unanswered();
			if (open > 0) {
				unanswered.add(new Digest.Unanswered(partner.name(), open));
			}
		}
		return new Digest(changes, stalled, expiring, funds, unanswered);
	}

}
