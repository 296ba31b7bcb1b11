package com.partnerbot.deals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory search against counting every name's shared trigrams one by one (its
 * similarity against PostgreSQL's own is in {@code CustomerNamesTests}).
 */
class CustomerNameIndexTests {

	private static final String[] WORDS = { "acme", "globex", "initech", "umbrella", "stark", "wayne", "wonka", "and",
			"group", "holdings", "industries", "logistics", "tech", "systems", "nordic", "smith", "sons", "co", "a",
			"x1", "consulting", "partners" };

	private final Random random = new Random(42);

	private String name() {
		StringBuilder name = new StringBuilder();
		int words = 1 + random.nextInt(4);
		for (int w = 0; w < words; w++) {
			String word = WORDS[random.nextInt(WORDS.length)];
			if (random.nextInt(3) == 0 && word.length() > 2) {
				// a typo
				int at = random.nextInt(word.length());
				word = word.substring(0, at) + (char) ('a' + random.nextInt(26)) + word.substring(at + 1);
			}
			name.append(w > 0 ? " " : "").append(word);
		}
		return name.toString();
	}

	@Test
	void findsExactlyTheNamesAtLeastThatAlike() {
		CustomerNameIndex index = new CustomerNameIndex();
		Map<UUID, String> live = new HashMap<>();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			UUID id = UUID.randomUUID();
			String name = name();
			index.put(id, name, CustomerNameIndex.trigrams(name));
			live.put(id, name);
			ids.add(id);
		}
		// some gone, some renamed, some put again unchanged
		for (int i = 0; i < 1500; i++) {
			UUID id = ids.get(random.nextInt(ids.size()));
			switch (i % 3) {
				case 0 -> {
					index.remove(id);
					live.remove(id);
				}
				case 1 -> {
					String name = name();
					index.put(id, name, CustomerNameIndex.trigrams(name));
					live.put(id, name);
				}
				default -> {
					if (live.containsKey(id)) {
						index.put(id, live.get(id), CustomerNameIndex.trigrams(live.get(id)));
					}
				}
			}
		}
		index.trim();
		assertThat(index.size()).isEqualTo(live.size());
		int found = 0;
		for (double threshold : new double[] { 0.3, 0.6, 0.9 }) {
			for (int q = 0; q < 300; q++) {
				String query = name();
				int[] trigrams = CustomerNameIndex.trigrams(query);
				Set<UUID> expected = new HashSet<>();
				live.forEach((id, name) -> {
					if (similarity(trigrams, CustomerNameIndex.trigrams(name)) >= threshold) {
						expected.add(id);
					}
				});
				assertThat(new HashSet<>(index.similar(trigrams, threshold))).as("'%s' at %s", query, threshold)
					.isEqualTo(expected);
				found += expected.size();
			}
		}
		assertThat(found).isGreaterThan(1000);
	}

	/**
	 * pg_trgm's similarity, name by name: the trigrams both have, counted one by one.
	 */
	private static float similarity(int[] a, int[] b) {
		Set<Integer> of = new HashSet<>();
		for (int trigram : a) {
			of.add(trigram);
		}
		int shared = 0;
		for (int trigram : b) {
			shared += of.contains(trigram) ? 1 : 0;
		}
		return CustomerNameIndex.similarity(shared, a.length, b.length);
	}

	@Test
	void pgTrgmDividesInSinglePrecision() {
		// 9 of 10 trigrams alike is under 0.9 in single precision, 3 of 10 over 0.3
		assertThat(CustomerNameIndex.similarity(9, 10, 9) >= 0.9).isFalse();
		assertThat(CustomerNameIndex.similarity(3, 10, 3) >= 0.3).isTrue();
		assertThat(CustomerNameIndex.similarity(0, 0, 0)).isZero();
	}

	@Test
	void aNameWithoutLettersOrDigitsHasNoTrigramsAndOneBeyondAsciiIsLeftToPostgres() {
		assertThat(CustomerNameIndex.trigrams(" - ")).isEmpty();
		assertThat(CustomerNameIndex.trigrams("ab")).containsExactly(0x202061, 0x206162, 0x616220);
		assertThat(CustomerNameIndex.trigrams("société")).isNull();
		assertThat(CustomerNameIndex.parse(new String[] { "  a", "0x1f2e3d" })).containsExactly(0x1f2e3d, 0x202061);
	}

}
