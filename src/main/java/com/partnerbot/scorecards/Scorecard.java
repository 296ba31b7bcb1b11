package com.partnerbot.scorecards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a partner stands.
 *
 * @param partnerId the partner
 * @param partnerName its name
 * @param tier its tier
 * @param nextTier the tier above, or null at the top
 * @param kpis the figures
 * @param gaps what the next tier needs that the partner does not have yet
 * @param atRisk what the current tier needs that the partner no longer has
 * @param recommendations the training that closes the gaps, most useful first
 * @param nextTierBenefit what reaching the next tier brings
 * @param programSatisfaction how the partner's people rate the vendor's program: a signal
 * for the vendor, never a requirement of the partner
 * @param mdf the partner's market development funds and their return, null when the
 * program manages none for it
 */
public record Scorecard(UUID partnerId, String partnerName, String tier, String nextTier, Kpis kpis, List<Gap> gaps,
		List<Gap> atRisk, List<Recommendation> recommendations, String nextTierBenefit,
		ProgramSatisfaction programSatisfaction, Funds mdf) {

	/**
	 * A partner's market development funds and what they brought in.
	 *
	 * @param currency the currency of the amounts
	 * @param allocated every allocation and accrual that has become spendable
	 * @param paid claims paid out
	 * @param utilisation committed, claimed and paid over allocated (0 to 1)
	 * @param wonRevenue won revenue of the registrations tied to its MDF activities
	 * @param returnPerUnitPaid that won revenue per unit of currency paid (per dollar),
	 * null before anything is paid
	 */
	public record Funds(String currency, BigDecimal allocated, BigDecimal paid, BigDecimal utilisation,
			BigDecimal wonRevenue, BigDecimal returnPerUnitPaid) {
	}

	/**
	 * @param currency the currency of the amounts
	 * @param registeredPipeline live registrations' value
	 * @param wonRevenue won registrations' value this program year
	 * @param winRate won over decided (won and lost), null before any
	 * @param certifiedPeople people per certification requirement
	 * @param courseCompletions courses completed by the partner's people
	 * @param daysToFirstDeal from joining to the first registration, null before it
	 * @param sourcedRevenue the part of the won revenue from deals the partner sourced
	 * @param influencedRevenue the part from deals the partner influenced
	 * @param daysToFirstRevenue from joining to the first win, null before it
	 */
	public record Kpis(String currency, BigDecimal registeredPipeline, BigDecimal wonRevenue, Double winRate,
			Map<String, Integer> certifiedPeople, int courseCompletions, Long daysToFirstDeal,
			BigDecimal sourcedRevenue, BigDecimal influencedRevenue, Long daysToFirstRevenue) {
	}

	/**
	 * The partner's people's satisfaction with the vendor's program over twelve months.
	 *
	 * @param psat the average (1-5), null below {@code minResponses} answers
	 * @param responses how many answered
	 * @param minResponses answers it takes before the average is shown
	 */
	public record ProgramSatisfaction(Double psat, int responses, int minResponses) {
	}

	/**
	 * A requirement not met.
	 *
	 * @param kind revenue or certification
	 * @param requirement what is required, e.g. the certification's name
	 * @param have what the partner has
	 * @param need what the tier needs
	 * @param shortfall the missing share of the requirement, 0 to 1
	 * @param description one line for people
	 */
	public record Gap(String kind, String requirement, double have, double need, double shortfall, String description) {
	}

	/**
	 * @param course the course's title
	 * @param code the course's code
	 * @param link where to take it
	 * @param reason why, in one line: the gap it closes and the step it is
	 * @param tier the tier whose requirement the gap is (the current one when at risk)
	 */
	public record Recommendation(String course, String code, String link, String reason, String tier) {
	}

}
