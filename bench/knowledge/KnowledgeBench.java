package com.partnerbot.knowledge;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexing throughput (chunks per second, embedding included) and hybrid query latency on an
 * index of 100,000 chunks, with the product's own chunker, embedder, schema and searcher.
 *
 * <pre>
 * KnowledgeBench CORPUS.jsonl QUERIES.jsonl WORK_DIR [chunks=100000] [embedded=2000] [queries=300]
 * </pre>
 *
 * Embedding 100,000 chunks would take hours on two cores, so the index holds {@code embedded}
 * really embedded SciFact chunks, repeated with ids of their own and their vectors jittered
 * (Gaussian noise, renormalised) until it has {@code chunks}; a fifth is restricted to Gold so
 * the audience filter does real work. Queries are SciFact queries, each embedded at query time.
 */
public final class KnowledgeBench {

	public static void main(String[] args) throws Exception {
		Path corpus = Path.of(args[0]);
		Path queriesFile = Path.of(args[1]);
		Path work = Path.of(args[2]);
		int total = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
		int embedded = args.length > 4 ? Integer.parseInt(args[4]) : 2_000;
		int queryCount = args.length > 5 ? Integer.parseInt(args[5]) : 300;
		KnowledgeProperties properties = KnowledgeProperties.defaults();
		Chunker chunker = new Chunker(properties.chunkChars(), properties.chunkOverlap());

		List<Chunk> chunks = new ArrayList<>();
		try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
			String line;
			while (chunks.size() < embedded && (line = lines.readLine()) != null) {
				JsonObject doc = JsonParser.parseString(line).getAsJsonObject();
				chunks.addAll(chunker.chunk(new SourceDocument(doc.get("_id").getAsString() + ".md",
						doc.get("title").getAsString(), List.of(), null, null,
						List.of(new SourceDocument.Section(List.of(), doc.get("text").getAsString())))));
			}
		}
		chunks = chunks.subList(0, Math.min(embedded, chunks.size()));

		try (Embedder embedder = new Embedder(properties.queryInstruction())) {
			embedder.passages(List.of("warm up the model"));
			Path throughputDir = work.resolve("throughput");
			long started = System.nanoTime();
			List<float[]> vectors = new ArrayList<>();
			try (Directory dir = FSDirectory.open(throughputDir);
					IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(IndexSchema.analyzer()))) {
				for (int i = 0; i < chunks.size(); i += 64) {
					List<Chunk> batch = chunks.subList(i, Math.min(i + 64, chunks.size()));
					List<float[]> batchVectors = embedder.passages(batch.stream().map(Chunk::contextualText).toList());
					for (int j = 0; j < batch.size(); j++) {
						writer.addDocument(IndexSchema.document(batch.get(j), "f", "t", batchVectors.get(j)));
					}
					vectors.addAll(batchVectors);
				}
				writer.commit();
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("indexing: chunks=%d seconds=%.1f throughput=%.1f chunks/s (embedding included)%n",
					chunks.size(), seconds, chunks.size() / seconds);

			Path bigDir = work.resolve("index-" + total);
			Random random = new Random(42);
			started = System.nanoTime();
			try (Directory dir = FSDirectory.open(bigDir);
					IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(IndexSchema.analyzer()))) {
				for (int n = 0; n < total; n++) {
					Chunk base = chunks.get(n % chunks.size());
					List<String> audience = (n % 5 == 4) ? List.of("Gold", "Platinum") : List.of();
					Chunk copy = new Chunk(base.id() + "-" + n, base.source(), base.title(), base.headings(), base.text(),
							audience, null, null, base.ordinal());
					float[] vector = (n < chunks.size()) ? vectors.get(n) : jitter(vectors.get(n % chunks.size()), random);
					writer.addDocument(IndexSchema.document(copy, "f", "t", vector));
				}
				// as the product's reindex does
				writer.forceMerge(1);
				writer.commit();
			}
			System.out.printf("built an index of %d chunks in %.1f s (vectors reused, not embedded)%n", total,
					(System.nanoTime() - started) / 1e9);

