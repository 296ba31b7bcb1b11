package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.partnerbot.partners.Tier;

import org.springframework.boot.context.properties.bind.Binder;

import static com.partnerbot.Library.number;
import static com.partnerbot.Library.read;
import static com.partnerbot.Library.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo program's MDF rules as configured ({@code partnerbot.mdf.*} with nothing set,
 * as the demo runs) say what its library tells partners: the MDF policy and the claim
 * how-to.
 */
class MdfRulesMatchTheLibraryTests {

	private final MdfProperties rules = new Binder(List.of()).bindOrCreate("partnerbot.mdf", MdfProperties.class);

	private final String policy = read("content-index/marketing/mdf-policy.md");

	private final String howTo = read("content-index/marketing/mdf-claim-how-to.md");

	@Test
	void eligibilityAccrualAndCaps() {
		assertThat(text(policy, "MDF is available to \\*\\*([A-Za-z, ]+)\\*\\* partners").split(",\\s*|\\s+and\\s+"))
			.containsExactlyElementsOf(rules.eligibleTiers().stream().map(Tier::label).toList());
		assertThat(policy).contains("Registered partners do not accrue MDF");
		assertThat(rules.eligibleTiers()).doesNotContain(Tier.REGISTERED);
		assertThat(percent(text(policy, "You accrue \\*\\*(\\d+)% of your won revenue\\*\\* each quarter")))
			.isEqualByComparingTo(rules.accrualRate());
		assertThat(percent(text(howTo, "accrued at (\\d+)% of won revenue"))).isEqualByComparingTo(rules.accrualRate());
		assertThat(policy).contains("can be spent during the **following two quarters**");
		assertThat(rules.usableQuarters()).isEqualTo(2);
		for (Tier tier : rules.eligibleTiers()) {
			assertThat(money(text(policy, tier.label() + " \\*\\*\\$([\\d,]+)\\*\\*"))).as("%s annual cap", tier)
				.isEqualByComparingTo(rules.annualCap().get(tier));
		}
	}

	@Test
	void coFundingSharePerTier() {
		for (Tier tier : rules.eligibleTiers()) {
			assertThat(percent(text(policy, "\\| " + tier.label() + " \\| (\\d+)% \\|"))).as("%s share", tier)
				.isEqualByComparingTo(rules.share().get(tier));
		}
		assertThat(text(howTo, "Northwind pays ([^.]+), up to your balance"))
			.isEqualTo(String.format(Locale.ROOT, "%s of eligible cost for Silver, %s for Gold and %s for Platinum",
					pct(Tier.SILVER), pct(Tier.GOLD), pct(Tier.PLATINUM)));
	}

	@Test
	void preApprovalAndClaims() {
		assertThat(money(text(policy, "requesting \\*\\*more than \\$([\\d,]+)\\*\\* of MDF needs pre-approval")))
			.isEqualByComparingTo(rules.preApprovalAbove());
		assertThat(number(policy, "at least (\\d+) business days before the activity starts"))
			.isEqualTo(rules.leadBusinessDays());
		assertThat(number(howTo, "at least \\*\\*(\\d+) business days\\*\\* before the activity starts"))
			.isEqualTo(rules.leadBusinessDays());
		assertThat(number(policy, "decides within (\\d+) business days")).isEqualTo(rules.decisionBusinessDays());
		assertThat(number(policy, "within \\*\\*(\\d+) days of the activity end date\\*\\*"))
			.isEqualTo(rules.claimDays());
		assertThat(number(howTo, "no later than \\*\\*(\\d+) days after the activity end date\\*\\*"))
			.isEqualTo(rules.claimDays());
	}

	@Test
	void activitiesTheirCapsAndTheirProof() {
		MdfProperties.Activity webinar = rules.activities().get("webinar");
		assertThat(number(policy, "Webinars with fewer than (\\d+) live attendees"))
			.isEqualTo(webinar.attendanceFloor());
		assertThat(percent(text(policy, "live attendees are reimbursed at (\\d+)% of the approved amount")))
			.isEqualByComparingTo(webinar.belowFloorRate());
		assertThat(money(text(policy, "catering \\(up to \\$(\\d+) per attendee\\)")))
			.isEqualByComparingTo(rules.activities().get("event").cateringPerAttendee());
		assertThat(text(howTo, "Choose the activity type \\(([^)]+)\\)").split(",\\s*"))
			.hasSize(rules.activities().size());
		for (MdfProperties.Activity activity : rules.activities().values()) {
			String row = text(howTo, "\\n\\| " + Pattern.quote(activity.label()) + " \\| ([^|]+) \\|").strip();
			assertThat(activity.proof().stream().map(MdfProperties.Proof::label).toList()).as(activity.label())
				.containsExactlyElementsOf(Arrays.asList(row.split(", ")));
		}
		assertThat(howTo).contains("Claims for webinars and events without uploaded leads are returned");
		assertThat(rules.activities()
			.values()
			.stream()
			.filter(MdfProperties.Activity::leadsRequired)
			.map(MdfProperties.Activity::label)).containsExactly("Webinar", "Event");
	}

	private String pct(Tier tier) {
		return MdfRules.percent(rules.share().get(tier));
	}

	private static BigDecimal percent(String number) {
		return new BigDecimal(number).movePointLeft(2);
	}

	private static BigDecimal money(String number) {
		return new BigDecimal(number.replace(",", ""));
	}

}
