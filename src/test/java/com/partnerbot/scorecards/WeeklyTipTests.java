package com.partnerbot.scorecards;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Tier;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyTipTests {

	private static final Scorecard.Gap REVENUE_GAP = new Scorecard.Gap("revenue", "won revenue", 0, 100_000, 1.0,
			"100k USD more won revenue");

	private final Partner silver = partner("Silver partner", Tier.SILVER);

	private final Partner platinum = partner("Platinum partner", Tier.PLATINUM);

	private final Partner gold = partner("Gold partner", Tier.GOLD);

	private final Map<UUID, List<String>> people = Map.of(silver.id(), List.of("U_ANA", "U_BEN"), platinum.id(),
			List.of("U_CARA"), gold.id(), List.of("U_DAN"));

	private static Partner partner(String name, Tier tier) {
		return new Partner(UUID.randomUUID(), name, tier, List.of(), List.of(), Instant.EPOCH, null);
	}

	/** A scorecard with a gap to the next tier, except for the Gold partner's. */
	private Scorecard scorecard(UUID partnerId, String person) {
		List<Scorecard.Gap> gaps = partnerId.equals(gold.id()) ? List.of() : List.of(REVENUE_GAP);
		return new Scorecard(partnerId, person, null, null, null, gaps, List.of(), List.of(), null, null, null);
	}

	private List<WeeklyTip> tips(Set<String> optedOut) {
		return WeeklyTip.choose(List.of(silver, platinum, gold), people::get, optedOut, this::scorecard);
	}

	@Test
	void everyPersonWithAGapToTheNextTierGetsATipWithTheirScorecard() {
		List<WeeklyTip> tips = tips(Set.of());
		assertThat(tips).extracting(WeeklyTip::person).containsExactly("U_ANA", "U_BEN");
		assertThat(tips).allSatisfy(tip -> {
			assertThat(tip.scorecard().partnerId()).isEqualTo(silver.id());
			assertThat(tip.scorecard().partnerName()).isEqualTo(tip.person());
			assertThat(tip.scorecard().gaps()).containsExactly(REVENUE_GAP);
		});
	}

	@Test
	void aPersonWhoOptedOutGetsNone() {
		assertThat(tips(Set.of("U_ANA"))).extracting(WeeklyTip::person).containsExactly("U_BEN");
	}

	@Test
	void thePeopleOfAPartnerAtTheTopTierGetNoneEvenWithGapsAndNoScorecardIsWorkedOut() {
		assertThat(WeeklyTip.choose(List.of(platinum), people::get, Set.of(), (partner, person) -> {
			throw new AssertionError("no scorecard is needed at the top tier");
		})).isEmpty();
	}

	@Test
	void thePeopleOfAPartnerThatMeetsTheNextTierGetNone() {
		assertThat(tips(Set.of())).extracting(WeeklyTip::person).doesNotContain("U_DAN");
		assertThat(WeeklyTip.choose(List.of(gold), people::get, Set.of(), this::scorecard)).isEmpty();
	}

}
