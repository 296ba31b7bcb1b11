package com.partnerbot.scorecards;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/partners/{id}/scorecard} over real deals and completions.
 */
class ScorecardsApiTests extends EndToEndTests {

	private void complete(String partnerId, String person, String course, String role) {
		HttpResponse<String> response = api("POST", "/api/training/completions", """
				{"partnerId": "%s", "person": "%s", "courseCode": "%s", "role": "%s", "completedOn": "%s"}"""
			.formatted(partnerId, person, course, role, TestClock.today().minusDays(3)));
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
	}

	private void wonDeal(String partnerId, String amount) {
		wonDeal(partnerId, amount, LocalDate.of(TestClock.today().getYear(), 12, 31));
	}

	private void wonDeal(String partnerId, String amount, LocalDate close) {
		String customer = unique("Wonco").toLowerCase();
		HttpResponse<String> created = api("POST", "/api/deals", """
				{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s.com", "products": ["Data Pipeline"],
				 "amount": %s, "currency": "USD", "expectedCloseDate": "%s"}""".formatted(partnerId, customer, customer,
				amount, close));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
		assertThat(api("POST", "/api/deals/" + id + "/outcome", """
				{"partnerId": "%s", "won": true}""".formatted(partnerId)).statusCode()).isEqualTo(200);
	}

