import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.partnerbot.PartnerbotApplication;
import com.partnerbot.crm.CrmManagement;
import com.partnerbot.crm.StubHubspot;
import com.partnerbot.crm.StubSalesforce;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.NewDeal;
import com.partnerbot.deals.PartnerRole;
import com.partnerbot.partners.NewPartner;
import com.partnerbot.partners.PartnerManagement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Syncs N registrations out to a stub CRM that enforces the vendor's rate limits, then N
 * changes (won or lost, with amounts) back in, through the application's own sync, and
 * prints records per minute, calls per record, and what was lost or doubled.
 *
 * Usage: CrmSyncBench salesforce|hubspot N WORK_DIR
 */
public class CrmSyncBench {

	public static void main(String[] args) throws Exception {
		String crm = args[0];
		int n = Integer.parseInt(args[1]);
		Path work = Path.of(args[2]);
		Files.createDirectories(work.resolve("content"));
		StubSalesforce salesforce = crm.equals("salesforce") ? new StubSalesforce() : null;
		StubHubspot hubspot = crm.equals("hubspot") ? new StubHubspot(false) : null;
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("partnerbot.data-dir", work.resolve("data").toString());
		properties.put("partnerbot.content-dir", work.resolve("content").toString());
		properties.put("partnerbot.knowledge.reindex-cron", "-");
		properties.put("partnerbot.crm", crm);
		// the sync runs when the bench asks (POST /api/crm/sync's path), not on a timer
		properties.put("partnerbot.crm-sync.out-interval", "24h");
		properties.put("partnerbot.crm-sync.out-initial-delay", "24h");
		properties.put("partnerbot.crm-sync.in-cron", "-");
		properties.put("partnerbot.crm-sync.claim-lease", "30m");
		properties.put("logging.structured.format.console", "");
		properties.put("logging.level.root", "warn");
		if (salesforce != null) {
			salesforce.dailyLimit(Long.parseLong(System.getProperty("bench.salesforceDaily", "100000")));
			properties.put("salesforce.url", salesforce.url());
			properties.put("salesforce.client-id", StubSalesforce.CLIENT_ID);
			properties.put("salesforce.client-secret", StubSalesforce.CLIENT_SECRET);
		}
		else {
			hubspot.burst(Integer.parseInt(System.getProperty("bench.hubspotBurst", "190")));
			hubspot.daily(Long.parseLong(System.getProperty("bench.hubspotDaily", "625000")));
			properties.put("hubspot.api-url", hubspot.url());
			properties.put("hubspot.access-token", StubHubspot.TOKEN);
		}
		ConfigurableApplicationContext app = new SpringApplicationBuilder(PartnerbotApplication.class)
			.properties(properties)
			.run();
		try {
			run(crm, n, app, salesforce, hubspot);
		}
		finally {
			app.close();
			if (salesforce != null) {
				salesforce.close();
			}
			if (hubspot != null) {
				hubspot.close();
			}
		}
	}

