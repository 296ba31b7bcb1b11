package com.partnerbot.scorecards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The gaps between a partner's KPIs and a tier's requirements: plain arithmetic, no
 * guessing.
 */
final class ScorecardCalculator {

	private ScorecardCalculator() {
	}

	/**
	 * The requirements of {@code tier} the KPIs do not meet, the largest shortfall first.
	 */
	static List<Scorecard.Gap> gaps(Scorecard.Kpis kpis, ScorecardsProperties.TierRequirements tier) {
		List<Scorecard.Gap> gaps = new ArrayList<>();
		if (tier.wonRevenue().signum() > 0 && kpis.wonRevenue().compareTo(tier.wonRevenue()) < 0) {
			BigDecimal missing = tier.wonRevenue().subtract(kpis.wonRevenue());
			gaps.add(new Scorecard.Gap("revenue", "won revenue", kpis.wonRevenue().doubleValue(),
					tier.wonRevenue().doubleValue(), share(missing, tier.wonRevenue()),
					money(missing, kpis.currency()) + " more won revenue (" + money(kpis.wonRevenue(), kpis.currency())
							+ " of " + money(tier.wonRevenue(), kpis.currency()) + ")"));
		}
		tier.certifications().forEach((certification, needed) -> {
			int have = kpis.certifiedPeople().getOrDefault(certification, 0);
			if (have < needed) {
				int missing = needed - have;
				gaps.add(new Scorecard.Gap("certification", certification, have, needed, (double) missing / needed,
						missing + " more " + plural(label(certification), missing) + " (" + have + " of " + needed
								+ ")"));
			}
		});
		gaps.sort(Comparator.comparingDouble(Scorecard.Gap::shortfall).reversed());
		return gaps;
	}

	private static String label(String certification) {
		return certification.equals(ScorecardsProperties.ENGINEER) ? "certified engineer" : certification;
	}

	private static String plural(String label, int count) {
		if (count == 1) {
			return label;
		}
		return label.equals("certified engineer") ? "certified engineers" : label + "s";
	}

	private static double share(BigDecimal part, BigDecimal whole) {
		return part.divide(whole, 4, RoundingMode.HALF_UP).doubleValue();
	}

	static String money(BigDecimal amount, String currency) {
		BigDecimal value = amount.setScale(0, RoundingMode.HALF_UP);
		if (value.abs().compareTo(new BigDecimal("1000000")) >= 0) {
			return value.divide(new BigDecimal("1000000"), 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
					+ "M " + currency;
		}
		if (value.abs().compareTo(new BigDecimal("1000")) >= 0) {
			return value.divide(new BigDecimal("1000"), 0, RoundingMode.HALF_UP).toPlainString() + "k " + currency;
		}
		return NumberFormat.getIntegerInstance(Locale.US).format(value) + " " + currency;
	}

}
