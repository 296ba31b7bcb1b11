package com.partnerbot.crm;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.partnerbot.StubSlackApi;
import com.partnerbot.deals.DealConflict;
import com.partnerbot.deals.DealRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application connected to a {@link StubSalesforce}: registrations reach the
 * org once through failures, and the org's won deals and direct opportunities come back.
 */
@TestPropertySource(properties = { "partnerbot.crm=salesforce", "salesforce.client-id=" + StubSalesforce.CLIENT_ID,
		"salesforce.client-secret=" + StubSalesforce.CLIENT_SECRET, "partnerbot.crm-sync.out-interval=200ms",
		"partnerbot.crm-sync.in-cron=-", "partnerbot.crm-sync.first-backoff=200ms",
		"partnerbot.crm-sync.max-backoff=1s", "partnerbot.crm-sync.max-attempts=6",
		"partnerbot.crm-sync.call-timeout=1s", "partnerbot.crm-sync.claim-lease=3s" })
class SalesforceSyncTests extends CrmEndToEndTests {

	@AutoClose
	static final StubSalesforce salesforce = new StubSalesforce();

	@Autowired
	DealRegistrations registrations;

	@DynamicPropertySource
	static void salesforceUrl(DynamicPropertyRegistry registry) {
		registry.add("salesforce.url", salesforce::url);
	}

	private String register(String partnerId, String customer, String role, String... coSellPartners) {
		return apiJson(201, "POST", "/api/deals",
				"""
						{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s.com", "products": ["Data Pipeline"],
						 "amount": 90000, "currency": "USD", "expectedCloseDate": "%s", "customerContact": "Jane Roe, jane@example.com", "salesRep": "Sam Rep", "role": "%s", "coSellPartners": [%s]}"""
					.formatted(partnerId, customer, customer.toLowerCase(),
							com.partnerbot.TestClock.today().plusDays(60), role,
							String.join(",",
									java.util.Arrays.stream(coSellPartners).map(p -> "\"" + p + "\"").toList())))
			.get("id")
			.getAsString();
	}

	@Test
	void aRegistrationIsWrittenOnceThrough500s429sAndAnExpiredSession() {
		String partner = registerPartner(unique("Forcewell "), "Silver", unique("TF"));
		salesforce.failNext(StubSalesforce.Failure.status(500), StubSalesforce.Failure.status(503),
				StubSalesforce.Failure.rateLimited(1));
		salesforce.expireToken();
		int tokens = salesforce.tokensIssued();
		String customer = unique("Initrode");
		String id = register(partner, customer, "INFLUENCED");

		await("the lead is in the org",
				() -> salesforce.byExternalId("Lead", id).size() == 1 && outbox.backlog("salesforce") == 0);
		JsonObject lead = salesforce.byExternalId("Lead", id).get(0);
		assertThat(lead.get("Company").getAsString()).isEqualTo(customer);
		assertThat(lead.get("LeadSource").getAsString()).isEqualTo("Partner");
		assertThat(lead.get("Website").getAsString()).isEqualTo(customer.toLowerCase() + ".com");
		assertThat(lead.get("Partnerbot_Partner_Role__c").getAsString()).isEqualTo("INFLUENCED");
		assertThat(lead.get("Partnerbot_Partner__c").getAsString()).startsWith("Forcewell ");
		assertThat(lead.get("Partnerbot_Status__c").getAsString()).isEqualTo("APPROVED");
		// an expired session costs one fresh token, not one per call
		assertThat(salesforce.tokensIssued()).isEqualTo(tokens + 1);
		assertThat(jdbc.sql("select writes from crm_record where crm = 'salesforce' and deal_id = ?::uuid")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(status().get("errors").getAsJsonArray().toString()).contains("500", "429");
	}

	@Test
	void aWriteTheOrgAppliedButNeverAnsweredAndAnInstanceThatDiedMidBatchStillMakeOneRecord() {
		String partner = registerPartner(unique("Forcewell "), "Silver", unique("TF"));
		// the org applies the write, then answers after the bot stopped waiting
		salesforce.failNext(StubSalesforce.Failure.appliedThenSlow(Duration.ofSeconds(3)));
		String first = register(partner, unique("Slowco"), "SOURCED");
		await("written after the timeout", () -> salesforce.writes(first) >= 2 && outbox.backlog("salesforce") == 0);
		assertThat(salesforce.byExternalId("Lead", first)).hasSize(1);

		// an instance takes a batch and dies with it: the rows come back after the lease
		String second = register(partner, unique("Crashco"), "SOURCED");
		List<CrmOutbox.Claimed> taken = outbox.claim("salesforce", 10, Duration.ofSeconds(2));
		await("written once the dead instance's lease ended",
				() -> salesforce.byExternalId("Lead", second).size() == 1 && outbox.backlog("salesforce") == 0);
		assertThat(taken).extracting(CrmOutbox.Claimed::dealId).contains(UUID.fromString(second));
		assertThat(salesforce.byExternalId("Lead", second)).hasSize(1);
	}

	@Test
	void aRecordTheOrgRefusesIsGivenUpAndChannelManagersAreAlerted() {
		String partner = registerPartner(unique("Forcewell "), "Silver", unique("TF"));
		for (int i = 0; i < 6; i++) {
			salesforce.failNext(StubSalesforce.Failure.status(500));
		}
		String id = register(partner, unique("Doomed"), "SOURCED");
		String reference = apiJson(200, "GET", "/api/deals/" + id, null).get("reference").getAsString();
		await("the registration is given up", () -> outbox.failed("salesforce") >= 1);
		List<com.partnerbot.StubSlackApi.Call> alerts = slackApi.await("chat.postMessage",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text") != null
						&& c.arg("text").contains(reference),
				1);
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).arg("text")).contains("could not be written to salesforce", "500");
		assertThat(status().get("failed").getAsInt()).isGreaterThanOrEqualTo(1);

