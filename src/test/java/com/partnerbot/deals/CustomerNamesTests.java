package com.partnerbot.deals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import net.datafaker.Faker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.TestClock;
import com.partnerbot.partners.NewPartner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Tier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer names in memory against PostgreSQL's own pg_trgm: the same trigrams, the
 * same candidates as the trigram index, and rows written by another instance (straight
 * into the table) found once caught up with.
 */
class CustomerNamesTests extends EndToEndTests {

	private static final double THRESHOLD = 0.6;

	@Autowired
	CustomerNames names;

	@Autowired
	Deals deals;

	@Autowired
	PartnerManagement partners;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	private final Random random = new Random(20261204);

	private final List<Faker> fakers = java.util.stream.Stream
		.of("en", "de", "fr", "nl", "pl", "tr", "sv", "cs", "ru", "el", "ja", "uk")
		.map(locale -> new Faker(Locale.forLanguageTag(locale), random))
		.toList();

	private UUID partner;

	private String run;

	/**
	 * Its thousands of waiting registrations would fill every other test's queue of
	 * registrations waiting for a decision.
	 */
	@AfterEach
	void removeTheRegistrations() {
		jdbc.sql("delete from deal_registration where partner_id = ?").param(partner).update();
	}

	@BeforeEach
	void loaded() {
		partner = partners
			.register(new NewPartner("Names " + UUID.randomUUID(), Tier.GOLD, List.of("names-" + UUID.randomUUID()),
					List.of()))
			.id();
		run = Long.toString(System.nanoTime(), 36);
		await().atMost(Duration.ofSeconds(30)).until(names::ready);
	}

