package com.partnerbot.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Runs the product's own retrieval (chunking, embedding, hybrid search with the shipped
 * defaults) over a BEIR dataset and reports nDCG@10 and recall@100. A document's score is
 * its best chunk's. Needs no database and no Slack.
 */
@lombok.RequiredArgsConstructor
public final class BeirEvaluation {

	/** Retrieval settings. */
	private final KnowledgeProperties properties;

	/** Where to build the index; an index of the same corpus found there is reused. */
	private final Path indexDir;

	/** Where progress and the result line go. */
	private final PrintStream out;

	/** The figures of one run. */
	public record Result(double ndcg10, double recall100, int queries) {

		public String line() {
			return String.format(java.util.Locale.ROOT, "ndcg@10=%.4f recall@100=%.4f queries=%d", ndcg10, recall100,
					queries);
		}

	}

	public Result run(Path dataset, String split) throws IOException {
		Map<String, Map<String, Integer>> qrels = qrels(dataset.resolve("qrels").resolve(split + ".tsv"));
		Map<String, String> queries = queries(dataset.resolve("queries.jsonl"), qrels);
		try (Embedder embedder = new Embedder(properties.queryInstruction())) {
			Path index = index(dataset.resolve("corpus.jsonl"), embedder);
			try (Directory directory = FSDirectory.open(index);
					DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				int candidates = Math.max(properties.candidates(), 200);
				HybridSearcher hybrid = new HybridSearcher(embedder, IndexSchema.analyzer(), candidates,
						properties.vectorWeight());
				double ndcg = 0;
				double recall = 0;
				for (Map.Entry<String, String> query : queries.entrySet()) {
					List<String> ranking = ranking(hybrid, searcher, query.getValue());
					Map<String, Integer> relevant = qrels.get(query.getKey());
					ndcg += ndcgAt10(ranking, relevant);
					recall += recallAt100(ranking, relevant);
				}
				Result result = new Result(ndcg / queries.size(), recall / queries.size(), queries.size());
				out.println(result.line());
				return result;
			}
		}
	}

	private static List<String> ranking(HybridSearcher hybrid, IndexSearcher searcher, String query)
			throws IOException {
		Map<String, Double> best = new LinkedHashMap<>();
		for (HybridSearcher.Hit hit : hybrid.search(searcher, query, null, 300)) {
			String source = searcher.storedFields().document(hit.doc()).get(IndexSchema.SOURCE);
			best.merge(source, hit.score(), Math::max);
		}
		return best.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
			.limit(100)
			.map(Map.Entry::getKey)
			.toList();
	}

	static double ndcgAt10(List<String> ranking, Map<String, Integer> relevant) {
		double dcg = 0;
		for (int i = 0; i < Math.min(10, ranking.size()); i++) {
			int gain = relevant.getOrDefault(ranking.get(i), 0);
			dcg += (Math.pow(2, gain) - 1) / (Math.log(i + 2) / Math.log(2));
		}
		List<Integer> ideal = relevant.values().stream().sorted(Comparator.reverseOrder()).limit(10).toList();
		double idcg = 0;
		for (int i = 0; i < ideal.size(); i++) {
			idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
		}
		return (idcg == 0) ? 0 : dcg / idcg;
	}

	static double recallAt100(List<String> ranking, Map<String, Integer> relevant) {
		long positives = relevant.values().stream().filter(v -> v > 0).count();
		if (positives == 0) {
			return 0;
		}
		long found = ranking.stream().limit(100).filter(id -> relevant.getOrDefault(id, 0) > 0).count();
		return (double) found / positives;
	}

	/**
	 * Builds the index of the corpus, or reuses the one built before for the same corpus
	 * and settings.
	 */
	private Path index(Path corpus, Embedder embedder) throws IOException {
		String fingerprint = fingerprint(corpus);
		Path index = indexDir.resolve(fingerprint);
		if (Files.exists(index.resolve("complete"))) {
			out.println("Reusing the index in " + index);
			return index;
		}
		Files.createDirectories(index);
		Chunker chunker = new Chunker(properties.chunkChars(), properties.chunkOverlap());
		long started = System.nanoTime();
		int documents = 0;
		int chunks = 0;
		try (Directory directory = FSDirectory.open(index);
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(IndexSchema.analyzer()));
				BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
			writer.deleteAll();
			List<Chunk> batch = new ArrayList<>();
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				JsonObject doc = JsonParser.parseString(line).getAsJsonObject();
				String id = doc.get("_id").getAsString();
				String title = doc.has("title") ? doc.get("title").getAsString() : "";
				String text = doc.has("text") ? doc.get("text").getAsString() : "";
				if (text.isBlank() && title.isBlank()) {
					continue;
				}
				SourceDocument source = new SourceDocument(id, title, List.of(), null, null,
						List.of(new SourceDocument.Section(List.of(), text.isBlank() ? title : text)));
				batch.addAll(chunker.chunk(source));
				documents++;
				if (batch.size() >= 64) {
					chunks += write(writer, embedder, batch);
					batch.clear();
					if (documents % 1000 < 64) {
						out.printf("Indexed %d documents (%d chunks) in %d s%n", documents, chunks,
								(System.nanoTime() - started) / 1_000_000_000);
					}
				}
			}
			chunks += write(writer, embedder, batch);
			writer.forceMerge(1);
			writer.commit();
		}
		Files.writeString(index.resolve("complete"), documents + " documents, " + chunks + " chunks\n");
		out.printf("Indexed %d documents as %d chunks in %d s%n", documents, chunks,
				(System.nanoTime() - started) / 1_000_000_000);
		return index;
	}

	private static int write(IndexWriter writer, Embedder embedder, List<Chunk> chunks) throws IOException {
		List<float[]> vectors = embedder.passages(chunks.stream().map(Chunk::contextualText).toList());
		for (int i = 0; i < chunks.size(); i++) {
			writer.addDocument(IndexSchema.document(chunks.get(i), "-", "-", vectors.get(i)));
		}
		return chunks.size();
	}

	private String fingerprint(Path corpus) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((Embedder.MODEL_ID + "|" + properties.chunkChars() + "|" + properties.chunkOverlap() + "|")
				.getBytes(StandardCharsets.UTF_8));
			digest.update(Files.readAllBytes(corpus));
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Map<String, Integer>> qrels(Path file) throws IOException {
		Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] cols = line.split("\t");
			if (cols.length < 3 || cols[0].equals("query-id")) {
				continue;
			}
			qrels.computeIfAbsent(cols[0], q -> new HashMap<>()).put(cols[1], Integer.parseInt(cols[2].strip()));
		}
		return qrels;
	}

	private static Map<String, String> queries(Path file, Map<String, Map<String, Integer>> qrels) throws IOException {
		Map<String, String> queries = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonObject query = JsonParser.parseString(line).getAsJsonObject();
			String id = query.get("_id").getAsString();
			if (qrels.containsKey(id)) {
				queries.put(id, query.get("text").getAsString());
			}
		}
		return queries;
	}

}
