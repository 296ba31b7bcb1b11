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
 */
public record Scorecard(UUID partnerId, String partnerName, String tier, String nextTier, Kpis kpis, List<Gap> gaps,
		List<Gap> atRisk, List<Recommendation> recommendations, String nextTierBenefit) {

	/**
	 * @param currency the currency of the amounts
	 * @param registeredPipeline live registrations' value
	 * @param wonRevenue won registrations' value this program year
	 * @param winRate won over decided (won and lost), null before any
	 * @param certifiedPeople people per certification requirement
	 * @param courseCompletions courses completed by the partner's people
	 * @param psat average satisfaction, null when not surveyed
	 * @param daysToFirstDeal from joining to the first registration, null before it
	 * @param sourcedRevenue the part of the won revenue from deals the partner sourced
	 * @param influencedRevenue the part from deals the partner influenced
	 */
	public record Kpis(String currency, BigDecimal registeredPipeline, BigDecimal wonRevenue, Double winRate,
			Map<String, Integer> certifiedPeople, int courseCompletions, Double psat, Long daysToFirstDeal,
			BigDecimal sourcedRevenue, BigDecimal influencedRevenue) {
	}

	/**
	 * A requirement not met.
	 *
	 * @param kind revenue, certification or psat
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
	 * @param reason why, in one line
	 */
	public record Recommendation(String course, String code, String link, String reason) {
	}

}
