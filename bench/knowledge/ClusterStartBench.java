package com.partnerbot.knowledge;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import com.partnerbot.platform.EmbeddedDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The start-up index of a new instance over a library of about 10,000 chunks: from the
 * cluster's stored vectors (the product's reindex, reading PostgreSQL) beside the same
 * library embedded anew. The library is SciFact's abstracts written as Markdown files;
 * the stored vectors are random unit vectors under the hashes the reindex computes, since
 * embedding 10,000 chunks first would take a quarter of an hour. Re-embedding is measured
 * on a sample and scaled to the library.
 *
 * ClusterStartBench CORPUS.jsonl WORK_DIR [chunks=10000] [sample=300]
 */
public final class ClusterStartBench {

	public static void main(String[] args) throws Exception {
		Path corpus = Path.of(args[0]);
		Path work = Path.of(args[1]);
		int wanted = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
		int sample = args.length > 3 ? Integer.parseInt(args[3]) : 300;
		KnowledgeProperties properties = KnowledgeProperties.defaults();
		Chunker chunker = new Chunker(properties.chunkChars(), properties.chunkOverlap());

		// the library: abstracts as Markdown files, copied under other titles until it is
		// large enough
		Path content = Files.createDirectories(work.resolve("content"));
		List<String> texts = new ArrayList<>();
		int copy = 0;
		while (texts.size() < wanted) {
			try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
				String line;
				while (texts.size() < wanted && (line = lines.readLine()) != null) {
					JsonObject doc = JsonParser.parseString(line).getAsJsonObject();
					Path file = content.resolve("c" + copy + "-" + doc.get("_id").getAsString() + ".md");
					String title = doc.get("title").getAsString() + ((copy > 0) ? " (copy " + copy + ")" : "");
					Files.writeString(file, "# " + title.replace('\n', ' ') + "\n\n" + doc.get("text").getAsString()
							+ "\n");
					for (Chunk chunk : chunker.chunk(DocumentReaders.read(content, file))) {
						texts.add(chunk.contextualText());
					}
				}
			}
			copy++;
		}

		Path database = work.resolve("postgres");
		String url = EmbeddedDatabase.start(database);
		try {
			DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
			JdbcClient jdbc = JdbcClient.create(dataSource);
			new JdbcTemplate(dataSource).execute(Files.readString(
					Path.of("src/main/resources/db/migration/knowledge/V202612030705__cluster_index.sql")));
			JdbcStoredVectors stored = new JdbcStoredVectors(jdbc, new JdbcTemplate(dataSource));
			Random random = new Random(42);
			Map<String, float[]> vectors = new HashMap<>();
			for (String text : texts) {
				vectors.put(Reindexer.textHash(text), unit(random, 384));
			}
			stored.store(vectors);

			// a new instance: nothing in its data folder, the cluster's vectors in PostgreSQL
			long started = System.nanoTime();
			KnowledgeBase knowledge = fresh(content, work.resolve("from-stored"), properties, stored);
			ReindexReport report = knowledge.reindex(ReindexProgress.NONE);
			knowledge.destroy();
			double fromStored = (System.nanoTime() - started) / 1e9;
			System.out.printf("library: files=%d chunks=%d%n", report.files(), report.chunks());
			System.out.printf("from stored vectors: %.1f s (model load included), embedded=%d%n", fromStored,
					report.embedded());

			// embedding anew, measured on a sample after a warm-up, scaled to the library
			try (Embedder embedder = new Embedder(properties.queryInstruction())) {
				embedder.passages(List.of("warm up the model"));
				List<String> some = texts.subList(0, Math.min(sample, texts.size()));
				long embedStart = System.nanoTime();
				for (int i = 0; i < some.size(); i += 64) {
					embedder.passages(some.subList(i, Math.min(i + 64, some.size())));
				}
				double perChunk = (System.nanoTime() - embedStart) / 1e9 / some.size();
				System.out.printf("re-embedding: %.1f chunks/s on a sample of %d, so about %.0f s for %d chunks "
						+ "(plus the index build above)%n", 1 / perChunk, some.size(), perChunk * report.chunks(),
						report.chunks());
			}
		}
		finally {
			EmbeddedDatabase.stop(database);
		}
	}

	private static KnowledgeBase fresh(Path content, Path data, KnowledgeProperties properties,
			StoredVectors stored) throws Exception {
		return new KnowledgeBase(new ContentProperties(content, data), properties, stored, ContentVersions.NONE,
				UploadedContent.NONE, event -> {
				});
	}

	private static float[] unit(Random random, int dimensions) {
		float[] vector = new float[dimensions];
		double norm = 0;
		for (int i = 0; i < dimensions; i++) {
			vector[i] = (float) random.nextGaussian();
			norm += vector[i] * vector[i];
		}
		for (int i = 0; i < dimensions; i++) {
			vector[i] /= (float) Math.sqrt(norm);
		}
		return vector;
	}

}
