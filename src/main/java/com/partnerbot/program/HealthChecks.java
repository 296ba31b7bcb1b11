package com.partnerbot.program;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.assistant.Answering;
import com.partnerbot.assistant.QuestionCounts;
import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.platform.ScheduledJobs;
import com.partnerbot.scorecards.Scorecard;
import com.partnerbot.scorecards.Scorecards;
import com.partnerbot.scorecards.ScorecardsProperties;
import com.partnerbot.surveys.SurveyResults;
import com.partnerbot.surveys.Surveys;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The program module's API for partner health: a partner's score with its signals, and
 * the daily check that alerts a partner's channel manager when it turns at risk.
 */
@Service
@RequiredArgsConstructor
public class HealthChecks {

	private static final Logger log = LoggerFactory.getLogger(HealthChecks.class);

	private final PartnerManagement partners;

	private final DealRegistrations deals;

	private final Surveys surveys;

	private final Scorecards scorecards;

	private final ScorecardsProperties tiers;

	private final Answering answering;

	private final ObjectProvider<FundSignals> funds;

	private final HealthReadings readings;

	private final ProgramProperties properties;

	private final ApplicationEventPublisher events;

	private final ScheduledJobs jobs;

	private final Clock clock;

	private final TransactionTemplate transactions;

	/**
	 * A partner's health as of now.
	 * @throws com.partnerbot.platform.NotFoundException when there is no such partner
	 */
	public PartnerHealth health(UUID partnerId) {
		return HealthScoring.score(partnerId, facts(partners.get(partnerId)), properties.health());
	}

	// the mdf module is optional: without it, no partner has funds
	private FundSignals fundSignals() {
		return funds.getIfAvailable(() -> FundSignals.NONE);
	}

	/** The partner's market development funds, if any are known. */
	public Optional<FundSignals.FundPosition> funds(UUID partnerId) {
		return fundSignals().position(partnerId);
	}

	/**
	 * Reads a partner's health and records it; a partner that turns at risk is announced
	 * once, with the reasons, until it recovers and turns at risk again.
	 */
	public PartnerHealth check(UUID partnerId) {
		Partner partner = partners.get(partnerId);
		PartnerHealth health = HealthScoring.score(partnerId, facts(partner), properties.health());
		// the reading and its announcement commit together
		transactions.executeWithoutResult(tx -> readings.record(health, clock.instant()).ifPresent(since -> {
			log.info("Partner {} turned at risk (score {})", partner.name(), health.score());
			events.publishEvent(new ProgramEvents.TurnedAtRisk(partner, health, since));
		}));
		return health;
	}

	/** Every partner's health, checked and recorded. */
	public List<PartnerHealth> checkAll() {
		return partners.all().stream().map(p -> check(p.id())).toList();
	}

	@Scheduled(cron = "${partnerbot.program.health-cron:0 30 6 * * *}")
	void daily() {
		jobs.runExclusively("partner-health", Duration.ofMinutes(30), Duration.ofMinutes(1), this::checkAll);
	}

	private HealthScoring.Facts facts(Partner partner) {
		int window = properties.health().windowDays();
		LocalDate today = LocalDate.now(clock);
		LocalDate from = today.minusDays(window);
		Instant since = clock.instant().minus(Duration.ofDays(window));
		int registrations = 0;
		int wins = 0;
		int lapsed = 0;
		int protectedNow = 0;
		for (Deal deal : deals.forPartner(partner.id())) {
			if (!deal.createdAt().isBefore(since)) {
				registrations++;
			}
			LocalDate closed = (deal.closedOn() != null) ? deal.closedOn() : deal.expectedCloseDate();
			if (deal.status() == DealStatus.WON && !closed.isBefore(from)) {
				wins++;
			}
			if (deal.status() == DealStatus.EXPIRED && deal.protectedUntil() != null
					&& !deal.protectedUntil().isBefore(from)) {
				lapsed++;
			}
			if ((deal.status() == DealStatus.APPROVED || deal.status() == DealStatus.CO_SELL)
					&& deal.protectedUntil() != null && !deal.protectedUntil().isBefore(today)) {
				protectedNow++;
			}
		}
		int[] certifications = certifications(partner);
		QuestionCounts questions = answering.questionCounts(partner.id(), since);
		return new HealthScoring.Facts(registrations, wins, surveys.partnerSatisfaction(partner.id()).psat(),
				psatChange(partner.id()), certifications[0], certifications[1], questions.asked(),
				questions.unanswered(), lapsed, protectedNow, fundSignals().position(partner.id()).orElse(null));
	}

	/** Certified people toward the tier's requirements, and the people it requires. */
	private int[] certifications(Partner partner) {
		ScorecardsProperties.TierRequirements required = tiers.tiers()
			.get(partner.tier().name().toLowerCase(Locale.ROOT));
		if (required == null || required.certifications().isEmpty()) {
			return new int[] { 0, 0 };
		}
		Scorecard.Kpis kpis = scorecards.kpis(partner.id());
		int have = 0;
		int need = 0;
		for (Map.Entry<String, Integer> requirement : required.certifications().entrySet()) {
			need += requirement.getValue();
			have += Math.min(requirement.getValue(), kpis.certifiedPeople().getOrDefault(requirement.getKey(), 0));
		}
		return new int[] { have, need };
	}

	/** The last month's PSAT less the month before's, when both have one. */
	private Double psatChange(UUID partnerId) {
		List<SurveyResults.TrendPoint> months = surveys.programResults(partnerId)
			.trend()
			.stream()
			.filter(p -> p.psat() != null)
			.toList();
		if (months.size() < 2) {
			return null;
		}
		return months.get(months.size() - 1).psat() - months.get(months.size() - 2).psat();
	}

}
