package com.partnerbot.deals;

import java.net.http.HttpResponse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

class DealsApiTests extends EndToEndTests {

	private String body(String partnerId, String customer, String domain) {
		return """
				{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s", "products": ["Analytics Suite"],
				 "amount": 120000, "currency": "USD", "expectedCloseDate": "%s",
				 "customerContact": "Jane Roe, CTO, jane@%s", "salesRep": "Sam Rep", "seats": 40}
				""".formatted(partnerId, customer, domain, TestClock.today().plusDays(90), domain);
	}

	@Test
	void registersListsAndReportsConflicts() {
		String acme = registerPartner(unique("Acme "), "Silver", unique("TA"));
		String globex = registerPartner(unique("Globex "), "Gold", unique("TG"));
		String customer = unique("initech").toLowerCase();

		HttpResponse<String> first = api("POST", "/api/deals", body(acme, customer, customer + ".com"));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		JsonObject created = JsonParser.parseString(first.body()).getAsJsonObject();
		assertThat(created.get("status").getAsString()).isEqualTo("APPROVED");
		assertThat(created.getAsJsonArray("conflicts")).isEmpty();
		assertThat(created.get("id").getAsString()).isNotBlank();
		assertThat(created.get("seats").getAsInt()).isEqualTo(40);
		assertThat(created.get("salesRep").getAsString()).isEqualTo("Sam Rep");

		HttpResponse<String> second = api("POST", "/api/deals",
				body(globex, customer + " Inc", "www." + customer + ".com"));
		assertThat(second.statusCode()).isEqualTo(201);
		JsonObject conflicting = JsonParser.parseString(second.body()).getAsJsonObject();
		assertThat(conflicting.get("status").getAsString()).isEqualTo("CONFLICT");
		JsonArray conflicts = conflicting.getAsJsonArray("conflicts");
		assertThat(conflicts).hasSize(1);
		assertThat(conflicts.get(0).getAsString()).contains("same customer domain").doesNotContain("Acme");

		HttpResponse<String> list = api("GET", "/api/deals?partnerId=" + acme, null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(JsonParser.parseString(list.body()).getAsJsonArray()).hasSize(1);
		assertThat(list.body()).doesNotContain(globex);

		assertThat(api("GET", "/api/deals/waiting", null).body()).contains(conflicting.get("id").getAsString(),
				"\"decisionDue\"");
		HttpResponse<String> unexplained = api("POST",
				"/api/deals/" + conflicting.get("id").getAsString() + "/decision",
				"{\"decision\": \"REJECTED\", \"manager\": \"jane\"}");
		assertThat(unexplained.statusCode()).isEqualTo(400);
		assertThat(unexplained.body()).contains("\"field\":\"note\"");
		HttpResponse<String> decided = api("POST", "/api/deals/" + conflicting.get("id").getAsString() + "/decision",
				"{\"decision\": \"REJECTED\", \"manager\": \"jane\", \"note\": \"an earlier registration\"}");
		assertThat(decided.statusCode()).isEqualTo(200);
		assertThat(decided.body()).contains("\"status\":\"REJECTED\"", "\"decisionNote\":\"an earlier registration\"");
		HttpResponse<String> audit = api("GET", "/api/deals/" + conflicting.get("id").getAsString() + "/audit", null);
		assertThat(audit.body()).contains("registered", "rejected", "jane");
	}

	@Test
	void aNamedAccountIsRejectedAtOnceWithItsReason() {
		String acme = registerPartner(unique("Acme "), "Silver", unique("TA"));
		String customer = unique("named").toLowerCase();
		assertThat(api("POST", "/api/direct-accounts", """
				{"name": "%s", "domain": "%s", "owner": "Direct"}""".formatted(customer, customer + ".com"))
			.statusCode()).isEqualTo(201);
		HttpResponse<String> response = api("POST", "/api/deals", body(acme, customer, customer + ".com"));
		assertThat(response.statusCode()).isEqualTo(201);
		JsonObject created = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(created.get("status").getAsString()).isEqualTo("REJECTED");
		assertThat(created.get("decisionNote").getAsString()).contains("named account", "co-sell request");
		assertThat(created.has("protectedUntil")).isFalse();
		// nothing waits for a channel manager
		assertThat(api("GET", "/api/deals/waiting", null).body()).doesNotContain(created.get("id").getAsString());
	}

	@Test
	void aSmallDealClosingInTenMonthsWaitsForAManagerAndSaysWhy() {
		String acme = registerPartner(unique("Acme "), "Silver", unique("TA"));
		String customer = unique("tiny").toLowerCase();
		HttpResponse<String> response = api("POST", "/api/deals",
				body(acme, customer, customer + ".com").replace("120000", "3000")
					.replace(TestClock.today().plusDays(90).toString(), TestClock.today().plusMonths(10).toString()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonObject created = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(created.get("status").getAsString()).isEqualTo("PENDING");
		assertThat(created.has("protectedUntil")).isFalse();
		assertThat(created.getAsJsonArray("ruleBreaches").toString()).contains("minimum of 5000 USD", "180 days");
		assertThat(created.get("decisionDue").getAsString()).isNotBlank();
	}

	@Test
	void badInputNamesEachField() {
		String acme = registerPartner(unique("Acme "), "Silver", unique("TA"));
		HttpResponse<String> response = api("POST", "/api/deals", """
				{"partnerId": "%s", "customerName": "", "customerDomain": "nope", "products": [],
				 "amount": -1, "currency": "DOGE", "expectedCloseDate": "2001-01-01"}""".formatted(acme));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"customerName\"", "\"field\":\"customerDomain\"",
				"\"field\":\"products\"", "\"field\":\"amount\"", "\"field\":\"currency\"",
				"\"field\":\"expectedCloseDate\"");

		HttpResponse<String> badDate = api("POST", "/api/deals", """
				{"partnerId": "%s", "customerName": "X", "expectedCloseDate": "31/03/2027"}""".formatted(acme));
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(badDate.body()).contains("\"field\":\"expectedCloseDate\"");

		HttpResponse<String> badCoSell = api("POST", "/api/deals",
				"""
						{"partnerId": "%s", "customerName": "Hooli", "customerDomain": "hooli.com", "products": ["Data Pipeline"],
						 "amount": 1000, "currency": "USD", "expectedCloseDate": "%s", "role": "INFLUENCED",
						 "coSellPartners": ["%s"]}"""
					.formatted(acme, com.partnerbot.TestClock.today().plusDays(10), acme));
		assertThat(badCoSell.statusCode()).isEqualTo(400);
		assertThat(badCoSell.body()).contains("\"field\":\"coSellPartners[0]\"");

		assertThat(api("GET", "/api/deals", null).statusCode()).isEqualTo(400);
		assertThat(api("GET", "/api/deals?partnerId=x", null).statusCode()).isEqualTo(400);
	}

}
