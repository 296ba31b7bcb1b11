package com.partnerbot.deals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerbot.PartnerbotApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conflict check and registration latency with a million registrations in PostgreSQL, through
 * the product's own DealRegistrations on the embedded database.
 *
 * <pre>
 * DealsBench WORK_DIR [registrations=1000000] [samples=500]
 * </pre>
 */
public final class DealsBench {

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[0]).toAbsolutePath();
		int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
		int samples = args.length > 2 ? Integer.parseInt(args[2]) : 500;
		Path content = Files.createDirectories(work.resolve("empty-content"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PartnerbotApplication.class)
			.web(WebApplicationType.NONE)
			.properties(Map.of("partnerbot.data-dir", work.toString(), "partnerbot.content-dir", content.toString(),
					"logging.structured.format.console", "",
					"logging.level.root", "warn", "partnerbot.deals.pre-checks.per-partner", "1000000000"))
			.run()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			DealRegistrations registrations = context.getBean(DealRegistrations.class);
			// the bench's own registrations (the sandbox's demo deals are there too)
			int existing = jdbc.sql("select count(*) from deal_registration where reference like 'DR-B%'")
				.query(Integer.class)
				.single();
			if (existing < rows) {
				long started = System.nanoTime();
				seed(jdbc, existing, rows);
				System.out.printf("seeded %d registrations in %.0f s%n", rows - existing,
						(System.nanoTime() - started) / 1e9);
			}
			jdbc.sql("analyze").update();
			UUID partner = jdbc.sql("select id from partner where name = 'Bench Partner 1'").query(UUID.class).single();
			List<String> products = List.of("Analytics Suite");
			// warm up
			for (int i = 0; i < 100; i++) {
				registrations.check(partner, "bench", "Warmup Co " + i, "warmup" + i + ".com", products);
			}
			TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			double similarity = registrations.rules().nameSimilarity();
			for (int i = 0; i < 100; i++) {
				bare(jdbc, tx, partner, "Warmup Co " + i, "warmup" + i + ".com", similarity, null);
			}
			long[] miss = new long[samples];
			long[] floor = new long[samples];
			long[][] steps = new long[BARE_STEPS.length][samples];
			long[] hit = new long[samples];
			long[] register = new long[samples];
			String run = Long.toString(System.nanoTime(), 36);
			for (int i = 0; i < samples; i++) {
				String fresh = freshName(run, i);
				long t0 = System.nanoTime();
				registrations.check(partner, "bench", fresh, "fresh-" + run + "-" + i + ".com", products);
				miss[i] = System.nanoTime() - t0;
				String fresh2 = freshName(run + "f", i);
				long[] step = new long[BARE_STEPS.length];
				t0 = System.nanoTime();
				bare(jdbc, tx, partner, fresh2, "fresh-" + run + "-f" + i + ".com", similarity, step);
				floor[i] = System.nanoTime() - t0;
				for (int s = 0; s < step.length; s++) {
					steps[s][i] = step[s];
				}
				int g = 1 + (i * 1999) % rows;
				t0 = System.nanoTime();
				// the seeded customer's domain, under another name: found by domain among a million
				List<DealConflict> conflicts = registrations.check(partner, "bench", freshName(run + "x", i),
						"www.customer" + g + ".com", registrations.catalogue());
				hit[i] = System.nanoTime() - t0;
				if (conflicts.isEmpty() && g % 10 != 0) {
					throw new IllegalStateException("expected a conflict for customer " + g);
				}
				t0 = System.nanoTime();
				registrations.register(new NewDeal(partner, fresh, "fresh-" + run + "-" + i + ".com",
						products, new BigDecimal("50000"), "USD", LocalDate.now().plusDays(60)), "bench", null);
				register[i] = System.nanoTime() - t0;
			}
			// where the live candidates' time goes: the plan of the same statement, for a new name
			String planKey = CustomerMatcher.normalizeName(freshName(run + "p", 0));
			tx.executeWithoutResult(status -> {
				jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)")
					.param(String.valueOf(similarity))
					.query()
					.rowSet();
				jdbc.sql("explain (analyze, buffers) " + LIVE_CANDIDATES)
					.params(LocalDate.now(), "fresh-plan.com", planKey, planKey)
					.query(String.class)
					.list()
					.forEach(line -> System.out.println("  plan: " + line));
			});
			int total = jdbc.sql("select count(*) from deal_registration").query(Integer.class).single();
			System.out.printf("registrations=%d samples=%d%n", total, samples);
			System.out.printf("conflict check, new customer:      p50=%.2fms p95=%.2fms max=%.2fms%n", pct(miss, 50),
					pct(miss, 95), pct(miss, 100));
			System.out.printf("bare SQL of a check (floor):      p50=%.2fms p95=%.2fms max=%.2fms; check/floor p50 %.2fx p95 %.2fx%n",
					pct(floor, 50), pct(floor, 95), pct(floor, 100), pct(miss, 50) / pct(floor, 50),
					pct(miss, 95) / pct(floor, 95));
			for (int s = 0; s < BARE_STEPS.length; s++) {
				System.out.printf("  floor step %-28s p50=%.2fms p95=%.2fms%n", BARE_STEPS[s] + ":", pct(steps[s], 50),
						pct(steps[s], 95));
			}
			System.out.printf("conflict check, existing customer: p50=%.2fms p95=%.2fms max=%.2fms%n", pct(hit, 50),
					pct(hit, 95), pct(hit, 100));
			System.out.printf("registration (check + insert + claims + audit): p50=%.2fms p95=%.2fms max=%.2fms%n",
					pct(register, 50), pct(register, 95), pct(register, 100));
		}
	}

	/** Deals.liveCandidates's statement. */
	private static final String LIVE_CANDIDATES = "select * from deal_registration"
			+ " where status in ('PENDING', 'CONFLICT', 'APPROVED', 'CO_SELL')"
			+ " and (status <> 'APPROVED' or protected_until >= ?)"
			+ " and (customer_domain = ? or customer_name_key = ? or customer_name_key % ?)";

	private static final String[] BARE_STEPS = { "begin+advisory lock", "count recent pre-checks",
			"insert pre-check", "set_config threshold", "live candidates", "direct candidates", "commit" };

	/**
	 * The floor: the SQL statements a check issues (see PreChecks.record, Deals.liveCandidates
	 * and Deals.directCandidates), bare, in one transaction; each step's time in {@code step}.
	 */
	static void bare(JdbcClient jdbc, TransactionTemplate tx, UUID partner, String name, String domain,
			double similarity, long[] step) {
		String key = CustomerMatcher.normalizeName(name);
		long[] at = { System.nanoTime() };
		java.util.function.IntConsumer lap = s -> {
			long now = System.nanoTime();
			if (step != null) {
				step[s] = now - at[0];
			}
			at[0] = now;
		};
		java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
		tx.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))").param("pre-check:" + partner).query().rowSet();
			lap.accept(0);
			jdbc.sql("select count(*) from deal_pre_check where partner_id = ? and at > ?")
				.params(partner, new java.sql.Timestamp(now.getTime() - 3_600_000))
				.query(Integer.class)
				.single();
			lap.accept(1);
			jdbc.sql("insert into deal_pre_check (partner_id, checked_by, customer_name, customer_domain, products, at)"
					+ " values (?, ?, ?, ?, ?, ?)")
				.params(partner, "bench", name, domain, "Analytics Suite", now)
				.update();
			lap.accept(2);
			jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)")
				.param(String.valueOf(similarity))
				.query(String.class)
				.single();
			lap.accept(3);
			jdbc.sql(LIVE_CANDIDATES)
				.params(LocalDate.now(), domain, key, key)
				.query()
				.listOfRows();
			lap.accept(4);
			jdbc.sql("select * from direct_account where domain = ? or name_key = ? or name_key % ?")
				.params(domain, key, key)
				.query()
				.listOfRows();
			lap.accept(5);
		});
		lap.accept(6);
	}

	/** A company name unlike any other: two pseudo-words, as varied as real names. */
	static String freshName(String run, int i) throws Exception {
		String hash = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest((run + i).getBytes()));
		return Character.toUpperCase(hash.charAt(0)) + hash.substring(1, 7) + " "
				+ Character.toUpperCase(hash.charAt(10)) + hash.substring(11, 16);
	}

	private static void seed(JdbcClient jdbc, int from, int to) {
		jdbc.sql("""
				insert into partner (id, name, tier)
				select gen_random_uuid(), 'Bench Partner ' || g, 'GOLD' from generate_series(1, 1000) g
				on conflict do nothing
				""").update();
		int batch = 100_000;
		for (int start = from + 1; start <= to; start += batch) {
			int end = Math.min(to, start + batch - 1);
			jdbc.sql("""
					with partners as (select array_agg(id order by name) ids from partner where name like 'Bench Partner %'),
					inserted as (
					    insert into deal_registration (id, reference, partner_id, registered_by, customer_name,
					        customer_name_key, customer_domain, products, amount, currency, expected_close_date, status,
					        protected_until)
					    select gen_random_uuid(), 'DR-B' || g, partners.ids[1 + g % 1000], 'bench',
					        initcap(substr(md5(g::text), 1, 7)) || ' ' || initcap(substr(md5((g + 7)::text), 3, 6)),
					        substr(md5(g::text), 1, 7) || ' ' || substr(md5((g + 7)::text), 3, 6), 'customer' || g || '.com',
					        case g % 3 when 0 then '{Analytics Suite}'::text[] when 1 then '{Data Pipeline}'::text[]
					            else '{Analytics Suite,Secure Gateway}'::text[] end,
					        1000 + g % 500000, 'USD', current_date + 30 + g % 300,
					        case when g % 10 = 0 then 'EXPIRED' else 'APPROVED' end,
					        case when g % 10 = 0 then current_date - 1 else current_date + 1 + g % 90 end
					    from generate_series(?, ?) g, partners
					    returning id, customer_domain, customer_name_key, products, status)
					insert into deal_claim (claim_key, product, deal_id)
					select k.key, p.product, i.id from inserted i
					cross join lateral unnest(i.products) p(product)
					cross join lateral (values ('d:' || i.customer_domain), ('n:' || i.customer_name_key)) k(key)
					where i.status = 'APPROVED'
					""").params(start, end).update();
			System.out.printf("seeded up to %d%n", end);
		}
	}

	private static double pct(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

}
