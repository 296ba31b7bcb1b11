package com.partnerbot.crm;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application connected to a {@link StubHubspot}.
 */
@TestPropertySource(properties = { "partnerbot.crm=hubspot", "hubspot.access-token=" + StubHubspot.TOKEN,
		"hubspot.pipeline=partners", "hubspot.stage=partner_registered", "partnerbot.crm-sync.out-interval=200ms",
		"partnerbot.crm-sync.in-cron=-", "partnerbot.crm-sync.first-backoff=200ms",
		"partnerbot.crm-sync.max-backoff=1s", "partnerbot.crm-sync.claim-lease=3s" })
class HubspotSyncTests extends CrmEndToEndTests {

	@AutoClose
	static final StubHubspot hubspot = new StubHubspot(false);

	@DynamicPropertySource
	static void hubspotUrl(DynamicPropertyRegistry registry) {
		registry.add("hubspot.api-url", hubspot::url);
	}

	private String register(String partnerId, String customer, String domain) {
		return apiJson(201, "POST", "/api/deals",
				"""
						{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s", "products": ["Secure Gateway"],
						 "amount": 75000, "currency": "EUR", "expectedCloseDate": "%s", "customerContact": "Jane Roe, jane@example.com", "salesRep": "Sam Rep"}"""
					.formatted(partnerId, customer, domain, com.partnerbot.TestClock.today().plusDays(60)))
			.get("id")
			.getAsString();
	}

	@Test
	void aRegistrationBecomesOneDealInThePipelineWithItsCompanyThrough500sAnd429s() {
		String partner = registerPartner(unique("Hubwise "), "Gold", unique("TH"));
		String customer = unique("Vandelay");
		String domain = customer.toLowerCase() + ".com";
		hubspot.failNext(500, 429, 502);
		String id = register(partner, customer, domain);
		await("the deal is in HubSpot", () -> hubspot.deals(id).size() == 1 && outbox.backlog("hubspot") == 0);
		JsonObject deal = hubspot.deals(id).get(0);
		JsonObject properties = deal.getAsJsonObject("properties");
		assertThat(properties.get("pipeline").getAsString()).isEqualTo("partners");
		assertThat(properties.get("dealstage").getAsString()).isEqualTo("partner_registered");
		assertThat(properties.get("amount").getAsString()).isEqualTo("75000.00");
		assertThat(properties.get("partnerbot_partner_role").getAsString()).isEqualTo("SOURCED");
		assertThat(properties.get("partnerbot_partner").getAsString()).startsWith("Hubwise ");
		List<String> companies = hubspot.companiesOf(deal.get("id").getAsString());
		assertThat(companies).hasSize(1);
		assertThat(hubspot.company(companies.get(0), "domain")).isEqualTo(domain);

		// a second registration of the same customer's domain (another partner) finds the
		// company instead of creating another; a decision updates the same deal
		String rival = registerPartner(unique("Hubrival "), "Gold", unique("TH"));
		String second = register(rival, customer + " Group", domain);
		await("the second deal is in HubSpot", () -> hubspot.deals(second).size() == 1);
		assertThat(hubspot.all("companies")
			.stream()
			.filter(c -> domain.equals(c.getAsJsonObject("properties").get("domain").getAsString()))
			.count()).isEqualTo(1);
		assertThat(api("POST", "/api/deals/" + second + "/decision",
				"{\"decision\": \"REJECTED\", \"manager\": \"kim\", \"note\": \"registered first elsewhere\"}")
			.statusCode()).isEqualTo(200);
		await("the decision is in HubSpot", () -> "REJECTED"
			.equals(hubspot.deals(second).get(0).getAsJsonObject("properties").get("partnerbot_status").getAsString()));
		assertThat(hubspot.deals(second)).hasSize(1);
		assertThat(hubspot.writes(second)).isEqualTo(2);
		// the sales team's stage is not reset by the update
		assertThat(hubspot.deals(second).get(0).getAsJsonObject("properties").get("dealstage").getAsString())
			.isEqualTo("partner_registered");
	}

	@Test
	void aDealWonInHubspotRaisesThePartnersWonRevenue() {
		String partner = registerPartner(unique("Hubwise "), "Silver", unique("TH"));
		String customer = unique("Kramerica");
		String id = register(partner, customer, customer.toLowerCase() + ".com");
		await("the deal is in HubSpot", () -> hubspot.deals(id).size() == 1);
		String dealId = hubspot.deals(id).get(0).get("id").getAsString();
		hubspot.put("deals", dealId, Map.of("hs_is_closed", "true", "hs_is_closed_won", "true", "amount", "180000"));
		assertThat(sync().get("outcomes").getAsInt()).isEqualTo(1);
		JsonObject kpis = apiJson(200, "GET", "/api/partners/" + partner + "/scorecard", null).getAsJsonObject("kpis");
		// EUR converts to the program's currency; what matters is that the won amount is
		// HubSpot's
		assertThat(kpis.get("wonRevenue").getAsBigDecimal()).isPositive();
		assertThat(api("GET", "/api/deals/" + id, null).body()).contains("\"status\":\"WON\"", "\"amount\":180000");
	}

	@Test
	void anOpenDealOfTheDirectTeamIsAConflictForAPartnersRegistrationOfItsCompany() {
		String partner = registerPartner(unique("Hubwise "), "Silver", unique("TH"));
		String customer = unique("Pendant");
		String company = hubspot.put("companies", null,
				Map.of("name", customer + " Publishing", "domain", customer.toLowerCase() + ".com"));
		String deal = hubspot.put("deals", null,
				Map.of("dealname", customer + " expansion", "hs_is_closed", "false", "hubspot_owner_id", "4242"));
		hubspot.associate(deal, company);
		assertThat(sync().get("directAccounts").getAsInt()).isGreaterThanOrEqualTo(1);

		HttpResponse<String> created = api("POST", "/api/deals",
				"""
						{"partnerId": "%s", "customerName": "%s Publishing Inc", "customerDomain": "www.%s.com",
						 "products": ["Secure Gateway"], "amount": 10000, "currency": "USD", "expectedCloseDate": "%s", "customerContact": "Jane Roe, jane@example.com", "salesRep": "Sam Rep"}"""
					.formatted(partner, customer, customer.toLowerCase(),
							com.partnerbot.TestClock.today().plusDays(20)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"status\":\"CONFLICT\"", "direct sales team");
	}

}
