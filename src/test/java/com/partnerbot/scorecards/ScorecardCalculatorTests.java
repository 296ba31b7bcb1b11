package com.partnerbot.scorecards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.partnerbot.scorecards.ScorecardsProperties.ENGINEER;
import static com.partnerbot.scorecards.ScorecardsProperties.SALES;
import static org.assertj.core.api.Assertions.assertThat;

class ScorecardCalculatorTests {

	private final ScorecardsProperties defaults = new ScorecardsProperties("USD", null, null);

	private static Scorecard.Kpis kpis(String won, Map<String, Integer> certified) {
		return new Scorecard.Kpis("USD", BigDecimal.ZERO, new BigDecimal(won), null, certified, 0, null,
				new BigDecimal(won), BigDecimal.ZERO, null);
	}

	private ScorecardsProperties.TierRequirements tier(String name) {
		return defaults.tiers().get(name);
	}

	@Test
	void aNewRegisteredPartnerNeedsRevenueAndASalesCertificationForSilver() {
		List<Scorecard.Gap> gaps = ScorecardCalculator.gaps(kpis("0", Map.of()), tier("silver"));
		assertThat(gaps).extracting(Scorecard.Gap::description)
			.containsExactly("100k USD more won revenue (0 USD of 100k USD)",
					"1 more Certified Sales Professional (0 of 1)");
		assertThat(ScorecardCalculator.gaps(kpis("0", Map.of()), tier("registered"))).isEmpty();
	}

	@Test
	void aSilverPartnerTwoCertificationsAndEightyThousandFromGold() {
		List<Scorecard.Gap> gaps = ScorecardCalculator.gaps(kpis("320000", Map.of(SALES, 2, ENGINEER, 0)),
				tier("gold"));
		assertThat(gaps).extracting(Scorecard.Gap::description)
			.containsExactly("2 more certified engineers (0 of 2)", "80k USD more won revenue (320k USD of 400k USD)");
		assertThat(gaps.get(0).shortfall()).isEqualTo(1.0);
		assertThat(gaps.get(1).shortfall()).isEqualTo(0.2);
	}

	@Test
	void aGoldPartnerMeetingEverythingHasNoGapAndNothingAtRisk() {
		Scorecard.Kpis kpis = kpis("450000", Map.of(SALES, 2, ENGINEER, 2));
		assertThat(ScorecardCalculator.gaps(kpis, tier("gold"))).isEmpty();
		assertThat(ScorecardCalculator.gaps(kpis, tier("platinum"))).extracting(Scorecard.Gap::requirement)
			.containsExactlyInAnyOrder("won revenue", SALES, ENGINEER);
	}

	@Test
	void aPlatinumPartnerMeetingRevenueAndCertificationsHasNothingAtRisk() {
		// the partner's rating of the vendor's program is no requirement of the partner
		assertThat(ScorecardCalculator.gaps(kpis("2000000", Map.of(SALES, 4, ENGINEER, 4)), tier("platinum")))
			.isEmpty();
	}

	@Test
	void moneyReadsLikeAPerson() {
		assertThat(ScorecardCalculator.money(new BigDecimal("1500000"), "USD")).isEqualTo("1.5M USD");
		assertThat(ScorecardCalculator.money(new BigDecimal("80000"), "USD")).isEqualTo("80k USD");
		assertThat(ScorecardCalculator.money(new BigDecimal("950"), "EUR")).isEqualTo("950 EUR");
	}

}
