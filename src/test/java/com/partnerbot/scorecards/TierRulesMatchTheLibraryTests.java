package com.partnerbot.scorecards;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;

import static com.partnerbot.Library.read;
import static com.partnerbot.Library.text;
import static com.partnerbot.scorecards.ScorecardsProperties.ENGINEER;
import static com.partnerbot.scorecards.ScorecardsProperties.SALES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tier requirements the scorecard holds partners to ({@code partnerbot.scorecards.*}
 * with nothing set, as the demo runs) are the ones the demo library publishes, in the
 * tiers reference and in the program guide's table; and PSAT, the partners' rating of the
 * vendor's program, is a requirement in none of them.
 */
class TierRulesMatchTheLibraryTests {

	// nothing set, as the demo runs: a PARTNERBOT_SCORECARDS_* variable on the machine
	// running the tests must not stand in for the demo's configuration
	private final ScorecardsProperties rules = new Binder(List.of()).bindOrCreate("partnerbot.scorecards",
			ScorecardsProperties.class);

	private final String tiers = read("content-index/program/tiers-and-benefits.md");

	private final String guide = read("content-index/program/partner-program-guide.md");

	private final String psat = read("content-index/program/psat-survey.md");

	@ParameterizedTest
	@ValueSource(strings = { "Silver", "Gold", "Platinum" })
	void theTiersReferenceStatesEachTiersRevenueAndCertifications(String tier) {
		String section = text(tiers, "### " + tier + "\\n\\n((?:- .*\\n)+)");
		ScorecardsProperties.TierRequirements required = rules.tiers().get(tier.toLowerCase());
		assertThat(dollars(text(section, "Annual won revenue: \\*\\*\\$([\\d,]+)\\*\\*")))
			.isEqualByComparingTo(required.wonRevenue());
		assertThat(certifications(text(section, "Certifications: \\*\\*([^*]+)\\*\\*")))
			.isEqualTo(required.certifications());
	}

	@ParameterizedTest
	@ValueSource(strings = { "Silver", "Gold", "Platinum" })
	void theProgramGuidesTableSaysTheSame(String tier) {
		Matcher row = Pattern.compile("\\| " + tier + " \\| \\$([\\d,]+) \\| ([^|]+) \\|").matcher(guide);
		assertThat(row.find()).as("the guide's table has a %s row", tier).isTrue();
		ScorecardsProperties.TierRequirements required = rules.tiers().get(tier.toLowerCase());
		assertThat(dollars(row.group(1))).isEqualByComparingTo(required.wonRevenue());
		assertThat(certifications(row.group(2).strip())).isEqualTo(required.certifications());
	}

	@Test
	void registeredRequiresNothing() {
		assertThat(text(tiers, "### Registered\\n\\n- Annual won revenue: (\\w+)\\.")).isEqualTo("none");
		assertThat(guide).contains("| Registered | None | None |");
		assertThat(rules.tiers().get("registered").wonRevenue()).isZero();
		assertThat(rules.tiers().get("registered").certifications()).isEmpty();
	}

	@Test
	void partnerSatisfactionIsNoTierRequirementAnywhere() {
		assertThat(tiers).contains("Tier requirements are won revenue and certifications.",
				"**PSAT** measures your satisfaction with Northwind's program and is never a tier requirement");
		assertThat(guide).contains("is never a tier requirement");
		assertThat(psat).contains("**PSAT is not a tier requirement.**",
				"Tier requirements are won revenue and certifications only");
		// what a tier can require: revenue, certifications and the benefit it brings
		assertThat(
				Arrays.stream(ScorecardsProperties.TierRequirements.class.getRecordComponents()).map(c -> c.getName()))
			.containsExactly("wonRevenue", "certifications", "benefit");
		// a satisfaction figure is not a certification either
		rules.tiers()
			.values()
			.forEach(t -> assertThat(t.certifications().keySet()).allSatisfy(
					c -> assertThat(c).doesNotContainIgnoringCase("satisf").doesNotContainIgnoringCase("psat")));
		// nor do the tables name one
		assertThat(text(guide, "(\\| Tier \\| [^\\n]+)")).doesNotContainIgnoringCase("satisfaction");
		assertThat(text(tiers, "## Requirements per tier\\n([\\s\\S]*?)\\n## ")).doesNotContainIgnoringCase("psat")
			.doesNotContainIgnoringCase("satisfaction");
	}

	/** "2 certified engineers and 2 Certified Sales Professionals", as requirements. */
	private static Map<String, Integer> certifications(String words) {
		Map<String, Integer> required = new java.util.HashMap<>();
		Matcher m = Pattern.compile("(\\d+) (certified engineers?|Certified Sales Professionals?)").matcher(words);
		while (m.find()) {
			required.put(m.group(2).startsWith("certified engineer") ? ENGINEER : SALES, Integer.parseInt(m.group(1)));
		}
		return required;
	}

	private static BigDecimal dollars(String figure) {
		return new BigDecimal(figure.replace(",", ""));
	}

}
