package com.partnerbot.program;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The program at a glance.
 *
 * @param currency the currency of the amounts
 * @param partners how many partners
 * @param partnersByTier partners per tier
 * @param partnersByHealth partners per health status
 * @param pipeline live registrations' value
 * @param wonRevenue won this program year
 * @param sourcedRevenue the part won on deals partners sourced
 * @param influencedRevenue the part won on deals partners influenced
 * @param winRate won over decided, null before any decision
 * @param psat the partners' people's satisfaction with the program (1-5), null with too
 * few answers
 * @param nps their net promoter score, null with too few answers
 * @param satisfactionTrend PSAT and NPS by month
 * @param onboarding how many journeys have done each step
 * @param mdf market development funds and their return, null until the MDF module tells
 * @param partnerMetrics each partner's figures
 */
public record ProgramSummary(String currency, int partners, Map<String, Long> partnersByTier,
		Map<String, Long> partnersByHealth, BigDecimal pipeline, BigDecimal wonRevenue, BigDecimal sourcedRevenue,
		BigDecimal influencedRevenue, Double winRate, Double psat, Double nps, List<Month> satisfactionTrend,
		List<Funnel> onboarding, Funds mdf, List<PartnerMetrics> partnerMetrics) {

	public record Month(String period, Double psat, Double nps) {
	}

	/**
	 * @param step the step's key
	 * @param label its label
	 * @param done journeys that did it
	 * @param journeys journeys in all
	 */
	public record Funnel(String step, String label, long done, long journeys) {
	}

	/**
	 * @param allocated allocated to partners
	 * @param paid paid out on claims
	 * @param unspent neither committed nor claimed
	 * @param expiringSoon unspent and ending within 30 days
	 * @param ropi won revenue of the partners with funds per unit paid, null before any
	 * payment
	 */
	public record Funds(BigDecimal allocated, BigDecimal paid, BigDecimal unspent, BigDecimal expiringSoon,
			Double ropi) {
	}

}