		// an admin's sync tries it again, and the org takes it now (written by the sync
		// itself, or by the delivery job running beside it: the job's lock lets one run)
		sync();
		await("written once after the admin's sync",
				() -> salesforce.byExternalId("Lead", id).size() == 1 && outbox.backlog("salesforce") == 0);
		assertThat(salesforce.byExternalId("Lead", id)).hasSize(1);
		assertThat(status().get("failed").getAsInt()).isZero();
	}

	@Test
	void aDealWonInTheOrgRaisesThePartnersWonRevenueSourcedAndInfluencedApart() {
		String partner = registerPartner(unique("Forcewell "), "Silver", unique("TF"));
		String helper = registerPartner(unique("Helpwell "), "Silver", unique("TF"));
		String sourced = register(partner, unique("Wonco"), "SOURCED", helper);
		String influenced = register(partner, unique("Helpco"), "INFLUENCED");
		await("both leads are in the org", () -> salesforce.byExternalId("Lead", sourced).size() == 1
				&& salesforce.byExternalId("Lead", influenced).size() == 1);

		// the sales team converts the leads and closes the opportunities
		salesforce.put("Opportunity", Map.of(StubSalesforce.EXTERNAL_ID, sourced, "Name", "Wonco", "IsClosed", true,
				"IsWon", true, "Amount", 250000));
		salesforce.put("Opportunity", Map.of(StubSalesforce.EXTERNAL_ID, influenced, "Name", "Helpco", "IsClosed", true,
				"IsWon", true, "Amount", 40000.5));
		JsonObject sync = sync();
		assertThat(sync.get("outcomes").getAsInt()).isEqualTo(2);

		JsonObject kpis = apiJson(200, "GET", "/api/partners/" + partner + "/scorecard", null).getAsJsonObject("kpis");
		assertThat(kpis.get("wonRevenue").getAsBigDecimal()).isEqualByComparingTo("290000.50");
		assertThat(kpis.get("sourcedRevenue").getAsBigDecimal()).isEqualByComparingTo("250000");
		assertThat(kpis.get("influencedRevenue").getAsBigDecimal()).isEqualByComparingTo("40000.50");
		// the co-selling partner is named on the lead and influenced the won deal
		assertThat(salesforce.byExternalId("Lead", sourced).get(0).get("Partnerbot_Co_Sell_Partners__c").getAsString())
			.startsWith("Helpwell ");
		JsonObject helped = apiJson(200, "GET", "/api/partners/" + helper + "/scorecard", null).getAsJsonObject("kpis");
		assertThat(helped.get("influencedRevenue").getAsBigDecimal()).isEqualByComparingTo("250000");
		assertThat(helped.get("sourcedRevenue").getAsBigDecimal()).isZero();
		assertThat(api("GET", "/api/deals/" + sourced, null).body()).contains("\"status\":\"WON\"",
				"\"amount\":250000");
		// read again, nothing changes twice
		assertThat(sync().get("outcomes").getAsInt()).isZero();
		assertThat(status().get("lastSyncIn").isJsonNull()).isFalse();
	}

	@Test
	void aDirectTeamOpportunityInTheOrgIsAConflictForAPartnersRegistrationOfTheSameCustomer() {
		String partner = registerPartner(unique("Forcewell "), "Silver", unique("TF"));
		String customer = unique("Umbrella");
		String opportunity = salesforce.put("Opportunity",
				Map.of("Name", customer + " renewal", "IsClosed", false, "Account",
						Map.of("Name", customer + " Corporation", "Website",
								"https://www." + customer.toLowerCase() + ".com/"),
						"Owner", Map.of("Name", "Dana Direct")));
		String direct = unique("Wayne");
		String account = salesforce.put("Account", Map.of("Name", direct + " Enterprises", "Website",
				direct.toLowerCase() + ".io", "Type", "Customer - Direct"));
		assertThat(sync().get("directAccounts").getAsInt()).isGreaterThanOrEqualTo(2);

		HttpResponse<String> created = api("POST", "/api/deals",
				"""
						{"partnerId": "%s", "customerName": "%s Corp", "customerDomain": "%s.com", "products": ["Data Pipeline"],
						 "amount": 50000, "currency": "USD", "expectedCloseDate": "%s", "customerContact": "Jane Roe, jane@example.com", "salesRep": "Sam Rep"}"""
					.formatted(partner, customer, customer.toLowerCase(),
							com.partnerbot.TestClock.today().plusDays(30)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		// an open opportunity of the direct team goes to a channel manager; a named
		// account is rejected at once
		assertThat(created.body()).contains("\"status\":\"CONFLICT\"", "open opportunity with this customer")
			.doesNotContain("Dana Direct");
		assertThat(conflicts(partner, direct + " Enterprises Ltd", "https://" + direct.toLowerCase() + ".io"))
			.contains(DealConflict.Kind.DIRECT_ACCOUNT);

		// the direct team closes its opportunity: the customer is open to partners again
		salesforce.put("Opportunity", Map.of("Id", opportunity, "IsClosed", true));
		sync();
		assertThat(conflicts(UUID.randomUUID().toString(), customer + " Corporation", customer.toLowerCase() + ".com"))
			.doesNotContain(DealConflict.Kind.DIRECT_OPPORTUNITY, DealConflict.Kind.DIRECT_ACCOUNT);
		assertThat(account).startsWith("001");
	}

	@Test
	void aPartnerRegistersInSlackWhileTheOrgIsDownAndTheLeadFollowsWhenItIsBack() {
		TestPartner slackforce = newPartner("Slackforce ", "Silver");
		String customer = unique("Downco");
		salesforce.down(true);
		try {
			String thread = mentionBot(slackforce.team(), slackforce.channel(), "1700000300.000100",
					"register " + customer + ", " + customer.toLowerCase()
							+ ".com, Data Pipeline, about $80k, closing next month, contact Jane Roe jane@"
							+ customer.toLowerCase() + ".com, rep me");
			List<StubSlackApi.Call> card = slackApi.await("chat.postMessage",
					c -> slackforce.channel().equals(c.arg("channel")) && thread.equals(c.arg("thread_ts")), 1);
			assertThat(card).hasSize(1);
			String key = buttonOn(card.get(0), "deal_submit");
			assertThat(click(slackforce.team(), "U_DOWN", slackforce.channel(), "1700000300.000200", "deal_submit", key)
				.statusCode()).isEqualTo(200);
			assertThat(slackApi.await("chat.update",
					c -> slackforce.channel().equals(c.arg("channel")) && c.arg("text").contains("approved"), 1))
				.hasSize(1);
			String id = jdbc.sql("select id::text from deal_registration where customer_domain = ?")
				.param(customer.toLowerCase() + ".com")
				.query(String.class)
				.single();
			await("the org refused at least once",
					() -> jdbc.sql("select attempts from crm_outbox where crm = 'salesforce' and deal_id = ?::uuid")
						.param(id)
						.query(Integer.class)
						.optional()
						.orElse(0) > 0);
			salesforce.down(false);
			await("the lead is in the org", () -> salesforce.byExternalId("Lead", id).size() == 1);
			assertThat(salesforce.byExternalId("Lead", id).get(0).get("Company").getAsString()).isEqualTo(customer);
		}
		finally {
			salesforce.down(false);
		}
	}

	private List<DealConflict.Kind> conflicts(String partner, String name, String domain) {
		return registrations.check(UUID.fromString(partner), "U_TEST", name, domain, List.of("Data Pipeline"))
			.stream()
			.map(DealConflict::kind)
			.toList();
	}

}
