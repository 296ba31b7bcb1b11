package com.partnerbot.program;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthScoringTests {

	private final ProgramProperties.Health config = new ProgramProperties(null, null, null, null, null).health();

	private static HealthScoring.Facts facts(int registrations, int wins, Double psat, FundSignals.FundPosition funds) {
		return new HealthScoring.Facts(registrations, wins, psat, null, 1, 2, 4, 1, 0, 0, funds);
	}

	@Test
	void theScoreIsTheWeightedAverageOfTheSignalsThatMeasuredSomething() {
		PartnerHealth health = HealthScoring.score(UUID.randomUUID(), facts(1, 1, 5.0, null), config);
		// registrations 0.5*20, wins 1*20, psat 1*15, certifications 0.5*15, questions
		// ((1 + 0.75) / 2)*10; trend, protection and funds measured nothing
		assertThat(health.score()).isEqualTo((int) Math.round(100 * (10 + 20 + 15 + 7.5 + 8.75) / 80));
		assertThat(health.status()).isEqualTo(PartnerHealth.Status.HEALTHY);
		assertThat(health.signals()).extracting(HealthSignal::name)
			.containsExactly("registrations", "wins", "psat", "psatTrend", "certifications", "questions", "protection",
					"funds");
	}

	@Test
	void unspentAndExpiringFundsPullTheScoreDownWhenTheMdfModuleKnowsThem() {
		FundSignals.FundPosition funds = new FundSignals.FundPosition(new BigDecimal("10000"), BigDecimal.ZERO,
				new BigDecimal("8000"), new BigDecimal("5000"));
		PartnerHealth health = HealthScoring.score(UUID.randomUUID(), facts(0, 0, 1.5, funds), config);
		assertThat(health.status()).isEqualTo(PartnerHealth.Status.AT_RISK);
		assertThat(health.concerns()).extracting(HealthSignal::reason)
			.contains("80% of its MDF unspent, 5000 expiring within 30 days",
					"its people rate the program 1.5 of 5, a dissatisfied partner");
	}

}