	private JsonObject scorecard(String partnerId) {
		HttpResponse<String> response = api("GET", "/api/partners/" + partnerId + "/scorecard", null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonParser.parseString(response.body()).getAsJsonObject();
	}

	@Test
	void aSilverPartnerSeesItsGapToGoldAndTheCoursesThatCloseIt() {
		String silver = registerPartner(unique("Silverline "), "Silver", unique("TS"));
		wonDeal(silver, "320000");
		complete(silver, "ana@silverline.example", "csp-exam", "sales");
		complete(silver, "bo@silverline.example", "csp-exam", "sales");
		complete(silver, "cy@silverline.example", "cse-analytics-suite-exam", "engineer");

		JsonObject card = scorecard(silver);
		assertThat(card.get("tier").getAsString()).isEqualTo("Silver");
		assertThat(card.get("nextTier").getAsString()).isEqualTo("Gold");
		assertThat(card.getAsJsonArray("gaps").toString()).contains("1 more certified engineer (1 of 2)",
				"80k USD more won revenue (320k USD of 400k USD)");
		assertThat(card.getAsJsonArray("atRisk")).isEmpty();
		JsonArray recommendations = card.getAsJsonArray("recommendations");
		assertThat(recommendations).isNotEmpty();
		JsonObject first = recommendations.get(0).getAsJsonObject();
		assertThat(first.get("reason").getAsString()).contains("for Gold", "certification", "certified engineer");
		assertThat(recommendations.toString()).doesNotContain("\"code\":\"cse-analytics-suite-exam\"")
			.doesNotContain("\"code\":\"csp-exam\"");
		JsonObject kpis = card.getAsJsonObject("kpis");
		assertThat(kpis.get("wonRevenue").getAsBigDecimal()).isEqualByComparingTo("320000");
		assertThat(kpis.get("winRate").getAsDouble()).isEqualTo(1.0);
		assertThat(kpis.getAsJsonObject("certifiedPeople").get("Certified Sales Professional").getAsInt()).isEqualTo(2);
	}

	@Test
	void aNewRegisteredPartnerStartsWithTheSalesCertification() {
		String registered = registerPartner(unique("Newbie "), "Registered", unique("TN"));
		JsonObject card = scorecard(registered);
		assertThat(card.get("nextTier").getAsString()).isEqualTo("Silver");
		JsonObject first = card.getAsJsonArray("recommendations").get(0).getAsJsonObject();
		assertThat(first.get("reason").getAsString()).contains("Certified Sales Professional");
		// after the certification, the revenue gap is what is left, matched to courses by
		// meaning
		complete(registered, "dee@newbie.example", "csp-exam", "sales");
		JsonObject after = scorecard(registered);
		assertThat(after.getAsJsonArray("gaps")).hasSize(1);
		assertThat(after.getAsJsonArray("recommendations").toString()).contains("largest gap", "won revenue");
	}

	@Test
	void aGoldPartnerShortOfItsRequirementsSeesWhatIsAtRisk() {
		String gold = registerPartner(unique("Goldie "), "Gold", unique("TG"));
		JsonObject card = scorecard(gold);
		assertThat(card.getAsJsonArray("atRisk").toString()).contains("won revenue", "Certified Sales Professional");
		assertThat(card.getAsJsonArray("recommendations").get(0).getAsJsonObject().get("reason").getAsString())
			.contains("keeps your Gold tier");
	}

	@Test
	void aPartnersRatingOfTheProgramIsNeverHeldAgainstIt() {
		String partner = registerPartner(unique("Unhappy "), "Registered", unique("TU"));
		complete(partner, "una@unhappy.example", "csp-exam", "sales");
		// two of its people rate the vendor's program 1 of 5: two answers are no figure
		rateTheProgram(partner, 1);
		rateTheProgram(partner, 1);
		JsonObject few = scorecard(partner).getAsJsonObject("programSatisfaction");
		assertThat(few.get("responses").getAsInt()).isEqualTo(2);
		assertThat(few.get("minResponses").getAsInt()).isEqualTo(3);
		assertThat(few.has("psat") && !few.get("psat").isJsonNull()).as(few.toString()).isFalse();
		// a third does
		rateTheProgram(partner, 1);
		JsonObject card = scorecard(partner);
		assertThat(card.getAsJsonArray("gaps").toString()).doesNotContainIgnoringCase("satisfaction");
		assertThat(card.getAsJsonArray("atRisk")).isEmpty();
		// shown as what it is: the partner's view of the program, for the vendor to act
		// on
		JsonObject rating = card.getAsJsonObject("programSatisfaction");
		assertThat(rating.get("psat").getAsDouble()).isEqualTo(1.0);
		assertThat(rating.get("responses").getAsInt()).isEqualTo(3);
	}

	/** One of the partner's people rated the vendor's program (the onboarding survey). */
	private void rateTheProgram(String partner, int satisfaction) {
		jdbc.sql("""
				insert into survey_invitation (id, survey_id, round, context, partner_id, slack_user_id,
				                               satisfaction, answered_at)
				values (gen_random_uuid(), '5a0e0000-0000-4000-8000-000000000002', 0, 'onboarding', :partner::uuid,
				        :person, :satisfaction, now())""")
			.param("partner", partner)
			.param("person", unique("U_RATER"))
			.param("satisfaction", satisfaction)
			.update();
	}

	@Test
	void theCoursesComeBeforeTheirExamAndEachNamesTheTierItsGapBelongsTo() {
		String registered = registerPartner(unique("Starter "), "Registered", unique("TS"));
		JsonObject first = scorecard(registered).getAsJsonArray("recommendations").get(0).getAsJsonObject();
		assertThat(first.get("code").getAsString()).isEqualTo("sales-essentials");
		assertThat(first.get("tier").getAsString()).isEqualTo("Silver");
		assertThat(first.get("reason").getAsString()).contains("Silver", "Certified Sales Professional", "step 1 of 5");
		// with the courses done, the exam is next
		for (String course : java.util.List.of("sales-essentials", "selling-analytics-suite", "selling-data-pipeline",
				"selling-secure-gateway")) {
			complete(registered, "sue@starter.example", course, "sales");
		}
		JsonObject next = scorecard(registered).getAsJsonArray("recommendations").get(0).getAsJsonObject();
		assertThat(next.get("code").getAsString()).isEqualTo("csp-exam");
	}

	@Test
	void aDealWonTodayCountsInThisYearWhateverItsExpectedClose() {
		String partner = registerPartner(unique("Earlybird "), "Silver", unique("TE"));
		// expected early next year, won today
		wonDeal(partner, "75000", LocalDate.of(TestClock.today().getYear() + 1, 1, 15));
		assertThat(scorecard(partner).getAsJsonObject("kpis").get("wonRevenue").getAsBigDecimal())
			.isEqualByComparingTo("75000");
		// and it is not counted again next year
		TestClock.get().advance(Duration.ofDays(366));
		try {
			assertThat(scorecard(partner).getAsJsonObject("kpis").get("wonRevenue").getAsBigDecimal()).isZero();
		}
		finally {
			TestClock.get().reset();
		}
	}

	@Test
	void anUnknownPartnerIs404() {
		assertThat(api("GET", "/api/partners/00000000-0000-0000-0000-00000000000f/scorecard", null).statusCode())
			.isEqualTo(404);
	}

}
