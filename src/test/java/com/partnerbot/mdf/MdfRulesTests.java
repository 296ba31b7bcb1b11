package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.partnerbot.partners.Tier;
import com.partnerbot.platform.ApiError;

import org.springframework.boot.context.properties.bind.Binder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo policy's cases, decided by the rules as configured with nothing set.
 */
class MdfRulesTests {

	private final MdfRules rules = new MdfRules(
			new Binder(List.of()).bindOrCreate("partnerbot.mdf", MdfProperties.class));

	// a Monday, so business days are easy to count
	private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	private static NewRequest request(String activity, String cost, String amount, LocalDate startsOn) {
		return new NewRequest(UUID.randomUUID(), activity, "a webinar on Analytics Suite", new BigDecimal(cost),
				amount == null ? null : new BigDecimal(amount), "USD", startsOn, startsOn, null, null);
	}

	@ParameterizedTest(name = "{0}: {1} of cost {2}")
	@CsvSource({ "SILVER, 50%, 2400, 1200.00", "GOLD, 75%, 2400, 1800.00", "PLATINUM, 100%, 2400, 2400.00",
			"GOLD, 75%, 6000, 4500.00" })
	void eachTierIsReimbursedItsShareOfTheCost(Tier tier, String share, String cost, String reimbursable) {
		Quote quote = rules.quote(tier, request("webinar", cost, null, TODAY.plusMonths(2)), TODAY,
				new BigDecimal("100000"));
		assertThat(quote.breaches()).isEmpty();
		assertThat(MdfRules.percent(quote.share())).isEqualTo(share);
		assertThat(quote.reimbursable()).isEqualByComparingTo(reimbursable);
	}

	@Test
	void registeredPartnersAreNotEligible() {
		Quote quote = rules.quote(Tier.REGISTERED, request("webinar", "2400", "1000", TODAY.plusMonths(2)), TODAY,
				BigDecimal.ZERO);
		assertThat(fields(quote.breaches())).contains("partnerId");
		assertThat(quote.breaches().get(0).message()).contains("Silver, Gold, Platinum");
	}

	@Test
	void moreThanTheShareOrTheBalanceIsExplainedNotCut() {
		Quote overShare = rules.quote(Tier.GOLD, request("webinar", "2400", "2000", TODAY.plusMonths(2)), TODAY,
				new BigDecimal("10000"));
		assertThat(overShare.breaches()).singleElement()
			.satisfies(b -> assertThat(b.message()).contains("75%", "1,800.00 USD", "2,000.00 USD"));
		Quote overBalance = rules.quote(Tier.PLATINUM, request("webinar", "2400", "2400", TODAY.plusMonths(2)), TODAY,
				new BigDecimal("1500"));
		assertThat(overBalance.breaches()).singleElement()
			.satisfies(b -> assertThat(b.message()).contains("available balance of 1,500.00 USD"));
		assertThat(overBalance.reimbursable()).isEqualByComparingTo("2400");
	}

	@ParameterizedTest(name = "{0} attendees: {1} of an approved 1,800")
	@CsvSource({ "22, 1800.00", "15, 1800.00", "14, 900.00", "12, 900.00" })
	void aWebinarUnderItsAttendanceFloorIsPaidHalf(int attendees, String payable) {
		MdfRequest approved = approved("webinar", "2400", "1800", TODAY);
		NewClaim claim = new NewClaim(new BigDecimal("1800"), null, attendees, 30, webinarProof());
		assertThat(rules.payable(approved, Tier.GOLD, claim)).isEqualByComparingTo(payable);
		List<ApiError.FieldError> errors = rules.checkClaim(approved, Tier.GOLD, claim, TODAY.plusDays(20));
		assertThat(errors.isEmpty()).isEqualTo(new BigDecimal(payable).compareTo(new BigDecimal("1800")) == 0);
	}

	@ParameterizedTest(name = "catering {0} for {1} attendees: eligible cost {2}")
	@CsvSource({ "3000, 40, 10000.00", "5000, 40, 8000.00", "1000, 10, 9750.00" })
	void cateringCountsUpToItsCapPerAttendee(String catering, int attendees, String eligible) {
		NewRequest event = new NewRequest(UUID.randomUUID(), "event", "a roundtable", new BigDecimal("10000"), null,
				null, TODAY.plusMonths(2), TODAY.plusMonths(2), attendees, new BigDecimal(catering));
		Quote quote = rules.quote(Tier.PLATINUM, event, TODAY, new BigDecimal("100000"));
		assertThat(quote.breaches()).isEmpty();
		assertThat(quote.eligibleCost()).isEqualByComparingTo(eligible);
	}

	@ParameterizedTest(name = "{0} starting {1} business days ahead: breaks lead time {2}")
	@CsvSource({ "5000.00, 3, false", "5000.01, 14, true", "6000, 15, false", "6000, 30, false" })
	void overTheThresholdNeedsPreApprovalFifteenBusinessDaysAhead(String amount, int businessDays, boolean breaks) {
		LocalDate start = MdfRules.plusBusinessDays(TODAY, businessDays);
		Quote quote = rules.quote(Tier.PLATINUM, request("event", "20000", amount, start), TODAY,
				new BigDecimal("100000"));
		assertThat(fields(quote.breaches()).contains("startsOn")).isEqualTo(breaks);
		assertThat(quote.needsPreApproval()).isEqualTo(new BigDecimal(amount).compareTo(new BigDecimal("5000")) > 0);
	}

