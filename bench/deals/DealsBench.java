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
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCallback;
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
					"logging.structured.format.console", "", "logging.level.root", "warn",
					// the outbox's sends to a Slack that is not there
					"logging.level.com.slack", "off", "logging.level.com.partnerbot.slack.outbox", "error",
					"partnerbot.deals.pre-checks.per-partner", "1000000000",
					// BENCH_NAME_INDEX=false: today's search by the pg_trgm index, for a before
					"partnerbot.deals.name-index.enabled",
					System.getenv().getOrDefault("BENCH_NAME_INDEX", "true")))
			.run()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			DealRegistrations registrations = context.getBean(DealRegistrations.class);
			// the bench's own registrations (the sandbox's demo deals are there too)
			int existing = jdbc.sql("select count(*) from deal_registration where reference like 'DR-B%'")
				.query(Integer.class)
				.single();
			if (existing < rows) {
				long started = System.nanoTime();
				seed(jdbc, context.getBean(javax.sql.DataSource.class), existing, rows);
				System.out.printf("seeded %d registrations in %.0f s%n", rows - existing,
						(System.nanoTime() - started) / 1e9);
			}
			jdbc.sql("analyze").update();
			CustomerNames names = context.getBean(CustomerNames.class);
			boolean inMemory = context.getBean(DealsProperties.class).nameIndex().enabled();
			if (inMemory) {
				long waited = System.nanoTime();
				while (!names.ready()) {
					Thread.sleep(100);
				}
				System.gc();
				Runtime heap = Runtime.getRuntime();
				System.out.printf("names in memory: %d loaded (waited %.1f s for them after start-up), index arrays %.1f MB; "
						+ "heap used after a full GC %.1f MB%n", names.index().size(), (System.nanoTime() - waited) / 1e9,
						names.index().bytes() / 1e6, (heap.totalMemory() - heap.freeMemory()) / 1e6);
			}
			else {
				System.gc();
				Runtime heap = Runtime.getRuntime();
				System.out.printf("names in memory: off; heap used after a full GC %.1f MB%n",
						(heap.totalMemory() - heap.freeMemory()) / 1e6);
			}
			UUID partner = jdbc.sql("select id from partner where name = 'Bench Partner 1'").query(UUID.class).single();
			List<String> products = List.of("Analytics Suite");
			// warm up
			for (int i = 0; i < 100; i++) {
				registrations.check(partner, "bench", "Warmup Co " + i, "warmup" + i + ".com", products);
			}
			TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			JdbcOperations operations = context.getBean(JdbcOperations.class);
			double similarity = registrations.rules().nameSimilarity();
			for (int i = 0; i < 100; i++) {
				bare(jdbc, tx, partner, "Warmup Co " + i, "warmup" + i + ".com", similarity, null);
				if (inMemory) {
					bareInMemory(jdbc, operations, tx, names, partner, "Warmup Co " + i, "warmup" + i + ".com", similarity, null,
							new long[1], new long[1]);
				}
			}
			long[] miss = new long[samples];
			long[] floor = new long[samples];
			long[][] steps = new long[BARE_STEPS.length][samples];
			long[] floorInMemory = new long[samples];
			long[][] stepsInMemory = new long[BARE_STEPS_IN_MEMORY.length][samples];
			long[] search = new long[samples];
			long[] catchUp = new long[samples];
			long[] hit = new long[samples];
			long[] variant = new long[samples];
			long[] register = new long[samples];
			String run = Long.toString(System.nanoTime(), 36);
			net.datafaker.Faker faker = new net.datafaker.Faker(new java.util.Random(run.hashCode()));
			java.util.Random random = new java.util.Random(run.hashCode());
			int hits = 0;
			int refused = 0;
			int variantsExpected = 0;
			int variantsFound = 0;
			for (int i = 0; i < samples; i++) {
				String fresh = Corpus.name(faker, random);
				long t0 = System.nanoTime();
				registrations.check(partner, "bench", fresh, "fresh-" + run + "-" + i + ".com", products);
				miss[i] = System.nanoTime() - t0;
				String fresh2 = Corpus.name(faker, random);
				long[] step = new long[BARE_STEPS.length];
				t0 = System.nanoTime();
				bare(jdbc, tx, partner, fresh2, "fresh-" + run + "-f" + i + ".com", similarity, step);
				floor[i] = System.nanoTime() - t0;
				for (int s = 0; s < step.length; s++) {
					steps[s][i] = step[s];
				}
				if (inMemory) {
					String fresh3 = Corpus.name(faker, random);
					long[] stepInMemory = new long[BARE_STEPS_IN_MEMORY.length];
					long[] searched = new long[1];
					long[] caughtUp = new long[1];
					floorInMemory[i] = bareInMemory(jdbc, operations, tx, names, partner, fresh3,
							"fresh-" + run + "-m" + i + ".com", similarity, stepInMemory, searched, caughtUp);
					search[i] = searched[0];
					catchUp[i] = caughtUp[0];
					for (int s = 0; s < stepInMemory.length; s++) {
						stepsInMemory[s][i] = stepInMemory[s];
					}
				}
				// a seeded customer: its domain under another name, then its name spelt otherwise
				Map<String, Object> seeded = jdbc
					.sql("select id, customer_name, customer_domain, status from deal_registration where reference = ?")
					.param("DR-B" + (1 + (i * 1999) % rows))
					.query()
					.singleRow();
				boolean live = !"EXPIRED".equals(seeded.get("status"));
				if (seeded.get("customer_domain") != null) {
					t0 = System.nanoTime();
					List<DealConflict> conflicts = registrations.check(partner, "bench", Corpus.name(faker, random),
							"www." + seeded.get("customer_domain"), registrations.catalogue());
					hit[hits++] = System.nanoTime() - t0;
					if (live && conflicts.stream().noneMatch(c -> seeded.get("id").equals(c.otherDealId()))) {
						throw new IllegalStateException("expected a conflict by domain with " + seeded);
					}
				}
				String spelt = Corpus.variant((String) seeded.get("customer_name"), random);
				t0 = System.nanoTime();
				List<DealConflict> conflicts = registrations.check(partner, "bench", spelt, null,
						registrations.catalogue());
				variant[i] = System.nanoTime() - t0;
				String key = CustomerMatcher.normalizeName((String) seeded.get("customer_name"));
				String speltKey = CustomerMatcher.normalizeName(spelt);
				boolean expected = live
						&& (key.equals(speltKey) || CustomerMatcher.similarity(key, speltKey) >= similarity);
				boolean found = conflicts.stream().anyMatch(c -> seeded.get("id").equals(c.otherDealId()));
				if (found != expected) {
					throw new IllegalStateException("variant '" + spelt + "' of " + seeded + ": expected " + expected
							+ ", found " + found);
				}
				variantsExpected += expected ? 1 : 0;
				variantsFound += found ? 1 : 0;
				t0 = System.nanoTime();
				try {
					registrations.register(new NewDeal(partner, fresh, "fresh-" + run + "-" + i + ".com",
							products, new BigDecimal("50000"), "USD", LocalDate.now().plusDays(60)), "bench", null);
				}
				catch (com.partnerbot.platform.ConflictException ex) {
					// a realistic name the bench partner has registered already
					refused++;
				}
				register[i] = System.nanoTime() - t0;
			}
			System.out.printf("spelling variants of seeded customers: %d of %d found as conflicts, %d expected "
					+ "by the matcher (the others are expired or under %.2f alike)%n", variantsFound, samples,
					variantsExpected, similarity);
			hit = Arrays.copyOf(hit, hits);
			// where the live candidates' time goes: the plan of the same statement, for a new name
			String planKey = CustomerMatcher.normalizeName(Corpus.name(faker, random));
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
			if (inMemory) {
				CustomerNames.Similar found = names.similar(planKey, similarity).orElseThrow();
				tx.executeWithoutResult(status -> {
					setConfig(jdbc, similarity);
					jdbc.sql("explain (analyze, buffers) " + LIVE_CANDIDATES_AMONG)
						.params(Deals.liveCandidatesAmong(LocalDate.now(), "fresh-plan.com", planKey, similarity, found))
						.query(String.class)
						.list()
						.forEach(line -> System.out.println("  plan in memory: " + line));
				});
			}
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
			if (inMemory) {
				System.out.printf("bare SQL of the in-memory path (floor): p50=%.2fms p95=%.2fms max=%.2fms; "
						+ "check/floor p50 %.2fx p95 %.2fx%n", pct(floorInMemory, 50), pct(floorInMemory, 95),
						pct(floorInMemory, 100), pct(miss, 50) / pct(floorInMemory, 50),
						pct(miss, 95) / pct(floorInMemory, 95));
				for (int s = 0; s < BARE_STEPS_IN_MEMORY.length; s++) {
					System.out.printf("  floor step %-28s p50=%.2fms p95=%.2fms%n", BARE_STEPS_IN_MEMORY[s] + ":",
							pct(stepsInMemory[s], 50), pct(stepsInMemory[s], 95));
				}
				System.out.printf("  in-memory search (not in the floor): p50=%.3fms p95=%.3fms max=%.3fms%n",
						pct(search, 50), pct(search, 95), pct(search, 100));
				System.out.printf("  catch-up, its own transaction (once a second; not in the floor): p50=%.2fms "
						+ "p95=%.2fms%n", pct(catchUp, 50), pct(catchUp, 95));
			}
			System.out.printf("conflict check, existing customer: p50=%.2fms p95=%.2fms max=%.2fms%n", pct(hit, 50),
					pct(hit, 95), pct(hit, 100));
			System.out.printf("conflict check, a seeded name spelt otherwise, no domain: p50=%.2fms p95=%.2fms max=%.2fms%n",
					pct(variant, 50), pct(variant, 95), pct(variant, 100));
			System.out.printf(
					"registration (check + insert + claims + audit): p50=%.2fms p95=%.2fms max=%.2fms (%d refused: "
							+ "registered already)%n",
					pct(register, 50), pct(register, 95), pct(register, 100), refused);
		}
	}

	/** Deals.liveCandidates's statement, by the pg_trgm index (the names not in memory). */
	private static final String LIVE_CANDIDATES = "select * from deal_registration " + Deals.LIVE_CANDIDATES;

	/** Deals.liveCandidates's statement among the ids found in memory. */
	private static final String LIVE_CANDIDATES_AMONG = "select * from deal_registration "
			+ Deals.LIVE_CANDIDATES_AMONG;

	private static final String[] BARE_STEPS_IN_MEMORY = { "begin+record pre-check",
			"settings+candidates+direct", "commit" };

	private static void setConfig(JdbcClient jdbc, double similarity) {
		jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true), "
				+ "set_config('plan_cache_mode', 'force_custom_plan', true)")
			.param(String.valueOf(similarity))
			.query()
			.singleRow();
	}

	/**
	 * The floor of the in-memory path: the SQL statements a check then issues (PreChecks.record,
	 * then Deals.candidates's settings, candidates among the ids found and direct accounts in one
	 * round trip), bare, in one transaction, with what a search found just before; the in-memory search alone is timed
	 * apart ({@code searched[0]}), and so is CustomerNames's catch-up ({@code caughtUp[0]}),
	 * which a check makes only when the last one is a second old. Returns the SQL's time.
	 */
	static long bareInMemory(JdbcClient jdbc, JdbcOperations operations, TransactionTemplate tx, CustomerNames names, UUID partner, String name,
			String domain, double similarity, long[] step, long[] searched, long[] caughtUp) {
		String key = CustomerMatcher.normalizeName(name);
		CustomerNames.Similar found = names.similar(key, similarity).orElseThrow();
		int[] trigrams = CustomerNameIndex.trigrams(key);
		if (trigrams != null) {
			long t0 = System.nanoTime();
			names.index().similar(trigrams, similarity);
			searched[0] = System.nanoTime() - t0;
		}
		long t0 = System.nanoTime();
		tx.executeWithoutResult(status -> jdbc.sql(CustomerNames.catchUpSql(found.unseenFrom())).query().listOfRows());
		caughtUp[0] = System.nanoTime() - t0;
		long start = System.nanoTime();
		java.util.function.IntConsumer lap = laps(step);
		java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
		Object[] params = Deals.candidatesParams(domain, key, similarity, LocalDate.now(), java.util.Optional.of(found));
		tx.executeWithoutResult(status -> {
			preCheck(jdbc, partner, name, domain, now);
			lap.accept(0);
			// the settings, the candidates among the ids found and the direct accounts: one
			// round trip, as Deals.candidates sends them
			operations.execute(Deals.candidatesSql(true), (PreparedStatementCallback<Object>) statement -> {
				new ArgumentPreparedStatementSetter(params).setValues(statement);
				statement.execute();
				do {
					try (java.sql.ResultSet rs = statement.getResultSet()) {
						while (rs.next()) {
							rs.getObject(1);
						}
					}
				}
				while (statement.getMoreResults());
				return null;
			});
			lap.accept(1);
		});
		lap.accept(2);
		return System.nanoTime() - start;
	}

	/** Records in {@code step[s]} (when not null) the time since the last lap, on lap s. */
	private static java.util.function.IntConsumer laps(long[] step) {
		long[] at = { System.nanoTime() };
		return s -> {
			long now = System.nanoTime();
			if (step != null) {
				step[s] = now - at[0];
			}
			at[0] = now;
		};
	}

	/** PreChecks.record's statement: the share of the last hour decided and the check recorded. */
	private static void preCheck(JdbcClient jdbc, UUID partner, String name, String domain, java.sql.Timestamp now) {
		java.time.OffsetDateTime at = now.toInstant().atOffset(java.time.ZoneOffset.UTC);
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("partner", partner);
		params.put("now", at);
		params.put("since", at.minusHours(1));
		params.put("share", 1_000_000_000);
		params.put("checkedBy", "bench");
		params.put("customerName", name);
		params.put("customerDomain", domain);
		params.put("products", "Analytics Suite");
		Map<String, Object> outcome = jdbc.sql(PreChecks.RECORD).params(params).query().singleRow();
		if (outcome.get("recorded") == null) {
			throw new IllegalStateException("the bench's pre-check was not recorded: " + outcome);
		}
	}

	private static void directCandidates(JdbcClient jdbc, String domain, String key) {
		jdbc.sql("select * from direct_account where domain = ? or name_key = ? or name_key % ?")
			.params(domain, key, key)
			.query()
			.listOfRows();
	}

	private static final String[] BARE_STEPS = { "begin+record pre-check", "set_config threshold", "live candidates",
			"direct candidates", "commit" };

	/**
	 * The floor: the SQL statements a check issues (see PreChecks.record, Deals.liveCandidates
	 * and Deals.directCandidates), bare, in one transaction; each step's time in {@code step}.
	 */
	static void bare(JdbcClient jdbc, TransactionTemplate tx, UUID partner, String name, String domain,
			double similarity, long[] step) {
		String key = CustomerMatcher.normalizeName(name);
		java.util.function.IntConsumer lap = laps(step);
		java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
		tx.executeWithoutResult(status -> {
			preCheck(jdbc, partner, name, domain, now);
			lap.accept(0);
			jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)")
				.param(String.valueOf(similarity))
				.query(String.class)
				.single();
			lap.accept(1);
			jdbc.sql(LIVE_CANDIDATES)
				.params(LocalDate.now(), domain, key, key)
				.query()
				.listOfRows();
			lap.accept(2);
			directCandidates(jdbc, domain, key);
			lap.accept(3);
		});
		lap.accept(4);
	}

	/**
	 * Seeds registrations {@code from + 1} to {@code to} with realistic customers (see
	 * {@link Corpus}), written with COPY; each registration {@code DR-B<g>} is the same
	 * whatever the run, so a kept database and the probes agree.
	 */
	private static void seed(JdbcClient jdbc, javax.sql.DataSource dataSource, int from, int to) throws Exception {
		jdbc.sql("""
				insert into partner (id, name, tier)
				select gen_random_uuid(), 'Bench Partner ' || g, 'GOLD' from generate_series(1, 1000) g
				on conflict do nothing
				""").update();
		List<UUID> partners = jdbc.sql("select id from partner where name like 'Bench Partner %' order by name")
			.query(UUID.class)
			.list();
		Corpus corpus = new Corpus(to);
		int batch = 100_000;
		String today = LocalDate.now().toString();
		try (java.sql.Connection connection = dataSource.getConnection()) {
			org.postgresql.copy.CopyManager copy = connection.unwrap(org.postgresql.PGConnection.class)
				.getCopyAPI();
			for (int start = 1; start <= to; start += batch) {
				int end = Math.min(to, start + batch - 1);
				StringBuilder rows = new StringBuilder();
				for (int g = start; g <= end; g++) {
					Corpus.Customer customer = corpus.customer(g);
					if (g <= from) {
						// generated all the same: the corpus is drawn in order
						continue;
					}
					String status = customer.variantOf() > 0 ? "CONFLICT" : (g % 10 == 0) ? "EXPIRED" : "APPROVED";
					String protectedUntil = switch (status) {
						case "EXPIRED" -> LocalDate.parse(today).minusDays(1).toString();
						case "APPROVED" -> LocalDate.parse(today).plusDays(1 + g % 90).toString();
						default -> "\\N";
					};
					String products = switch (g % 3) {
						case 0 -> "{Analytics Suite}";
						case 1 -> "{Data Pipeline}";
						default -> "{Analytics Suite,Secure Gateway}";
					};
					rows.append(UUID.nameUUIDFromBytes(("bench-deal-" + g).getBytes()))
						.append('\t')
						.append("DR-B")
						.append(g)
						.append('\t')
						.append(partners.get(g % partners.size()))
						.append("\tbench\t")
						.append(copyText(customer.name()))
						.append('\t')
						.append(copyText(CustomerMatcher.normalizeName(customer.name())))
						.append('\t')
						.append(customer.domain() == null || CustomerMatcher.normalizeDomain(customer.domain()) == null
								? "\\N" : copyText(CustomerMatcher.normalizeDomain(customer.domain())))
						.append('\t')
						.append(products)
						.append('\t')
						.append(1000 + g % 500000)
						.append("\tUSD\t")
						.append(LocalDate.parse(today).plusDays(30 + g % 300))
						.append('\t')
						.append(status)
						.append('\t')
						.append(protectedUntil)
						.append('\n');
				}
				if (!rows.isEmpty()) {
					copy.copyIn("""
							copy deal_registration (id, reference, partner_id, registered_by, customer_name,
							    customer_name_key, customer_domain, products, amount, currency, expected_close_date,
							    status, protected_until) from stdin""", new java.io.StringReader(rows.toString()));
					System.out.printf("seeded up to %d%n", end);
				}
			}
		}
		// the claims of the approved registrations, as DealRegistrations.store makes them
		jdbc.sql("""
				insert into deal_claim (claim_key, product, deal_id)
				select k.key, p.product, r.id from deal_registration r
				cross join lateral unnest(r.products) p(product)
				cross join lateral (values ('d:' || r.customer_domain), ('n:' || r.customer_name_key)) k(key)
				where r.reference like 'DR-B%' and r.status = 'APPROVED' and k.key is not null
				on conflict do nothing
				""").update();
	}

	private static String copyText(String text) {
		return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
	}

	/**
	 * Realistic customers, the same for the same position whatever the run: company names as
	 * Datafaker writes them in several languages ("Ortiz, Baumbach and Lang", "Tillack GmbH",
	 * "Verdam, Schrage en Huskens"), some from a surname or a city and an industry, each
	 * customer with a domain of its own; and one registration in twelve another partner's of an
	 * earlier customer under a spelling variant (another legal suffix, "&amp;" for "and",
	 * punctuation, a typo), waiting as a conflict.
	 */
	static final class Corpus {

		private static final String[] LOCALES = { "en", "en-GB", "de", "fr", "nl", "es", "it", "sv", "pl", "pt",
				"da", "fi", "nb-NO", "tr", "cs" };

		private static final String[] TLDS = { "com", "com", "com", "net", "io", "co.uk", "de", "fr", "nl", "es",
				"it", "se", "pl", "com.br", "dk", "fi", "no", "com.tr", "cz" };

		private static final String[] SUFFIXES = { "Inc", "Inc.", "LLC", "L.L.C.", "Ltd", "Ltd.", "Limited", "GmbH",
				"AG", "Corp.", "Corporation", "S.A.", "SAS", "BV", "B.V.", "AB", "Oy", "plc", "Co.", "Group" };

		private final int size;

		private final net.datafaker.Faker[] fakers;

		private final java.util.Random random = new java.util.Random(20261203);

		private final java.util.Set<String> keys = new java.util.HashSet<>();

		private final java.util.Map<Integer, Customer> drawn = new java.util.HashMap<>();

		private int next = 1;

		Corpus(int size) {
			this.size = size;
			this.fakers = Arrays.stream(LOCALES)
				.map(l -> new net.datafaker.Faker(java.util.Locale.forLanguageTag(l), new java.util.Random(l.hashCode())))
				.toArray(net.datafaker.Faker[]::new);
		}

		/** A customer: its name, its domain (null for some) and whose variant it is (0 when none). */
		record Customer(String name, String domain, int variantOf) {
		}

		/** The customer of registration {@code g}, drawn in order from 1. */
		Customer customer(int g) {
			while (this.next <= g) {
				this.drawn.put(this.next, draw(this.next));
				this.next++;
			}
			// only the originals are asked for again, by the variants after them
			Customer customer = this.drawn.get(g);
			if (customer.variantOf() > 0) {
				this.drawn.remove(g);
			}
			return customer;
		}

		private Customer draw(int g) {
			if (g > 100 && this.random.nextInt(12) == 0) {
				int original = 1 + this.random.nextInt(g - 1);
				Customer of = this.drawn.get(original);
				if (of != null && of.variantOf() == 0) {
					return new Customer(variant(of.name(), this.random),
							this.random.nextBoolean() ? of.domain() : null, original);
				}
			}
			while (true) {
				String name = name(this.fakers[this.random.nextInt(this.fakers.length)], this.random);
				String key = CustomerMatcher.normalizeName(name);
				if (!key.isEmpty() && this.keys.add(key)) {
					String tld = TLDS[this.random.nextInt(TLDS.length)];
					return new Customer(name, key.replace(' ', '-') + "." + tld, 0);
				}
			}
		}

		/** A company name as companies are named. */
		static String name(net.datafaker.Faker faker, java.util.Random random) {
			return switch (random.nextInt(6)) {
				case 0, 1, 2 -> faker.company().name();
				case 3 -> faker.name().lastName() + " " + firstWord(faker.company().industry()) + " "
						+ SUFFIXES[random.nextInt(SUFFIXES.length)];
				case 4 -> faker.address().cityName() + " " + firstWord(faker.company().industry());
				default -> faker.name().lastName() + " " + faker.company().buzzword() + " "
						+ faker.company().suffix();
			};
		}

		private static String firstWord(String text) {
			String word = text.split("[ /,&]+")[0];
			return word.isEmpty() ? text : word;
		}

		/**
		 * The same customer written otherwise: one or two of another legal suffix, "&amp;"
		 * for "and" (or back), dropped commas, a leading "The", other case, a typo.
		 */
		static String variant(String name, java.util.Random random) {
			String variant = name;
			int changes = 1 + random.nextInt(2);
			for (int c = 0; c < changes; c++) {
				variant = switch (random.nextInt(6)) {
					case 0 -> withSuffix(variant, random);
					case 1 -> variant.contains(" and ") ? variant.replace(" and ", " & ")
							: variant.contains(" & ") ? variant.replace(" & ", " and ") : variant.replace(",", "");
					case 2 -> variant.replace(",", "").replace(".", "");
					case 3 -> variant.startsWith("The ") ? variant.substring(4) : "The " + variant;
					case 4 -> random.nextBoolean() ? variant.toUpperCase(java.util.Locale.ROOT)
							: variant.toLowerCase(java.util.Locale.ROOT);
					default -> typo(variant, random);
				};
			}
			return variant.equals(name) ? typo(name, random) : variant;
		}

		private static String withSuffix(String name, java.util.Random random) {
			String[] words = name.split(" ");
			String last = words[words.length - 1];
			boolean hasSuffix = Arrays.stream(SUFFIXES).anyMatch(s -> s.equalsIgnoreCase(last));
			String base = hasSuffix && words.length > 1 ? name.substring(0, name.lastIndexOf(' ')) : name;
			return random.nextInt(4) == 0 ? base : base + (random.nextBoolean() ? ", " : " ")
					+ SUFFIXES[random.nextInt(SUFFIXES.length)];
		}

		/** A letter swapped with the next, dropped, doubled or replaced. */
		static String typo(String name, java.util.Random random) {
			StringBuilder text = new StringBuilder(name);
			int at = 1 + random.nextInt(Math.max(1, text.length() - 2));
			if (at >= text.length() - 1 || !Character.isLetter(text.charAt(at))) {
				return text.append('s').toString();
			}
			switch (random.nextInt(4)) {
				case 0 -> {
					char c = text.charAt(at);
					text.setCharAt(at, text.charAt(at + 1));
					text.setCharAt(at + 1, c);
				}
				case 1 -> text.deleteCharAt(at);
				case 2 -> text.insert(at, text.charAt(at));
				default -> text.setCharAt(at, (char) ('a' + random.nextInt(26)));
			}
			return text.toString();
		}

	}

	private static double pct(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

}
