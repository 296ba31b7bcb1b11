package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

class MdfApiTests extends EndToEndTests {

	private static final String WEBINAR_PROOF = """
			[{"name": "attendance-report.csv", "url": "https://files.example/a.csv"},
			 {"name": "slides.pdf", "url": "https://files.example/s.pdf"},
			 {"name": "invoice-platform.pdf", "url": "https://files.example/i.pdf"}]""";

	private static JsonObject json(HttpResponse<String> response) {
		return JsonParser.parseString(response.body()).getAsJsonObject();
	}

	private String allocate(String partnerId, String amount) {
		HttpResponse<String> response = api("POST", "/api/mdf/allocations", """
				{"partnerId": "%s", "amount": %s, "currency": "USD", "startsOn": "%s", "endsOn": "%s"}"""
			.formatted(partnerId, amount, TestClock.today().minusDays(1), TestClock.today().plusDays(300)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response).get("id").getAsString();
	}

	private HttpResponse<String> request(String partnerId, String activity, String cost, String amount,
			LocalDate startsOn) {
		return api("POST", "/api/mdf/requests", """
				{"partnerId": "%s", "activity": "%s", "description": "Analytics Suite for retail", "cost": %s,
				 "amount": %s, "currency": "USD", "startsOn": "%s", "endsOn": "%s"}""".formatted(partnerId, activity,
				cost, amount, startsOn, startsOn));
	}

	/** A registration of the partner's, won. */
	private String wonDeal(String partnerId, String amount) {
		String customer = unique("acc").toLowerCase();
		HttpResponse<String> deal = api("POST", "/api/deals", """
				{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s.com", "products": ["Analytics Suite"],
				 "amount": %s, "currency": "USD", "expectedCloseDate": "%s",
				 "customerContact": "Jane Roe, CTO", "salesRep": "Sam Rep"}""".formatted(partnerId, customer, customer,
				amount, TestClock.today().plusDays(30)));
		assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);
		String dealId = json(deal).get("id").getAsString();
		assertThat(api("POST", "/api/deals/" + dealId + "/outcome",
				"{\"partnerId\": \"" + partnerId + "\", \"won\": true}")
			.statusCode()).isEqualTo(200);
		return dealId;
	}

