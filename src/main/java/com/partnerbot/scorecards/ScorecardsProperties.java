package com.partnerbot.scorecards;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tier requirements and how the scorecard counts ({@code partnerbot.scorecards.*}); see
 * docs/tiers-and-requirements.md for how a program manager changes them.
 *
 * @param currency the currency revenue targets are in
 * @param exchangeRates what one unit of another currency is worth in {@code currency}
 * @param tiers what each tier (by name, lower case) requires
 */
@ConfigurationProperties("partnerbot.scorecards")
public record ScorecardsProperties(@DefaultValue("USD") String currency, Map<String, BigDecimal> exchangeRates,
		Map<String, TierRequirements> tiers) {

	/** The sales certification, as the training catalogue names it. */
	public static final String SALES = "Certified Sales Professional";

	/**
	 * Any of the engineering certifications: one person counts once, whichever they hold.
	 */
	public static final String ENGINEER = "certified engineer";

	public ScorecardsProperties {
		exchangeRates = (exchangeRates != null && !exchangeRates.isEmpty()) ? Map.copyOf(exchangeRates)
				: Map.of("EUR", new BigDecimal("1.08"), "GBP", new BigDecimal("1.27"), "CAD", new BigDecimal("0.73"),
						"AUD", new BigDecimal("0.66"));
		tiers = (tiers != null && !tiers.isEmpty()) ? Map.copyOf(tiers) : defaultTiers();
	}

	/**
	 * What a tier requires over the program year. A partner's satisfaction with the
	 * vendor's program (PSAT) is the vendor's health signal, never a requirement of the
	 * partner; satisfaction of the partner's customers would be a measure with its own
	 * source, and the program has none.
	 *
	 * @param wonRevenue won revenue, in the program currency
	 * @param certifications certification name to the number of certified people needed
	 * @param benefit what reaching the tier brings, for the nudge
	 */
	public record TierRequirements(BigDecimal wonRevenue, Map<String, Integer> certifications, String benefit) {

		public TierRequirements {
			wonRevenue = (wonRevenue != null) ? wonRevenue : BigDecimal.ZERO;
			certifications = (certifications != null) ? Map.copyOf(certifications) : Map.of();
		}

	}

	private static Map<String, TierRequirements> defaultTiers() {
		Map<String, TierRequirements> tiers = new LinkedHashMap<>();
		tiers.put("registered", new TierRequirements(BigDecimal.ZERO, Map.of(), "10% discount"));
		tiers.put("silver", new TierRequirements(new BigDecimal("100000"), Map.of(SALES, 1), "15% discount and MDF"));
		tiers.put("gold", new TierRequirements(new BigDecimal("400000"), Map.of(SALES, 2, ENGINEER, 2),
				"20% discount and 5 points more margin on registered deals"));
		tiers.put("platinum", new TierRequirements(new BigDecimal("1500000"), Map.of(SALES, 4, ENGINEER, 4),
				"25% discount, 5 points more margin on registered deals and a designated technical manager"));
		return tiers;
	}

}
