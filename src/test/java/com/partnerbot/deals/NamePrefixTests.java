package com.partnerbot.deals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.datafaker.Faker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.partnerbot.EndToEndTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conflict check finds names alike by trigrams through their prefixes
 * (V202612031420): every pair of names at least so alike must share a trigram of their
 * prefixes, or a conflict would go unseen. Checked in PostgreSQL, with pg_trgm's own
 * trigrams and similarity, over every pair of realistic company names and their spelling
 * variants.
 */
class NamePrefixTests extends EndToEndTests {

	private static final String[] SUFFIXES = { "Inc", "LLC", "GmbH", "Ltd.", "S.A.", "Group", "AB", "BV" };

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(doubles = { 0.5, 0.6, 0.75, 0.9 })
	void namesAtLeastSoAlikeShareATrigramOfTheirPrefixes(double similarity) {
		List<String> keys = names().stream().map(CustomerMatcher::normalizeName).distinct().toList();
		String[] all = keys.toArray(String[]::new);

		int alike = jdbc.sql("""
				select count(*) from unnest(cast(? as text[])) a, unnest(cast(? as text[])) b
				where a <> b and similarity(a, b) >= ?
				""").params(all, all, similarity).query(Integer.class).single();
		int missed = jdbc.sql("""
				select count(*) from unnest(cast(? as text[])) a, unnest(cast(? as text[])) b
				where a <> b and similarity(a, b) >= ?
				  and not (deal_name_prefix(a, 0.5) && deal_name_prefix(b, cast(? as numeric)))
				""").params(all, all, similarity, similarity).query(Integer.class).single();

		// the variants make the pairs that matter
		assertThat(alike).isGreaterThan(similarity < 0.9 ? 100 : 10);
		assertThat(missed).isZero();
	}

	/**
	 * Datafaker's company names in several languages, each with a variant or two: another
	 * legal form, a typo, "&amp;" for "and", no punctuation.
	 */
	private static List<String> names() {
		Random random = new Random(42);
		List<String> names = new ArrayList<>();
		for (String language : List.of("en", "de", "fr", "nl", "es", "sv")) {
			Faker faker = new Faker(Locale.forLanguageTag(language), new Random(language.hashCode()));
			for (int i = 0; i < 40; i++) {
				String name = faker.company().name();
				names.add(name);
				names.add(name.replace(" and ", " & ").replace(",", "") + " "
						+ SUFFIXES[random.nextInt(SUFFIXES.length)]);
				StringBuilder typo = new StringBuilder(name);
				int at = 1 + random.nextInt(name.length() - 2);
				typo.setCharAt(at, (char) ('a' + random.nextInt(26)));
				names.add(typo.toString());
				names.add(typo.deleteCharAt(1 + random.nextInt(typo.length() - 2)).toString());
			}
		}
		return names;
	}

}
