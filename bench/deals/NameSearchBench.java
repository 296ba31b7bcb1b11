package com.partnerbot.deals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The in-memory name search alone, without PostgreSQL: CustomerNameIndex over the conflict
 * bench's corpus (DealsBench.Corpus), searched for fresh names and for spelling variants of
 * held ones, half each, at the similarity threshold 0.6, in rounds.
 *
 * <pre>
 * NameSearchBench [names=1000000] [queries=3000] [rounds=5]
 * </pre>
 */
public final class NameSearchBench {

	public static void main(String[] args) {
		int names = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int queries = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		long started = System.nanoTime();
		DealsBench.Corpus corpus = new DealsBench.Corpus(names);
		CustomerNameIndex index = new CustomerNameIndex();
		List<String> held = new ArrayList<>();
		for (int g = 1; g <= names; g++) {
			String key = CustomerMatcher.normalizeName(corpus.customer(g).name());
			int[] trigrams = CustomerNameIndex.trigrams(key);
			if (trigrams != null) {
				index.put(new UUID(0, g), key, trigrams);
				if (g % 500 == 0) {
					held.add(key);
				}
			}
		}
		index.trim();
		System.out.printf("names held: %d (built in %.1f s)%n", index.size(), (System.nanoTime() - started) / 1e9);
		net.datafaker.Faker faker = new net.datafaker.Faker(new Random(7));
		Random random = new Random(7);
		List<int[]> probes = new ArrayList<>();
		while (probes.size() < queries) {
			String key = CustomerMatcher.normalizeName(probes.size() % 2 == 0 ? DealsBench.Corpus.name(faker, random)
					: DealsBench.Corpus.variant(held.get(random.nextInt(held.size())), random));
			int[] trigrams = CustomerNameIndex.trigrams(key);
			if (trigrams != null && trigrams.length > 0) {
				probes.add(trigrams);
			}
		}
		for (int round = 0; round < rounds; round++) {
			long[] nanos = new long[probes.size()];
			long found = 0;
			for (int i = 0; i < probes.size(); i++) {
				long t0 = System.nanoTime();
				found += index.similar(probes.get(i), 0.6).size();
				nanos[i] = System.nanoTime() - t0;
			}
			Arrays.sort(nanos);
			System.out.printf("round %d: %d names found; search mean %.3f ms p50 %.3f ms p95 %.3f ms p99 %.3f ms%n",
					round, found, Arrays.stream(nanos).average().orElse(0) / 1e6, nanos[nanos.length / 2] / 1e6,
					nanos[(int) (nanos.length * 0.95)] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6);
		}
	}

}
