package com.partnerbot.program;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One partner's figures, for the program's own reporting (a row of the CSV export).
 *
 * @param partnerId the partner
 * @param name its name
 * @param tier its tier
 * @param health its health score, 0 to 100
 * @param status its health status
 * @param pipeline live registrations' value
 * @param wonRevenue won this program year
 * @param sourcedRevenue of which sourced
 * @param influencedRevenue of which influenced
 * @param won deals won, ever
 * @param lost deals lost, ever
 * @param winRate won over decided, null before any decision
 * @param psat its people's satisfaction, null with too few answers
 * @param daysToFirstDeal from joining to its first registration, null before one
 * @param daysToFirstRevenue from joining to its first win, null before one
 * @param onboardingDone steps of its journey done, null without a journey
 * @param onboardingSteps steps of its journey
 */
public record PartnerMetrics(UUID partnerId, String name, String tier, int health, PartnerHealth.Status status,
		BigDecimal pipeline, BigDecimal wonRevenue, BigDecimal sourcedRevenue, BigDecimal influencedRevenue, int won,
		int lost, Double winRate, Double psat, Long daysToFirstDeal, Long daysToFirstRevenue, Long onboardingDone,
		Integer onboardingSteps) {

}
