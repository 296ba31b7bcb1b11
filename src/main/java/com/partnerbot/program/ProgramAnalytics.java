package com.partnerbot.program;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Tier;
import com.partnerbot.scorecards.Scorecard;
import com.partnerbot.scorecards.Scorecards;
import com.partnerbot.scorecards.ScorecardsProperties;
import com.partnerbot.surveys.SurveyResults;
import com.partnerbot.surveys.Surveys;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Service;

/**
 * The program module's API for analytics: the program at a glance, each partner's
 * figures, their CSV export, and the charts staff see.
 */
@Service
@RequiredArgsConstructor
public class ProgramAnalytics {

	private final PartnerManagement partners;

	private final DealRegistrations deals;

	private final Scorecards scorecards;

	private final ScorecardsProperties scorecardRules;

	private final Surveys surveys;

	private final HealthChecks health;

	private final Onboarding onboarding;

	private final ProgramProperties properties;

	/** One partner's figures. */
	public PartnerMetrics metrics(UUID partnerId) {
		return metrics(partners.get(partnerId));
	}

	private PartnerMetrics metrics(Partner partner) {
		Scorecard.Kpis kpis = scorecards.kpis(partner.id());
		PartnerHealth reading = health.health(partner.id());
		int won = 0;
		int lost = 0;
		for (Deal deal : deals.forPartner(partner.id())) {
			won += (deal.status() == DealStatus.WON) ? 1 : 0;
			lost += (deal.status() == DealStatus.LOST) ? 1 : 0;
		}
		Optional<Journey> journey = onboarding.journey(partner.id());
		return new PartnerMetrics(partner.id(), partner.name(), partner.tier().label(), reading.score(),
				reading.status(), kpis.registeredPipeline(), kpis.wonRevenue(), kpis.sourcedRevenue(),
				kpis.influencedRevenue(), won, lost, kpis.winRate(), surveys.partnerSatisfaction(partner.id()).psat(),
				kpis.daysToFirstDeal(), kpis.daysToFirstRevenue(), journey.map(Journey::doneCount).orElse(null),
				journey.map(j -> j.steps().size()).orElse(null));
	}

	/** The program at a glance, with every partner's figures. */
	public ProgramSummary summary() {
		List<PartnerMetrics> metrics = partners.all().stream().map(this::metrics).toList();
		Map<String, Long> byTier = new LinkedHashMap<>();
		Arrays.stream(Tier.values()).forEach(t -> byTier.put(t.label(), 0L));
		Map<String, Long> byHealth = new LinkedHashMap<>();
		Arrays.stream(PartnerHealth.Status.values()).forEach(s -> byHealth.put(s.name(), 0L));
		BigDecimal pipeline = BigDecimal.ZERO;
		BigDecimal won = BigDecimal.ZERO;
		BigDecimal sourced = BigDecimal.ZERO;
		BigDecimal influenced = BigDecimal.ZERO;
		int wins = 0;
		int losses = 0;
		for (PartnerMetrics m : metrics) {
			byTier.merge(m.tier(), 1L, Long::sum);
			byHealth.merge(m.status().name(), 1L, Long::sum);
			pipeline = pipeline.add(m.pipeline());
			won = won.add(m.wonRevenue());
			sourced = sourced.add(m.sourcedRevenue());
			influenced = influenced.add(m.influencedRevenue());
			wins += m.won();
			losses += m.lost();
		}
		SurveyResults satisfaction = surveys.programResults(null);
		List<ProgramSummary.Month> trend = satisfaction.trend()
			.stream()
			.map(p -> new ProgramSummary.Month(p.period(), p.psat(), p.nps()))
			.toList();
		return new ProgramSummary(scorecardRules.currency(), metrics.size(), byTier, byHealth, pipeline, won, sourced,
				influenced, (wins + losses == 0) ? null : (double) wins / (wins + losses), satisfaction.psat(),
				satisfaction.nps(), trend, funnel(), funds(metrics), metrics);
	}

	private List<ProgramSummary.Funnel> funnel() {
		List<Journey> journeys = onboarding.all();
		List<ProgramSummary.Funnel> funnel = new ArrayList<>();
		for (ProgramProperties.Step step : properties.onboarding().steps()) {
			long done = journeys.stream()
				.filter(j -> j.steps().stream().anyMatch(s -> s.name().equals(step.name()) && s.done()))
				.count();
			funnel.add(new ProgramSummary.Funnel(step.name(), step.label(), done, journeys.size()));
		}
		return funnel;
	}

	/** The program's funds and their return, when the MDF module tells any. */
	private ProgramSummary.Funds funds(List<PartnerMetrics> metrics) {
		BigDecimal allocated = BigDecimal.ZERO;
		BigDecimal paid = BigDecimal.ZERO;
		BigDecimal unspent = BigDecimal.ZERO;
		BigDecimal expiring = BigDecimal.ZERO;
		BigDecimal returned = BigDecimal.ZERO;
		boolean any = false;
		for (PartnerMetrics m : metrics) {
			Optional<FundSignals.FundPosition> position = health.funds(m.partnerId());
			if (position.isPresent()) {
				any = true;
				allocated = allocated.add(position.get().allocated());
				paid = paid.add(position.get().paid());
				unspent = unspent.add(position.get().unspent());
				expiring = expiring.add(position.get().expiringSoon());
				returned = returned.add(m.wonRevenue());
			}
		}
		if (!any) {
			return null;
		}
		Double ropi = (paid.signum() == 0) ? null : returned.doubleValue() / paid.doubleValue();
		return new ProgramSummary.Funds(allocated, paid, unspent, expiring, ropi);
	}

	/**
	 * Every partner's figures as CSV, one row a partner, for the program's own reports.
	 */
	public String csv() {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.RFC4180.builder()
					.setHeader("partner_id", "name", "tier", "health", "status", "pipeline", "won_revenue",
							"sourced_revenue", "influenced_revenue", "won", "lost", "win_rate", "psat",
							"days_to_first_deal", "days_to_first_revenue", "onboarding_done", "onboarding_steps")
					.get())) {
			for (PartnerMetrics m : summary().partnerMetrics()) {
				csv.printRecord(m.partnerId(), safe(m.name()), m.tier(), m.health(), m.status(), m.pipeline(),
						m.wonRevenue(), m.sourcedRevenue(), m.influencedRevenue(), m.won(), m.lost(), m.winRate(),
						m.psat(), m.daysToFirstDeal(), m.daysToFirstRevenue(), m.onboardingDone(), m.onboardingSteps());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** A name that starts like a formula would run as one in a spreadsheet. */
	private static String safe(String text) {
		return (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

}