	@ParameterizedTest(name = "claimed {0} days after the activity: late {1}")
	@CsvSource({ "0, false", "20, false", "60, false", "61, true" })
	void claimsAreDueSixtyDaysAfterTheActivity(int daysAfter, boolean late) {
		MdfRequest approved = approved("digital", "4000", "3000", TODAY);
		NewClaim claim = new NewClaim(new BigDecimal("3000"), null, null, null,
				List.of(new MdfClaim.ProofFile("ad-screenshots.png", null),
						new MdfClaim.ProofFile("ads-report.csv", null),
						new MdfClaim.ProofFile("invoice-44.pdf", null)));
		List<ApiError.FieldError> errors = rules.checkClaim(approved, Tier.GOLD, claim, TODAY.plusDays(daysAfter));
		assertThat(fields(errors).contains("deadline")).isEqualTo(late);
		assertThat(errors.isEmpty()).isEqualTo(!late);
	}

	@Test
	void aClaimShowsTheProofItsActivityNeeds() {
		MdfRequest approved = approved("webinar", "2400", "1800", TODAY);
		NewClaim withoutInvoices = new NewClaim(new BigDecimal("1800"), null, 22, null,
				List.of(new MdfClaim.ProofFile("attendance-report.csv", null)));
		List<ApiError.FieldError> errors = rules.checkClaim(approved, Tier.GOLD, withoutInvoices, TODAY);
		assertThat(fields(errors)).containsExactlyInAnyOrder("leads", "proof");
		assertThat(errors.get(1).message()).contains("recording link or slide deck", "platform and promotion invoices")
			.doesNotContain("attendance report");
	}

	@ParameterizedTest(name = "{1} shows {2} for a {0}")
	@CsvSource({ "digital, ads.png, true", "digital, leads.csv, false", "webinar, Webinar Attendance Report.csv, true",
			"webinar, attendee-notes.txt, true", "event, attendees.xlsx, true", "event, photos-booth.jpg, true",
			"event, invoices-2026.zip, true" })
	void aFileShowsAProofWhenOneOfItsNamesWordsBeginsWithTheProofsWord(String activity, String name, boolean shows) {
		int needed = rules.properties().activities().get(activity).proof().size();
		int missing = rules.missingProof(activity, List.of(new MdfClaim.ProofFile(name,
				"https://partner.slack.com/files/U1/F1/download-" + name.replace(' ', '_'))))
			.size();
		assertThat(missing < needed).isEqualTo(shows);
	}

	@ParameterizedTest(name = "{0} accrues {1} to {2}")
	@CsvSource({ "2026-Q1, 2026-04-01, 2026-09-30", "2026-Q2, 2026-07-01, 2026-12-31",
			"2026-Q3, 2026-10-01, 2027-03-31", "2026-Q4, 2027-01-01, 2027-06-30" })
	void eachQuartersAccrualIsUsableTheFollowingTwoQuarters(String quarter, LocalDate from, LocalDate to) {
		assertThat(rules.accrualStarts(Quarter.parse(quarter))).isEqualTo(from);
		assertThat(rules.accrualEnds(Quarter.parse(quarter))).isEqualTo(to);
	}

	@ParameterizedTest(name = "{0} with {2} accrued this year, {1} won: {3}")
	@CsvSource({ "GOLD, 150000, 0, 3000.00", "SILVER, 150000, 9000, 1000.00", "SILVER, 600000, 0, 10000.00",
			"GOLD, 3000000, 0, 40000.00", "PLATINUM, 10000000, 100000, 20000.00", "REGISTERED, 150000, 0, 0.00",
			"GOLD, 0, 0, 0.00" })
	void twoPercentOfWonRevenueAccruesUpToTheTiersAnnualCap(Tier tier, String won, String accrued, String accrual) {
		assertThat(rules.accrual(tier, new BigDecimal(won), new BigDecimal(accrued))).isEqualByComparingTo(accrual);
	}

	private static MdfRequest approved(String activity, String cost, String approved, LocalDate endsOn) {
		return new MdfRequest(UUID.randomUUID(), "MDF-TEST1", UUID.randomUUID(), activity, "an activity",
				new BigDecimal(cost), new BigDecimal(approved), new BigDecimal(approved), "USD", endsOn, endsOn, null,
				null, RequestStatus.APPROVED, "api", null, "jane", null, Instant.now());
	}

	private static List<MdfClaim.ProofFile> webinarProof() {
		return Arrays.asList(new MdfClaim.ProofFile("attendance-report.csv", null),
				new MdfClaim.ProofFile("slides.pdf", "https://files.example/slides.pdf"),
				new MdfClaim.ProofFile("invoice-platform.pdf", null));
	}

	private static List<String> fields(List<ApiError.FieldError> errors) {
		return errors.stream().map(ApiError.FieldError::field).toList();
	}

}