			List<String> queries = new ArrayList<>();
			for (String line : Files.readAllLines(queriesFile, StandardCharsets.UTF_8)) {
				queries.add(JsonParser.parseString(line).getAsJsonObject().get("text").getAsString());
			}
			try (Directory dir = FSDirectory.open(bigDir); DirectoryReader reader = DirectoryReader.open(dir)) {
				measureQueries(embedder, properties, reader, queries, queryCount);
				printMemory(bigDir);
			}
		}
	}

	/**
	 * The hybrid query beside its floor, question by question: the bare model call (the
	 * library's bge-small model as it ships, nothing of ours around it) and the bare Lucene
	 * searches (the same BM25 query and the same filtered kNN query, run alone). Each
	 * measured question is asked for the first time, so no vector is reused; then the same
	 * questions again, as repeated questions.
	 */
	private static void measureQueries(Embedder embedder, KnowledgeProperties properties, DirectoryReader reader,
			List<String> queries, int queryCount) throws Exception {
		IndexSearcher searcher = new IndexSearcher(reader);
		HybridSearcher hybrid = new HybridSearcher(embedder, IndexSchema.analyzer(), properties.candidates(),
				properties.vectorWeight());
		KnowledgeBaseFilter filter = new KnowledgeBaseFilter();
		BgeSmallEnV15QuantizedEmbeddingModel bare = new BgeSmallEnV15QuantizedEmbeddingModel();
		int warmUp = 100;
		if (queries.size() < warmUp + queryCount) {
			throw new IllegalArgumentException("needs " + (warmUp + queryCount) + " queries, has " + queries.size());
		}
		for (int i = 0; i < warmUp; i++) {
			String q = queries.get(i);
			float[] vector = bare.embed(properties.queryInstruction() + q).content().vector();
			searcher.search(hybrid.lexical(q, filter.query), properties.candidates());
			searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, properties.candidates(), filter.query),
					properties.candidates());
			query(hybrid, searcher, q, filter);
		}
		long[] model = new long[queryCount];
		long[] bm25 = new long[queryCount];
		long[] knn = new long[queryCount];
		long[] sequential = new long[queryCount];
		long[] sideBySide = new long[queryCount];
		long[] ours = new long[queryCount];
		long[] repeated = new long[queryCount];
		// the product's vectors against the library's own session's: equal, the ranking is too
		double difference = 0;
		for (int i = 0; i < queryCount; i++) {
			String q = queries.get(warmUp + i);
			long t0 = System.nanoTime();
			float[] vector = bare.embed(properties.queryInstruction() + q).content().vector();
			model[i] = System.nanoTime() - t0;
			t0 = System.nanoTime();
			Query lexical = hybrid.lexical(q, filter.query);
			if (lexical != null) {
				searcher.search(lexical, properties.candidates());
			}
			bm25[i] = System.nanoTime() - t0;
			t0 = System.nanoTime();
			searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, properties.candidates(), filter.query),
					properties.candidates());
			knn[i] = System.nanoTime() - t0;
			sequential[i] = model[i] + bm25[i] + knn[i];
			sideBySide[i] = Math.max(model[i], bm25[i]) + knn[i];
			t0 = System.nanoTime();
			query(hybrid, searcher, q, filter);
			ours[i] = System.nanoTime() - t0;
			difference = Math.max(difference, maxDifference(embedder.query(q), vector));
		}
		for (int i = 0; i < queryCount; i++) {
			long t0 = System.nanoTime();
			query(hybrid, searcher, queries.get(warmUp + i), filter);
			repeated[i] = System.nanoTime() - t0;
		}
		System.out.printf("query: index=%d chunks segments=%d questions=%d (each new), %d cores%n", reader.numDocs(),
				reader.leaves().size(), queryCount, Runtime.getRuntime().availableProcessors());
		System.out.println("  floor, bare model call (bge-small as the library ships it): " + line(model));
		System.out.println("  floor, bare Lucene BM25 search (same query, filter):         " + line(bm25));
		System.out.println("  floor, bare Lucene kNN search (same vector, filter):         " + line(knn));
		System.out.println("  floor, one after another (model + BM25 + kNN):               " + line(sequential));
		System.out.println("  floor, side by side (max(model, BM25) + kNN):                " + line(sideBySide));
		System.out.println("  hybrid query (ours: both searches, fusion, top 5 read):      " + line(ours));
		System.out.println("  hybrid query, the same questions again:                      " + line(repeated));
		System.out.printf(Locale.ROOT, "  question vectors, ours against the library's: max |difference| = %.3g%n",
				difference);
		System.out.printf(Locale.ROOT,
				"  ratio, hybrid to the side-by-side floor: p50=%.2fx p95=%.2fx; to one after another: p50=%.2fx p95=%.2fx%n",
				pct(ours, 50) / pct(sideBySide, 50), pct(ours, 95) / pct(sideBySide, 95),
				pct(ours, 50) / pct(sequential, 50), pct(ours, 95) / pct(sequential, 95));
	}

	/**
	 * What the searches left in memory with the index open and the model loaded: the heap
	 * after a collection, the process's resident memory (the heap as committed, the model's
	 * native arenas, the index files mapped and touched) and the index on disk.
	 */
	private static void printMemory(Path indexDir) throws Exception {
		java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
		System.gc();
		long heapUsed = memory.getHeapMemoryUsage().getUsed();
		long heapCommitted = memory.getHeapMemoryUsage().getCommitted();
		long nonHeap = memory.getNonHeapMemoryUsage().getUsed();
		String rss = Files.readAllLines(Path.of("/proc/self/status"))
			.stream()
			.filter(l -> l.startsWith("VmRSS:"))
			.findFirst()
			.orElse("VmRSS: ?")
			.replaceAll("\\s+", " ");
		long onDisk;
		try (var files = Files.list(indexDir)) {
			onDisk = files.mapToLong(f -> f.toFile().length()).sum();
		}
		System.out.printf(Locale.ROOT,
				"memory: heap used after GC=%.0f MB (committed %.0f MB), non-heap=%.0f MB, process %s, index on disk=%.0f MB%n",
				heapUsed / 1e6, heapCommitted / 1e6, nonHeap / 1e6, rss, onDisk / 1e6);
	}

	private static double maxDifference(float[] a, float[] b) {
		double max = 0;
		for (int i = 0; i < a.length; i++) {
			max = Math.max(max, Math.abs(a[i] - b[i]));
		}
		return max;
	}

	private static String line(long[] nanos) {
		return String.format(Locale.ROOT, "p50=%.1fms p95=%.1fms max=%.1fms", pct(nanos, 50), pct(nanos, 95),
				pct(nanos, 100));
	}

	/** The Silver filter the product applies, built the way KnowledgeBase builds it. */
	static final class KnowledgeBaseFilter {

		final org.apache.lucene.search.Query query = new org.apache.lucene.search.BooleanQuery.Builder()
			.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.AUDIENCE,
					IndexSchema.EVERYONE)), org.apache.lucene.search.BooleanClause.Occur.SHOULD)
			.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.AUDIENCE, "silver")),
					org.apache.lucene.search.BooleanClause.Occur.SHOULD)
			.setMinimumNumberShouldMatch(1)
			.build();

	}

	private static void query(HybridSearcher hybrid, IndexSearcher searcher, String q, KnowledgeBaseFilter filter)
			throws Exception {
		for (HybridSearcher.Hit hit : hybrid.search(searcher, q, filter.query, 5)) {
			searcher.storedFields().document(hit.doc());
		}
	}

	private static float[] jitter(float[] vector, Random random) {
		float[] copy = Arrays.copyOf(vector, vector.length);
		double norm = 0;
		for (int i = 0; i < copy.length; i++) {
			copy[i] += (float) (random.nextGaussian() * 0.02);
			norm += copy[i] * copy[i];
		}
		float scale = (float) (1.0 / Math.sqrt(norm));
		for (int i = 0; i < copy.length; i++) {
			copy[i] *= scale;
		}
		return copy;
	}

	private static double pct(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

}