	private static void run(String crm, int n, ConfigurableApplicationContext app, StubSalesforce salesforce,
			StubHubspot hubspot) {
		PartnerManagement partners = app.getBean(PartnerManagement.class);
		DealRegistrations registrations = app.getBean(DealRegistrations.class);
		CrmManagement sync = app.getBean(CrmManagement.class);
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		Random random = new Random(16);
		List<UUID> partnerIds = new ArrayList<>();
		for (int p = 0; p < 100; p++) {
			partnerIds.add(partners.register(new NewPartner("Bench Partner " + word(random), com.partnerbot.partners.Tier.SILVER,
					List.of("TB" + p + word(random)), List.of())).id());
		}
		List<UUID> ids = new ArrayList<>();
		long registering = System.nanoTime();
		for (int i = 0; i < n; i++) {
			String customer = word(random) + " " + word(random);
			ids.add(registrations.register(new NewDeal(partnerIds.get(i % partnerIds.size()), customer,
					customer.replace(" ", "").toLowerCase() + ".com", List.of("Data Pipeline"),
					new BigDecimal(10_000 + random.nextInt(90_000)), "USD", LocalDate.now().plusDays(60),
					(i % 4 == 0) ? PartnerRole.INFLUENCED : PartnerRole.SOURCED, List.of()), "bench", null)
				.deal()
				.id());
		}
		System.out.printf("registered=%d in %.1fs (not part of the sync figures)%n", n,
				(System.nanoTime() - registering) / 1e9);

		long calls0 = calls(salesforce, hubspot);
		long start = System.nanoTime();
		int rounds = 0;
		CrmManagement.SyncReport report;
		while (true) {
			report = sync.syncNow();
			rounds++;
			if (report.backlog() == 0 || rounds >= 3600) {
				break;
			}
			// paused by a rate limit: ask again in a moment, as an admin would
			sleep(Duration.ofMillis(500));
		}
		double outSeconds = (System.nanoTime() - start) / 1e9;
		long outCalls = calls(salesforce, hubspot) - calls0;
		int present = 0;
		int doubled = 0;
		long writes = 0;
		for (UUID id : ids) {
			int records = (salesforce != null) ? salesforce.byExternalId("Lead", id.toString()).size()
					: hubspot.deals(id.toString()).size();
			present += (records > 0) ? 1 : 0;
			doubled += (records > 1) ? 1 : 0;
			writes += (salesforce != null) ? salesforce.writes(id.toString()) : hubspot.writes(id.toString());
		}
		System.out.printf(
				"out crm=%s records=%d time=%.1fs records/min=%.0f calls=%d calls/record=%.3f written=%d lost=%d doubled=%d writes=%d rounds=%d backlog=%d%n",
				crm, n, outSeconds, n / outSeconds * 60, outCalls, (double) outCalls / n, present, n - present, doubled,
				writes, rounds, report.backlog());

		// the sales team closes every deal: won with its final amount, or lost
		Map<UUID, BigDecimal> amounts = new HashMap<>();
		for (int i = 0; i < n; i++) {
			UUID id = ids.get(i);
			boolean won = i % 3 != 0;
			BigDecimal amount = new BigDecimal(20_000 + i);
			amounts.put(id, won ? amount : null);
			if (salesforce != null) {
				salesforce.put("Opportunity", Map.of(StubSalesforce.EXTERNAL_ID, id.toString(), "IsClosed", true,
						"IsWon", won, "Amount", amount));
			}
			else {
				String deal = hubspot.deals(id.toString()).get(0).get("id").getAsString();
				hubspot.put("deals", deal, Map.of("hs_is_closed", "true", "hs_is_closed_won", String.valueOf(won),
						"amount", amount.toPlainString()));
			}
		}
		long calls1 = calls(salesforce, hubspot);
		long in = System.nanoTime();
		CrmManagement.SyncReport back = sync.syncNow();
		double inSeconds = (System.nanoTime() - in) / 1e9;
		long inCalls = calls(salesforce, hubspot) - calls1;
		int closed = 0;
		int wrongAmount = 0;
		for (UUID id : ids) {
			Map<String, Object> row = jdbc.sql("select status, amount from deal_registration where id = ?")
				.param(id)
				.query()
				.singleRow();
			String status = (String) row.get("status");
			BigDecimal expected = amounts.get(id);
			if (status.equals(expected != null ? "WON" : "LOST")) {
				closed++;
				if (expected != null && ((BigDecimal) row.get("amount")).compareTo(expected) != 0) {
					wrongAmount++;
				}
			}
		}
		System.out.printf(
				"in crm=%s changes=%d time=%.1fs changes/min=%.0f calls=%d calls/change=%.4f applied=%d lost=%d wrong_amount=%d outcomes_reported=%d%n",
				crm, n, inSeconds, n / inSeconds * 60, inCalls, (double) inCalls / n, closed, n - closed, wrongAmount,
				back.outcomes());
		if (hubspot != null) {
			System.out.println("hubspot 429s for the ten-second limit: " + hubspot.rejected());
		}
		System.out.println("status " + sync.status());
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long calls(StubSalesforce salesforce, StubHubspot hubspot) {
		return (salesforce != null) ? salesforce.apiCalls() + salesforce.tokensIssued() : hubspot.calls();
	}

	private static String word(Random random) {
		StringBuilder word = new StringBuilder();
		word.append((char) ('A' + random.nextInt(26)));
		for (int i = 0; i < 7; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

}
