package com.partnerbot.crm;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.partnerbot.PartnerbotApplication;
import com.partnerbot.SlackClientForTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.NewDeal;
import com.partnerbot.partners.NewPartner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Tier;
import com.partnerbot.platform.EmbeddedDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot stopped in the middle of a write to Salesforce and started again on the same
 * database: the stop waits for the write in flight and records it, the registrations
 * queued behind it are written after the start, each once, as one record in the org. (An
 * instance that dies without stopping is {@code SalesforceSyncTests}' instance that took
 * a batch and never answered: its rows come back after the lease.)
 */
class CrmRestartTests {

	@Test
	void aRestartInTheMiddleOfAWriteLosesNothingAndMakesNoSecondRecord() throws Exception {
		Path database = Files.createDirectories(Path.of("target", "test-data", "crm-restart", "postgres"));
		String url = EmbeddedDatabase.start(database);
		try (StubSalesforce salesforce = new StubSalesforce()) {
			// the first write is applied, and its answer comes only after the stop began
			salesforce.failNext(StubSalesforce.Failure.appliedThenSlow(Duration.ofSeconds(8)));
			List<String> inFlight = new ArrayList<>();
			List<String> queued = new ArrayList<>();
			ConfigurableApplicationContext first = start(url, salesforce, "first");
			try {
				UUID partner = first.getBean(PartnerManagement.class)
					.register(new NewPartner("Restartco " + UUID.randomUUID(), Tier.SILVER, List.of(), List.of()))
					.id();
				for (int i = 0; i < 5; i++) {
					inFlight.add(register(first, partner, "Inflight"));
				}
				Awaitility.await()
					.atMost(Duration.ofSeconds(30))
					.until(() -> inFlight.stream().allMatch(id -> salesforce.byExternalId("Lead", id).size() == 1));
				// the instance is still waiting for the org's answer: these wait behind
				// it
				for (int i = 0; i < 3; i++) {
					queued.add(register(first, partner, "Queued"));
				}
			}
			finally {
				first.close();
			}
			// (whether the stop came before or after the org's late answer depends on the
			// machine's speed; what must hold either way is checked after the restart)

			ConfigurableApplicationContext second = start(url, salesforce, "second");
			try {
				JdbcClient jdbc = second.getBean(JdbcClient.class);
				Awaitility.await()
					.atMost(Duration.ofSeconds(60))
					.until(() -> jdbc.sql("select count(*) from crm_outbox where crm = 'salesforce'")
						.query(Integer.class)
						.single() == 0);
				List<String> all = new ArrayList<>(inFlight);
				all.addAll(queued);
				assertThat(all).allSatisfy(id -> assertThat(salesforce.byExternalId("Lead", id)).hasSize(1));
				assertThat(salesforce.count("Lead")).isEqualTo(all.size());
				// each was written once, whichever instance wrote it
				assertThat(all).allSatisfy(id -> assertThat(salesforce.writes(id)).isEqualTo(1));
				assertThat(jdbc.sql("select count(*) from crm_record where crm = 'salesforce' and writes = 1")
					.query(Integer.class)
					.single()).isEqualTo(all.size());
			}
			finally {
				second.close();
			}
		}
		finally {
			EmbeddedDatabase.stop(database);
		}
	}

	private static String register(ConfigurableApplicationContext context, UUID partner, String customer) {
		String name = customer + Long.toString(System.nanoTime(), 36);
		LocalDate today = LocalDate.now(context.getBean(Clock.class));
		return context.getBean(DealRegistrations.class)
			.register(
					new NewDeal(partner, name, name.toLowerCase() + ".com", List.of("Data Pipeline"),
							new BigDecimal("90000"), "USD", today.plusDays(60), null, "Jane Roe", "Sam Rep"),
					"api", null)
			.deal()
			.id()
			.toString();
	}

	private static ConfigurableApplicationContext start(String url, StubSalesforce salesforce, String name)
			throws Exception {
		Path content = Files.createDirectories(Path.of("target", "test-data", "crm-restart", "content"));
		return new SpringApplicationBuilder(PartnerbotApplication.class).properties(Map.ofEntries(
				Map.entry("server.port", "0"), Map.entry("spring.datasource.url", url),
				Map.entry("spring.datasource.username", "postgres"),
				Map.entry("partnerbot.data-dir", "target/test-data/crm-restart/" + name),
				Map.entry("partnerbot.content-dir", content.toString()),
				Map.entry("partnerbot.knowledge.reindex-cron", "-"), Map.entry("partnerbot.surveys.check-cron", "-"),
				Map.entry("partnerbot.surveys.onboarding-cron", "-"),
				Map.entry("slack.signing-secret", SlackClientForTests.SIGNING_SECRET),
				Map.entry("slack.bot-token", "xoxb-test-token"),
				Map.entry("slack.api-url", StubSlackApi.shared().url()), Map.entry("partnerbot.crm", "salesforce"),
				Map.entry("salesforce.url", salesforce.url()),
				Map.entry("salesforce.client-id", StubSalesforce.CLIENT_ID),
				Map.entry("salesforce.client-secret", StubSalesforce.CLIENT_SECRET),
				Map.entry("partnerbot.crm-sync.out-interval", "200ms"),
				Map.entry("partnerbot.crm-sync.out-initial-delay", "0s"), Map.entry("partnerbot.crm-sync.in-cron", "-"),
				Map.entry("partnerbot.crm-sync.first-backoff", "200ms"),
				Map.entry("partnerbot.crm-sync.call-timeout", "30s"),
				Map.entry("partnerbot.crm-sync.claim-lease", "3s")))
			.run();
	}

}