	/**
	 * Company names in several languages and scripts, as written and as keys, with
	 * variants.
	 */
	private List<String> companyNames(int count) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Faker faker = fakers.get(i % fakers.size());
			String name = switch (i % 3) {
				case 0 -> faker.company().name();
				case 1 -> faker.name().lastName() + " " + faker.company().industry();
				default ->
					faker.address().cityName() + " & " + faker.name().lastName() + ", " + faker.company().suffix();
			};
			names.add(name);
			names.add(variant(name));
		}
		return names;
	}

	/** The same customer spelt otherwise: another suffix, case, punctuation, a typo. */
	private String variant(String name) {
		return switch (random.nextInt(5)) {
			case 0 -> name + (random.nextBoolean() ? " GmbH" : ", Inc.");
			case 1 -> name.toUpperCase(Locale.ROOT);
			case 2 -> name.replace(",", "").replace("&", "and");
			case 3 -> "The " + name;
			default -> {
				StringBuilder typo = new StringBuilder(name);
				int at = random.nextInt(Math.max(1, typo.length()));
				yield typo.length() > 1 ? typo.deleteCharAt(at).toString() : name + "s";
			}
		};
	}

	@Test
	void trigramsAndSimilarityAreThoseOfPgTrgm() {
		List<String> texts = new ArrayList<>(companyNames(1500));
		texts.addAll(texts.stream().map(CustomerMatcher::normalizeName).toList());
		texts.addAll(
				List.of("", "   ", "a", "ab", "x-y_z", "O'Neil & Sons", "AT&T", "3M", "42", "ÅÄÖ", "Société Générale",
						"İstanbul", "Straße", "日本電信電話", "Ελληνικά", "MÜLLER müller", "a\tb", "semi;colon,comma.dot"));
		int ascii = 0;
		List<String[]> shown = jdbc.sql("select show_trgm(t) from unnest(?) t")
			.param(texts.toArray(String[]::new))
			.query((rs, n) -> (String[]) rs.getArray(1).getArray())
			.list();
		List<int[]> trigrams = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			int[] fromPostgres = CustomerNameIndex.parse(shown.get(i));
			int[] computed = CustomerNameIndex.trigrams(texts.get(i));
			if (computed != null) {
				ascii++;
				assertThat(computed).as("trigrams of '%s'", texts.get(i)).isEqualTo(fromPostgres);
			}
			trigrams.add(fromPostgres);
		}
		assertThat(ascii).as("names whose trigrams Java computes").isGreaterThan(texts.size() / 2);
		assertThat(texts.size() - ascii).as("names beyond ASCII, left to PostgreSQL").isGreaterThan(300);
		// pg_trgm's similarity, pair by pair (each name with its variant and its
		// neighbour), to the bit, and its % at several thresholds
		List<String> left = new ArrayList<>();
		List<String> right = new ArrayList<>();
		List<Float> computed = new ArrayList<>();
		for (int i = 0; i + 2 < texts.size(); i++) {
			for (int j : new int[] { i + 1, i + 2 }) {
				left.add(texts.get(i));
				right.add(texts.get(j));
				computed.add(similarity(trigrams.get(i), trigrams.get(j)));
			}
		}
		// 7 trigrams shared of 10: 0.7 as a fraction, a hair under it in single
		// precision, so not 0.7 alike for %
		left.add("abcdefg");
		right.add("abcdefgh");
		computed.add(similarity(CustomerNameIndex.trigrams("abcdefg"), CustomerNameIndex.trigrams("abcdefgh")));
		List<Float> fromPostgres = jdbc
			.sql("select similarity(a, b) from unnest(?, ?) with ordinality p(a, b, n) order by n")
			.params(left.toArray(String[]::new), right.toArray(String[]::new))
			.query((rs, n) -> rs.getFloat(1))
			.list();
		for (int i = 0; i < left.size(); i++) {
			assertThat(computed.get(i)).as("similarity of '%s' and '%s'", left.get(i), right.get(i))
				.isEqualTo(fromPostgres.get(i));
		}
		int alike = 0;
		for (double threshold : new double[] { 0.3, 0.6, 0.7, 0.8 }) {
			List<Boolean> percent = transactions.execute(status -> {
				threshold(threshold);
				return jdbc.sql("select a % b from unnest(?, ?) with ordinality p(a, b, n) order by n")
					.params(left.toArray(String[]::new), right.toArray(String[]::new))
					.query((rs, n) -> rs.getBoolean(1))
					.list();
			});
			for (int i = 0; i < left.size(); i++) {
				assertThat(computed.get(i) >= threshold).as("'%s' %% '%s' at %s", left.get(i), right.get(i), threshold)
					.isEqualTo(percent.get(i));
				alike += percent.get(i) ? 1 : 0;
			}
		}
		assertThat(alike).as("pairs alike at some threshold").isGreaterThan(1000);
		assertThat(computed.get(computed.size() - 1) >= 0.7).isFalse();
	}

	/** pg_trgm's similarity of two sorted, distinct trigram sets. */
	private static float similarity(int[] a, int[] b) {
		int shared = 0;
		for (int i = 0, j = 0; i < a.length && j < b.length;) {
			if (a[i] == b[j]) {
				shared++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return CustomerNameIndex.similarity(shared, a.length, b.length);
	}

	@Test
	void theCandidatesAreExactlyThoseOfTheTrigramIndex() {
		List<String> seeded = companyNames(1500);
		List<UUID> ids = insert(seeded, "APPROVED");
		// some gone: not live, whatever their names
		for (int i = 0; i < ids.size(); i += 7) {
			jdbc.sql("update deal_registration set status = 'EXPIRED' where id = ?").param(ids.get(i)).update();
		}
		List<String> probes = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			probes.add(variant(seeded.get(random.nextInt(seeded.size()))));
		}
		probes.addAll(companyNames(100));
		int withCandidates = 0;
		int candidates = 0;
		// a search catches up when the last catch-up is a second old; here at once
		names.catchUp();
		for (String probe : probes) {
			String key = CustomerMatcher.normalizeName(probe);
			if (key.isEmpty()) {
				continue;
			}
			Set<UUID> expected = transactions.execute(status -> {
				threshold();
				return ours(jdbc.sql("select id from deal_registration " + Deals.LIVE_CANDIDATES)
					.params(TestClock.today(), "", key, key)
					.query(UUID.class)
					.list());
			});
			Set<UUID> found = transactions
				.execute(status -> ours(deals.candidates(null, key, THRESHOLD, TestClock.today())
					.registrations()
					.stream()
					.map(Deal::id)
					.toList()));
			assertThat(found).as("candidates of '%s' (%s)", probe, key).isEqualTo(expected);
			// without the memory, by the pg_trgm index: the threshold set in the same
			// round trip applies (pg_trgm's own default, 0.3, would find more)
			Set<UUID> byIndex = transactions
				.execute(status -> ours(deals.candidates(null, key, THRESHOLD, TestClock.today(), Optional.empty())
					.registrations()
					.stream()
					.map(Deal::id)
					.toList()));
			assertThat(byIndex).as("candidates of '%s' by the pg_trgm index", key).isEqualTo(expected);
			// and found in memory, not by the rows written since
			Set<UUID> inMemory = new HashSet<>(names.similar(key, THRESHOLD).orElseThrow().ids());
			assertThat(ours(List.copyOf(inMemory))).as("in memory for '%s'", key).isEqualTo(expected);
			withCandidates += expected.isEmpty() ? 0 : 1;
			candidates += expected.size();
		}
		assertThat(withCandidates).as("probes with a similar live name").isGreaterThan(250);
		assertThat(candidates).isGreaterThan(withCandidates);
	}

	/** pg_trgm's threshold for {@code %}, in the transaction. */
	private void threshold() {
		threshold(THRESHOLD);
	}

	private void threshold(double threshold) {
		jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)")
			.param(String.valueOf(threshold))
			.query()
			.singleRow();
	}

	/** The ids among this run's registrations. */
	private Set<UUID> ours(List<UUID> ids) {
		Set<UUID> ours = new HashSet<>(
				jdbc.sql("select id from deal_registration where id = any(?) and reference like ?")
					.params(ids.toArray(UUID[]::new), "DR-N" + run + "%")
					.query(UUID.class)
					.list());
		return ours;
	}

	@Test
	void rowsWrittenByAnotherInstanceAreFoundOnceCaughtUpWith() throws Exception {
		String name = "Quillfeather Orchard Logistics " + run;
		String key = CustomerMatcher.normalizeName(name);
		UUID other = insert(List.of(name), "PENDING").get(0);
		names.catchUp();
		assertThat(names.similar(key, THRESHOLD).orElseThrow().ids()).contains(other);

		jdbc.sql("update deal_registration set status = 'REJECTED' where id = ?").param(other).update();
		names.catchUp();
		assertThat(names.similar(key, THRESHOLD).orElseThrow().ids()).doesNotContain(other);
		jdbc.sql("update deal_registration set status = 'CONFLICT' where id = ?").param(other).update();
		names.catchUp();
		assertThat(names.similar(key, THRESHOLD).orElseThrow().ids()).contains(other);

		// a transaction that began before a catch-up and commits after it, however long
		// after
		String late = "Marrowgate Turbine Holdings " + run;
		UUID lateId = UUID.randomUUID();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
				bind(insert, lateId, "DR-N" + run + "-late", late, "APPROVED");
				insert.executeUpdate();
			}
			CustomerNames.Similar before = names.similar(CustomerMatcher.normalizeName(late), THRESHOLD).orElseThrow();
			assertThat(before.ids()).doesNotContain(lateId);
			// a catch-up or two in between: the memory's start moves on, not past it
			names.catchUp();
			connection.commit();
		}
		names.catchUp();
		CustomerNames.Similar after = names.similar(CustomerMatcher.normalizeName(late), THRESHOLD).orElseThrow();
		assertThat(after.ids()).contains(lateId);
		assertThat(candidates("Marrowgate Turbine Holding " + run)).containsExactly(lateId);
	}

	/** This run's registrations among a check's candidates for a name. */
	private Set<UUID> candidates(String name) {
		return ours(deals.candidates(null, CustomerMatcher.normalizeName(name), THRESHOLD, TestClock.today())
			.registrations()
			.stream()
			.map(Deal::id)
			.toList());
	}

	@Test
	void rowsCommittedAfterTheCatchUpAreSearchedInSql() {
		String name = "Brindlewick Aerospace Foundry " + run;
		String key = CustomerMatcher.normalizeName(name);
		CustomerNames.Similar caughtUp = names.similar(key, THRESHOLD).orElseThrow();
		UUID written = insert(List.of(name), "APPROVED").get(0);
		Set<UUID> found = transactions.execute(status -> {
			threshold();
			// the candidates' statement with what that catch-up found: the new row is
			// among the rows written since
			return ours(jdbc.sql("select id from deal_registration " + Deals.LIVE_CANDIDATES_AMONG)
				.params(Deals.liveCandidatesAmong(TestClock.today(), null, key, THRESHOLD, caughtUp))
				.query(UUID.class)
				.list());
		});
		assertThat(caughtUp.ids()).doesNotContain(written);
		assertThat(found).containsExactly(written);
	}

	@Test
	void aNameFoundInMemoryButRenamedSinceIsDecidedByItsNameNow() {
		String name = "Wickerbrook Dairy Cooperative " + run;
		String renamed = "Osterfell Semiconductor Works " + run;
		UUID written = insert(List.of(name), "APPROVED").get(0);
		names.catchUp();
		jdbc.sql("update deal_registration set customer_name = ?, customer_name_key = ? where id = ?")
			.params(renamed, CustomerMatcher.normalizeName(renamed), written)
			.update();
		// the memory has the old name until it catches up (a search does once the last
		// catch-up is a second old: either way the candidates are the same)
		String oldKey = CustomerMatcher.normalizeName("Wickerbrook Dairy Cooperatives " + run);
		assertThat(names.index().similar(CustomerNameIndex.trigrams(oldKey), THRESHOLD)).contains(written);
		assertThat(candidates("Wickerbrook Dairy Cooperatives " + run)).isEmpty();
		assertThat(candidates("Osterfell Semiconductor Work " + run)).containsExactly(written);
	}

	@Test
	void betweenCatchUpsTheCandidatesAreTheSame() {
		String name = "Thistlecombe Glassworks Cooperative " + run;
		names.catchUp();
		// written after the catch-up; the next search catches up only a second later
		UUID written = insert(List.of(name), "PENDING").get(0);
		assertThat(candidates("Thistlecombe Glasswork Cooperative " + run)).containsExactly(written);
	}

	private static final String INSERT = """
			insert into deal_registration (id, reference, partner_id, registered_by, customer_name, customer_name_key,
			    products, amount, currency, expected_close_date, status, protected_until)
			values (?, ?, ?, 'another instance', ?, ?, '{Analytics Suite}', 1000, 'USD', current_date + 30, ?,
			    current_date + 90)
			""";

	private void bind(PreparedStatement insert, UUID id, String reference, String name, String status)
			throws java.sql.SQLException {
		insert.setObject(1, id);
		insert.setString(2, reference);
		insert.setObject(3, partner);
		insert.setString(4, name);
		insert.setString(5, CustomerMatcher.normalizeName(name));
		insert.setString(6, status);
	}

	/** Registrations written straight into the table, as another instance would. */
	private List<UUID> insert(List<String> customers, String status) {
		List<UUID> ids = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement(INSERT)) {
			for (String customer : customers) {
				UUID id = UUID.randomUUID();
				bind(insert, id, "DR-N" + run + "-" + ids.size(), customer, status);
				insert.addBatch();
				ids.add(id);
			}
			insert.executeBatch();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return ids;
	}

}
