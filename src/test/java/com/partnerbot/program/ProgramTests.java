package com.partnerbot.program;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;

import com.partnerbot.EndToEndTests;
import com.partnerbot.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The program's tests: deals registered and won through the API, on the test clock. */
abstract class ProgramTests extends EndToEndTests {

	@AfterEach
	void resetClock() {
		TestClock.get().reset();
	}

	/** Registers a deal through the API; returns its id. */
	String registerDeal(String partnerId) {
		String customer = unique("Healthco").toLowerCase();
		return apiJson(201, "POST", "/api/deals", """
				{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s.com", "products": ["Data Pipeline"],
				 "amount": 50000, "currency": "USD", "expectedCloseDate": "%s"}""".formatted(partnerId, customer,
				customer, TestClock.today().plusDays(60)))
			.get("id")
			.getAsString();
	}

	void win(String partnerId, String dealId) {
		HttpResponse<String> won = api("POST", "/api/deals/" + dealId + "/outcome", """
				{"partnerId": "%s", "won": true}""".formatted(partnerId));
		assertThat(won.statusCode()).as(won.body()).isEqualTo(200);
	}

}
