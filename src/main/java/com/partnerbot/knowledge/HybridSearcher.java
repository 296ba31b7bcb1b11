package com.partnerbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.VectorUtil;

import lombok.RequiredArgsConstructor;

/**
 * Hybrid retrieval: BM25 over the chunk text and HNSW nearest neighbours of the query's
 * embedding, each restricted by the audience filter inside Lucene, fused by a weighted
 * sum of their scores, each scaled to its best hit.
 */
@RequiredArgsConstructor
final class HybridSearcher {

	/**
	 * The lexical searches beside the embeddings: a virtual thread each, since a search
	 * is short, pure Java and waits on nothing but the index.
	 */
	private static final Executor SIDE_BY_SIDE = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("lexical-search-", 0).factory());

	private final Embedder embedder;

	private final Analyzer analyzer;

	private final int candidates;

	private final double vectorWeight;

	/** A hit: the Lucene document and its scores. */
	record Hit(int doc, double score, double similarity, double bm25) {
	}

	/**
	 * The best k chunks for a question. Embedding the question is most of the work, so
	 * the lexical search runs beside it, on a thread of its own, unless the question's
	 * vector is at hand already.
	 */
	List<Hit> search(IndexSearcher searcher, String query, Query filter, int k) throws IOException {
		if (embedder.knows(query)) {
			return search(searcher, query, embedder.query(query), filter, k);
		}
		CompletableFuture<Map<Integer, Double>> lexical = CompletableFuture.supplyAsync(() -> {
			try {
				return bm25(searcher, query, filter);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, SIDE_BY_SIDE);
		float[] vector;
		try {
			vector = embedder.query(query);
		}
		catch (RuntimeException ex) {
			// the caller releases the index once this returns: not while it is searched
			lexical.handle((scores, failure) -> scores).join();
			throw ex;
		}
		try {
			return fuse(searcher, lexical.join(), vector, filter, k);
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	List<Hit> search(IndexSearcher searcher, String query, float[] queryVector, Query filter, int k)
			throws IOException {
		return fuse(searcher, bm25(searcher, query, filter), queryVector, filter, k);
	}

	/** BM25 scores of the candidates by Lucene document. */
	private Map<Integer, Double> bm25(IndexSearcher searcher, String query, Query filter) throws IOException {
		Map<Integer, Double> bm25 = new HashMap<>();
		Query lexical = lexical(query, filter);
		if (lexical != null) {
			for (ScoreDoc hit : searcher.search(lexical, candidates).scoreDocs) {
				bm25.put(hit.doc, (double) hit.score);
			}
		}
		return bm25;
	}

	private List<Hit> fuse(IndexSearcher searcher, Map<Integer, Double> bm25, float[] queryVector, Query filter, int k)
			throws IOException {
		Map<Integer, Double> similarity = new HashMap<>();
		TopDocs knn = searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, queryVector, candidates, filter),
				candidates);
		for (ScoreDoc hit : knn.scoreDocs) {
			// Lucene scores cosine as (1 + cos) / 2
			similarity.put(hit.doc, 2.0 * hit.score - 1.0);
		}
		double bestBm25 = bm25.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
		double bestSimilarity = similarity.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
		Map<Integer, Double> fused = new LinkedHashMap<>();
		for (int doc : union(bm25, similarity)) {
			double lexicalPart = bm25.getOrDefault(doc, 0.0) / bestBm25;
			double vectorPart = Math.max(0.0, similarity.getOrDefault(doc, 0.0)) / Math.max(bestSimilarity, 1e-9);
			fused.put(doc, vectorWeight * vectorPart + (1.0 - vectorWeight) * lexicalPart);
		}
		List<Hit> hits = new ArrayList<>();
		fused.entrySet()
			.stream()
			.sorted(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder()))
			.limit(k)
			.forEach(
					e -> hits.add(new Hit(e.getKey(), e.getValue(),
							similarity.containsKey(e.getKey()) ? similarity.get(e.getKey())
									: exactSimilarity(searcher, e.getKey(), queryVector),
							bm25.getOrDefault(e.getKey(), 0.0))));
		return hits;
	}

	private static List<Integer> union(Map<Integer, Double> a, Map<Integer, Double> b) {
		List<Integer> docs = new ArrayList<>(a.keySet());
		b.keySet().stream().filter(doc -> !a.containsKey(doc)).forEach(docs::add);
		return docs;
	}

	private static double exactSimilarity(IndexSearcher searcher, int doc, float[] queryVector) {
		try {
			StoredFields fields = searcher.storedFields();
			Document document = fields.document(doc);
			return VectorUtil.cosine(queryVector, IndexSchema.vector(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The query's terms as analyzed for the body field, as SHOULD clauses; null when it
	 * has none.
	 */
	Query lexical(String query, Query filter) throws IOException {
		Map<String, Integer> terms = new LinkedHashMap<>();
		try (TokenStream tokens = analyzer.tokenStream(IndexSchema.BODY, query)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				terms.merge(term.toString(), 1, Integer::sum);
			}
			tokens.end();
		}
		if (terms.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		terms.entrySet().stream().limit(IndexSearcher.getMaxClauseCount() - 1).forEach(e -> {
			Query termQuery = new TermQuery(new Term(IndexSchema.BODY, e.getKey()));
			builder.add(e.getValue() > 1 ? new BoostQuery(termQuery, e.getValue()) : termQuery,
					BooleanClause.Occur.SHOULD);
		});
		if (filter != null) {
			builder.add(filter, BooleanClause.Occur.FILTER);
			builder.setMinimumNumberShouldMatch(1);
		}
		return builder.build();
	}

}
