package com.partnerbot.crm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.partnerbot.deals.PartnerRole;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HubSpot adapter alone against an account that serves only the numbered paths, and a
 * read longer than the search API's 10,000 results.
 */
class HubspotConnectorTests {

	private final StubHubspot hubspot = new StubHubspot(true);

	/** The outbox's company and association memory, without a database. */
	static final class Remembered extends CrmOutbox {

		final Map<String, String> companies = new HashMap<>();

		final Map<UUID, String> associations = new HashMap<>();

		Remembered() {
			super(null);
		}

		@Override
		String companyId(String crm, String domain) {
			return companies.get(domain);
		}

		@Override
		void rememberCompany(String crm, String domain, String companyId) {
			companies.put(domain, companyId);
		}

		@Override
		String associatedCompany(String crm, UUID dealId) {
			return associations.get(dealId);
		}

		@Override
		void associated(String crm, UUID dealId, String crmId, String companyId) {
			associations.put(dealId, companyId);
		}

	}

	private final Remembered outbox = new Remembered();

	private HubspotConnector connector() {
		CrmProperties properties = new CrmProperties("hubspot", new CrmProperties.CrmSync(Duration.ofSeconds(2), "-",
				12, Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofMinutes(2), 0.1));
		HubspotProperties account = new HubspotProperties(StubHubspot.TOKEN, hubspot.url(), "2026-03", "default",
				"appointmentscheduled", StubHubspot.ID_PROPERTY, "lifecyclestage", "customer", null);
		return new HubspotConnector(account, new CrmHttp(JsonMapper.builder().build(), properties),
				new CrmLimits(new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class), properties),
				outbox);
	}

	@AfterEach
	void stop() {
		hubspot.close();
	}

	private static CrmRecord record(String customer, String domain, boolean known) {
		return new CrmRecord(UUID.randomUUID(), "DR-TEST01", UUID.randomUUID(), "Acme", customer, domain,
				List.of("Data Pipeline"), new BigDecimal("1000.00"), "USD", LocalDate.of(2027, 3, 31), "APPROVED", null,
				PartnerRole.SOURCED, List.of(), "api", known);
	}

	@Test
	void anAccountWithoutTheDateVersionedPathsIsServedOnTheNumberedOnes() {
		HubspotConnector connector = connector();
		CrmRecord first = record("Initech", "initech.com", false);
		CrmRecord second = record("Initech Europe", "initech.com", false);
		List<CrmConnector.Written> written = connector.upsert(List.of(first, second));
		assertThat(written).allMatch(CrmConnector.Written::succeeded).hasSize(2);
		assertThat(hubspot.all("companies")).hasSize(1);
		String company = hubspot.all("companies").get(0).get("id").getAsString();
		for (CrmRecord record : List.of(first, second)) {
			assertThat(hubspot.deals(record.registrationId().toString())).hasSize(1);
			assertThat(hubspot
				.companiesOf(hubspot.deals(record.registrationId().toString()).get(0).get("id").getAsString()))
				.containsExactly(company);
		}
		// written again (an update): still one deal each, and no second association
		connector.upsert(List.of(record(first, true)));
		assertThat(hubspot.deals(first.registrationId().toString())).hasSize(1);
		assertThat(hubspot.companiesOf(hubspot.deals(first.registrationId().toString()).get(0).get("id").getAsString()))
			.hasSize(1);
		assertThat(hubspot.deals(first.registrationId().toString())
			.get(0)
			.getAsJsonObject("properties")
			.get("partnerbot_status")
			.getAsString()).isEqualTo("EXPIRED");
	}

	private static CrmRecord record(CrmRecord record, boolean known) {
		return new CrmRecord(record.registrationId(), record.reference(), record.partnerId(), record.partnerName(),
				record.customerName(), record.customerDomain(), record.products(), record.amount(), record.currency(),
				record.expectedCloseDate(), "EXPIRED", record.protectedUntil(), record.role(), record.coSellPartners(),
				record.registeredBy(), known);
	}

	@Test
	void aReadOfMoreThanTenThousandChangesGoesOnFromTheLastModificationSeen() {
		int deals = 10_050;
		for (int i = 0; i < deals; i++) {
			hubspot.put("deals", null, Map.of(StubHubspot.ID_PROPERTY, UUID.randomUUID().toString(), "hs_is_closed",
					"true", "hs_is_closed_won", String.valueOf(i % 2 == 0), "amount", String.valueOf(1000 + i)));
		}
		CrmConnector.Changes changes = connector().changesSince(null);
		assertThat(changes.outcomes().stream().map(CrmConnector.Outcome::registrationId).distinct().count())
			.isEqualTo(deals);
		assertThat(changes.watermark()).isNotNull();
	}

}