	private JsonObject balance(String partnerId) {
		HttpResponse<String> response = api("GET", "/api/partners/" + partnerId + "/mdf", null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	private HttpResponse<String> decide(String requestId, String decision) {
		return api("POST", "/api/mdf/requests/" + requestId + "/decision", decision);
	}

	private static void assertBalance(JsonObject balance, String allocated, String committed, String claimed,
			String paid, String available) {
		assertThat(balance.get("currency").getAsString()).isEqualTo("USD");
		assertThat(balance.get("allocated").getAsBigDecimal()).as("allocated").isEqualByComparingTo(allocated);
		assertThat(balance.get("committed").getAsBigDecimal()).as("committed").isEqualByComparingTo(committed);
		assertThat(balance.get("claimed").getAsBigDecimal()).as("claimed").isEqualByComparingTo(claimed);
		assertThat(balance.get("paid").getAsBigDecimal()).as("paid").isEqualByComparingTo(paid);
		assertThat(balance.get("available").getAsBigDecimal()).as("available").isEqualByComparingTo(available);
	}

	@Test
	void aRequestApprovedLowerClaimedWithProofAndPaidMovesTheBalanceAtEveryStep() {
		String gold = registerPartner(unique("Gold MDF "), "Gold", unique("TM"));
		allocate(gold, "20000");
		assertBalance(balance(gold), "20000", "0", "0", "0", "20000");
		assertThat(balance(gold).getAsJsonArray("expiring").get(0).getAsJsonObject().get("on").getAsString())
			.isEqualTo(TestClock.today().plusDays(300).toString());

		HttpResponse<String> submitted = request(gold, "webinar", "8000", "6000", TestClock.today().plusDays(40));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		JsonObject created = json(submitted);
		String requestId = created.get("id").getAsString();
		assertThat(created.get("status").getAsString()).isEqualTo("SUBMITTED");
		assertThat(created.get("reimbursable").getAsBigDecimal()).isEqualByComparingTo("6000");
		assertThat(created.get("reference").getAsString()).startsWith("MDF-");
		assertThat(created.getAsJsonArray("notes").toString()).contains("fewer than 15 live attendees");
		assertBalance(balance(gold), "20000", "0", "0", "0", "20000");

		HttpResponse<String> tooMuch = decide(requestId, "{\"decision\": \"APPROVED\", \"amount\": 7000}");
		assertThat(tooMuch.statusCode()).isEqualTo(400);
		assertThat(tooMuch.body()).contains("\"field\":\"amount\"");
		HttpResponse<String> approved = decide(requestId,
				"{\"decision\": \"APPROVED\", \"amount\": 5000, \"reason\": \"keep the promotion lean\", \"manager\": \"jane\"}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(json(approved).get("status").getAsString()).isEqualTo("APPROVED");
		assertThat(json(approved).get("approvedAmount").getAsBigDecimal()).isEqualByComparingTo("5000");
		assertBalance(balance(gold), "20000", "5000", "0", "0", "15000");
		assertThat(decide(requestId, "{\"decision\": \"APPROVED\"}").statusCode()).isEqualTo(409);

		HttpResponse<String> overClaimed = api("POST", "/api/mdf/requests/" + requestId + "/claims", """
				{"amount": 5000, "actualCost": 7000, "attendees": 12, "leads": 30, "proof": %s}"""
			.formatted(WEBINAR_PROOF));
		assertThat(overClaimed.statusCode()).isEqualTo(400);
		assertThat(overClaimed.body()).contains("at most 2,500.00 USD", "12 attended live");
		HttpResponse<String> noProof = api("POST", "/api/mdf/requests/" + requestId + "/claims",
				"{\"amount\": 5000, \"attendees\": 22, \"leads\": 30, \"proof\": []}");
		assertThat(noProof.statusCode()).isEqualTo(400);
		assertThat(noProof.body()).contains("\"field\":\"proof\"", "platform and promotion invoices");
		assertBalance(balance(gold), "20000", "5000", "0", "0", "15000");

		HttpResponse<String> claimed = api("POST", "/api/mdf/requests/" + requestId + "/claims", """
				{"amount": 4800, "actualCost": 7000, "attendees": 22, "leads": 30, "proof": %s}"""
			.formatted(WEBINAR_PROOF));
		assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);
		String claimId = json(claimed).get("id").getAsString();
		assertThat(json(claimed).get("status").getAsString()).isEqualTo("SUBMITTED");
		assertBalance(balance(gold), "20000", "200", "4800", "0", "15000");
		assertThat(api("GET", "/api/mdf/requests/" + requestId, null).body()).contains("\"status\":\"CLAIMED\"");

		HttpResponse<String> paid = api("POST", "/api/mdf/claims/" + claimId + "/decision",
				"{\"decision\": \"PAID\", \"manager\": \"jane\"}");
		assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
		assertThat(json(paid).get("status").getAsString()).isEqualTo("PAID");
		assertBalance(balance(gold), "20000", "0", "0", "4800", "15200");
		assertThat(api("GET", "/api/mdf/requests/" + requestId, null).body()).contains("\"status\":\"PAID\"");
		assertThat(api("GET", "/api/mdf/requests/" + requestId + "/audit", null).body()).contains("requested",
				"approved", "keep the promotion lean", "claimed", "paid", "jane");
	}

	@Test
	void aRequestOverTheBalanceIsRefusedWithTheAvailableAmount() {
		String platinum = registerPartner(unique("Plat MDF "), "Platinum", unique("TM"));
		allocate(platinum, "1000");
		HttpResponse<String> response = request(platinum, "webinar", "2400", "2400", TestClock.today().plusDays(5));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"amount\"", "available balance of 1,000.00 USD");
		assertBalance(balance(platinum), "1000", "0", "0", "0", "1000");
		assertThat(balance(platinum).getAsJsonArray("requests")).isEmpty();

		HttpResponse<String> small = request(platinum, "webinar", "900", "900", TestClock.today().plusDays(5));
		assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
		assertThat(json(small).get("status").getAsString()).as("no pre-approval up to 5,000").isEqualTo("APPROVED");
		assertBalance(balance(platinum), "1000", "900", "0", "0", "100");
	}

	@Test
	void aRejectionNeedsAReasonAndCommitsNothing() {
		String silver = registerPartner(unique("Silver MDF "), "Silver", unique("TM"));
		allocate(silver, "10000");
		HttpResponse<String> submitted = request(silver, "event", "14000", "7000", TestClock.today().plusDays(60));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String id = json(submitted).get("id").getAsString();
		HttpResponse<String> unexplained = decide(id, "{\"decision\": \"REJECTED\"}");
		assertThat(unexplained.statusCode()).isEqualTo(400);
		assertThat(unexplained.body()).contains("\"field\":\"reason\"");
		HttpResponse<String> rejected = decide(id,
				"{\"decision\": \"REJECTED\", \"reason\": \"no Northwind product featured\"}");
		assertThat(json(rejected).get("status").getAsString()).isEqualTo("REJECTED");
		assertBalance(balance(silver), "10000", "0", "0", "0", "10000");
	}

	@Test
	void aClaimAfterItsDeadlineIsRefused() {
		String gold = registerPartner(unique("Late MDF "), "Gold", unique("TM"));
		allocate(gold, "5000");
		HttpResponse<String> submitted = request(gold, "digital", "4000", "3000", TestClock.today());
		String id = json(submitted).get("id").getAsString();
		// the activity ended 61 days ago
		jdbc.sql("update mdf_request set starts_on = ?, ends_on = ? where id = ?")
			.params(TestClock.today().minusDays(61), TestClock.today().minusDays(61), UUID.fromString(id))
			.update();
		HttpResponse<String> late = api("POST", "/api/mdf/requests/" + id + "/claims", """
				{"amount": 3000, "proof": [{"name": "ad-screenshot.png"}, {"name": "ads-report.csv"},
				 {"name": "invoice.pdf"}]}""");
		assertThat(late.statusCode()).isEqualTo(400);
		assertThat(late.body()).contains("\"field\":\"deadline\"", "within 60 days");
		assertBalance(balance(gold), "5000", "3000", "0", "0", "2000");
	}

	@Test
	void allocationsByCsvAreAllOrNothing() {
		String a = registerPartner(unique("Csv A "), "Gold", unique("TM"));
		String b = registerPartner(unique("Csv B "), "Silver", unique("TM"));
		LocalDate from = TestClock.today();
		LocalDate to = from.plusMonths(6);
		HttpResponse<String> wrong = csv("""
				partnerId,amount,currency,startsOn,endsOn
				%s,4000,USD,%s,%s
				%s,-5,USD,%s,%s
				""".formatted(a, from, to, b, from, to));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("line 3: amount");
		assertBalance(balance(a), "0", "0", "0", "0", "0");

		HttpResponse<String> right = csv("""
				partnerId,amount,currency,startsOn,endsOn
				%s,4000,USD,%s,%s
				%s,2500.50,,%s,%s
				""".formatted(a, from, to, b, from, to));
		assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
		assertBalance(balance(a), "4000", "0", "0", "0", "4000");
		assertBalance(balance(b), "2500.50", "0", "0", "0", "2500.50");
	}

	@Test
	void wonRevenueAccruesOncePerQuarterAndFundsOfOnePartnerAreNotAnothers() {
		String gold = registerPartner(unique("Accrue "), "Gold", unique("TM"));
		String other = registerPartner(unique("Other "), "Gold", unique("TM"));
		String dealId = wonDeal(gold, "150000");
		Quarter last = Quarter.of(TestClock.today()).plus(-1);
		// won last quarter
		jdbc.sql("update deal_registration set closed_on = ? where id = ?")
			.params(last.lastDay(), UUID.fromString(dealId))
			.update();

		assertThat(api("POST", "/api/mdf/accruals", "{\"quarter\": \"" + Quarter.of(TestClock.today()) + "\"}").body())
			.contains("has not ended yet");
		HttpResponse<String> accrued = api("POST", "/api/mdf/accruals", "{\"quarter\": \"" + last + "\"}");
		assertThat(accrued.statusCode()).as(accrued.body()).isEqualTo(200);
		assertThat(accrued.body()).contains(gold, "\"amount\":3000").doesNotContain(other);
		assertThat(api("POST", "/api/mdf/accruals", "{\"quarter\": \"" + last + "\"}").body()).doesNotContain(gold);
		JsonObject balance = balance(gold);
		assertBalance(balance, "3000", "0", "0", "0", "3000");
		assertThat(balance.getAsJsonArray("expiring").get(0).getAsJsonObject().get("on").getAsString())
			.isEqualTo(last.plus(2).lastDay().toString());

		HttpResponse<String> spent = request(gold, "email", "1000", "750", TestClock.today().plusDays(3));
		assertThat(spent.statusCode()).as(spent.body()).isEqualTo(201);
		String requestId = json(spent).get("id").getAsString();
		assertThat(api("POST", "/api/mdf/requests/" + requestId + "/deals", "{\"dealId\": \"" + dealId + "\"}")
			.statusCode()).isEqualTo(200);
		assertThat(balance(gold).getAsJsonObject("performance").get("wonRevenue").getAsBigDecimal())
			.isEqualByComparingTo(new BigDecimal("150000"));

		JsonObject others = balance(other);
		assertBalance(others, "0", "0", "0", "0", "0");
		assertThat(others.toString()).doesNotContain(requestId, gold);
	}

	@Test
	void badInputNamesEachFieldAndStoresNothing() {
		String gold = registerPartner(unique("Bad MDF "), "Gold", unique("TM"));
		HttpResponse<String> response = api("POST", "/api/mdf/requests", """
				{"partnerId": "%s", "activity": "party", "cost": -1, "currency": "EUR", "startsOn": "2001-01-01"}"""
			.formatted(gold));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"activity\"", "webinar, event", "\"field\":\"cost\"",
				"\"field\":\"currency\"", "\"field\":\"startsOn\"");
		assertThat(api("POST", "/api/mdf/requests",
				"{\"partnerId\": \"%s\", \"startsOn\": \"31/03/2027\"}".formatted(gold))
			.body()).contains("\"field\":\"startsOn\"");
		HttpResponse<String> registered = api("POST", "/api/mdf/requests", """
				{"partnerId": "%s", "activity": "webinar", "cost": 100, "startsOn": "%s"}"""
			.formatted(registerPartner(unique("Reg "), "Registered", unique("TM")), TestClock.today().plusDays(9)));
		assertThat(registered.body()).contains("\"field\":\"partnerId\"", "Silver, Gold, Platinum");
		assertThat(api("POST", "/api/mdf/allocations", "{\"amount\": 10}").body()).contains("\"field\":\"partnerId\"",
				"\"field\":\"startsOn\"", "\"field\":\"endsOn\"");
		assertThat(api("GET", "/api/partners/" + UUID.randomUUID() + "/mdf", null).statusCode()).isEqualTo(404);
		assertThat(api("GET", "/api/partners/" + gold + "/mdf", null, null).statusCode()).isEqualTo(401);
		assertThat(balance(gold).getAsJsonArray("requests")).isEmpty();
	}

	private HttpResponse<String> csv(String body) {
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/mdf/allocations"))
					.header("Content-Type", "text/csv")
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void fundsAboutToExpireWeighOnThePartnersHealth() {
		String gold = registerPartner(unique("Expiring "), "Gold", unique("TM"));
		HttpResponse<String> allocated = api("POST", "/api/mdf/allocations", """
				{"partnerId": "%s", "amount": 8000, "currency": "USD", "startsOn": "%s", "endsOn": "%s"}"""
			.formatted(gold, TestClock.today().minusDays(60), TestClock.today().plusDays(20)));
		assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(201);
		JsonObject health = json(api("GET", "/api/partners/" + gold + "/health", null));
		JsonObject funds = null;
		for (var signal : health.getAsJsonArray("signals")) {
			if (signal.getAsJsonObject().get("reason").getAsString().contains("MDF")) {
				funds = signal.getAsJsonObject();
			}
		}
		assertThat(funds).as(health.toString()).isNotNull();
		assertThat(funds.get("reason").getAsString()).contains("100% of its MDF unspent",
				"8000 expiring within 30 days");
	}

	@Test
	void theScorecardShowsHowMuchMdfWasUsedAndTheWonRevenueOfItsActivitiesPerDollarPaid() {
		String gold = registerPartner(unique("Returns "), "Gold", unique("TM"));
		allocate(gold, "20000");
		HttpResponse<String> submitted = request(gold, "webinar", "2400", "1800", TestClock.today().plusDays(5));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String requestId = json(submitted).get("id").getAsString();
		HttpResponse<String> claimed = api("POST", "/api/mdf/requests/" + requestId + "/claims", """
				{"amount": 1800, "actualCost": 2400, "attendees": 22, "leads": 31, "proof": %s}"""
			.formatted(WEBINAR_PROOF));
		assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);
		assertThat(api("POST", "/api/mdf/claims/" + json(claimed).get("id").getAsString() + "/decision",
				"{\"decision\": \"PAID\"}")
			.statusCode()).isEqualTo(200);
		String brought = wonDeal(gold, "150000");
		// won without the activity: no part of its return
		wonDeal(gold, "99000");
		assertThat(api("POST", "/api/mdf/requests/" + requestId + "/deals", "{\"dealId\": \"" + brought + "\"}")
			.statusCode()).isEqualTo(200);

		HttpResponse<String> scorecard = api("GET", "/api/partners/" + gold + "/scorecard", null);
		assertThat(scorecard.statusCode()).as(scorecard.body()).isEqualTo(200);
		JsonObject mdf = json(scorecard).getAsJsonObject("mdf");
		assertThat(mdf.get("currency").getAsString()).isEqualTo("USD");
		assertThat(mdf.get("allocated").getAsBigDecimal()).isEqualByComparingTo("20000");
		assertThat(mdf.get("paid").getAsBigDecimal()).isEqualByComparingTo("1800");
		assertThat(mdf.get("utilisation").getAsBigDecimal()).isEqualByComparingTo("0.09");
		assertThat(mdf.get("wonRevenue").getAsBigDecimal()).isEqualByComparingTo("150000");
		assertThat(mdf.get("returnPerUnitPaid").getAsBigDecimal()).isEqualByComparingTo("83.33");

		String without = registerPartner(unique("No MDF "), "Gold", unique("TM"));
		JsonObject other = json(api("GET", "/api/partners/" + without + "/scorecard", null));
		assertThat(other.get("mdf") == null || other.get("mdf").isJsonNull()).as(other.toString()).isTrue();
	}

}
