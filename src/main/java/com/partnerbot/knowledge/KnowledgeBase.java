package com.partnerbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The knowledge module's API: searching the enablement library for an audience, and
 * reindexing it.
 */
@Service
public class KnowledgeBase implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

	private final IndexGenerations generations;

	private final HybridSearcher searcher;

	private final Reindexer reindexer;

	private final Embedder embedder;

	private final KnowledgeProperties properties;

	private final ContentVersions versions;

	private volatile ReindexReport lastReport;

	// "Also called: deal reg, reg." under a glossary entry's heading
	private static final Pattern ALSO_CALLED = Pattern.compile("(?im)^[\\s>*_-]*also called:[*_]*\\s*(.+?)[.\\s]*$");

	private static final int MAX_ALIAS_CHUNKS = 1000;

	// the most passages of one document read for an answer
	private static final int MAX_SECTIONS = 200;

	/**
	 * The library's other words for its terms, and the content version they come from.
	 */
	private record Aliases(String version, Map<String, String> terms) {
	}

	private volatile Aliases aliases = new Aliases("", Map.of());

	private final ApplicationEventPublisher events;

	private final ReentrantLock reindexing = new ReentrantLock();

	private final Object queue = new Object();

	/** The run asked for while another runs, not started yet; null when none. */
	private CompletableFuture<ReindexReport> queued;

	/**
	 * A knowledge base outside Spring (the answer evaluation): the content directory is
	 * indexed under {@code dataDir/index} by {@link #reindex}.
	 */
	public static KnowledgeBase open(Path contentDir, Path dataDir, KnowledgeProperties properties) throws IOException {
		return new KnowledgeBase(new ContentProperties(contentDir, dataDir), properties);
	}

	/** One instance alone, outside Spring: nothing shared, no one told of reindexes. */
	KnowledgeBase(ContentProperties content, KnowledgeProperties properties) throws IOException {
		this(content, properties, StoredVectors.NONE, ContentVersions.NONE, UploadedContent.NONE, event -> {
		});
	}

	@Autowired
	KnowledgeBase(ContentProperties content, KnowledgeProperties properties, StoredVectors stored,
			ContentVersions versions, UploadedContent uploads, ApplicationEventPublisher events) throws IOException {
		this.events = events;
		this.properties = properties;
		this.versions = versions;
		this.embedder = new Embedder(properties.queryInstruction());
		this.generations = new IndexGenerations(content.indexDir());
		this.generations.open();
		this.searcher = new HybridSearcher(embedder, IndexSchema.analyzer(), properties.candidates(),
				properties.vectorWeight());
		this.reindexer = new Reindexer(content.contentDir(), generations, embedder,
				new Chunker(properties.chunkChars(), properties.chunkOverlap()), stored, content.uploadsDir(), uploads);
	}

	/**
	 * The passages that best match a query among those the audience may see, best first.
	 */
	public List<Passage> search(String query, Audience audience, int limit) {
		if (nothingToSearch(query)) {
			return List.of();
		}
		return read(List.of(), reader -> {
			IndexSearcher index = indexSearcher(reader);
			List<Passage> passages = new ArrayList<>();
			for (HybridSearcher.Hit hit : searcher.search(index, query, filter(audience), limit)) {
				Document doc = index.storedFields().document(hit.doc());
				passages
					.add(new Passage(doc.get(IndexSchema.ID), doc.get(IndexSchema.SOURCE), doc.get(IndexSchema.TITLE),
							IndexSchema.headings(doc), doc.get(IndexSchema.TEXT), hit.score(), hit.similarity()));
			}
			return passages;
		});
	}

	/**
	 * The passages of one document that the audience may see, in no particular order: for
	 * an answer that needs a section its search did not rank high.
	 */
	public List<Passage> sections(String source, Audience audience) {
		return read(List.of(), reader -> {
			IndexSearcher index = indexSearcher(reader);
			BooleanQuery.Builder query = new BooleanQuery.Builder()
				.add(new TermQuery(new Term(IndexSchema.SOURCE, source)), BooleanClause.Occur.FILTER);
			Query audienceFilter = filter(audience);
			if (audienceFilter != null) {
				query.add(audienceFilter, BooleanClause.Occur.FILTER);
			}
			List<Passage> passages = new ArrayList<>();
			for (ScoreDoc hit : index.search(query.build(), MAX_SECTIONS).scoreDocs) {
				Document doc = index.storedFields().document(hit.doc);
				passages.add(new Passage(doc.get(IndexSchema.ID), source, doc.get(IndexSchema.TITLE),
						IndexSchema.headings(doc), doc.get(IndexSchema.TEXT), 0, 0));
			}
			return passages;
		});
	}

	/**
	 * The tiers of the documents, hidden from this audience, that match the query better
	 * than anything it may see: empty when there are none (or the audience is staff).
	 * Only the tiers leave this method, never a title or a text, so an answer can say the
	 * information is for those tiers without showing any of it.
	 * @param visibleSimilarity the similarity of the best passage the audience may see, 0
	 * when there is none
	 */
	public List<String> restrictedTiers(String query, Audience audience, double visibleSimilarity) {
		if (audience.isStaff() || nothingToSearch(query)) {
			return List.of();
		}
		return read(List.of(), reader -> {
			IndexSearcher index = indexSearcher(reader);
			for (HybridSearcher.Hit hit : searcher.search(index, query, null, 1)) {
				Set<String> tiers = Set
					.copyOf(Arrays.asList(index.storedFields().document(hit.doc()).getValues(IndexSchema.AUDIENCE)));
				boolean hidden = !tiers.contains(IndexSchema.EVERYONE) && !tiers.contains(audience.tier());
				if (hidden && hit.similarity() >= properties.groundedSimilarity()
						&& hit.similarity() > visibleSimilarity + properties.restrictedMargin()) {
					return tiers.stream().sorted(KnowledgeBase::byTier).toList();
				}
			}
			return List.of();
		});
	}

	/**
	 * The tiers that may see a document, lower case; empty for every partner (and for a
	 * source that is not indexed).
	 */
	public List<String> audienceOf(String source) {
		return stored(source, IndexSchema.AUDIENCE).stream()
			.filter(tier -> !tier.equals(IndexSchema.EVERYONE))
			.toList();
	}

	/**
	 * Who keeps a document up to date, as its front matter's {@code owner} says; empty
	 * when it names none (or the source is not indexed).
	 */
	public Optional<String> ownerOf(String source) {
		return stored(source, IndexSchema.OWNER).stream().filter(owner -> !owner.isBlank()).findFirst();
	}

	private List<String> stored(String source, String field) {
		return read(List.of(), reader -> {
			IndexSearcher index = indexSearcher(reader);
			var hits = index.search(new TermQuery(new Term(IndexSchema.SOURCE, source)), 1);
			if (hits.scoreDocs.length == 0) {
				return List.of();
			}
			return List.of(index.storedFields().document(hits.scoreDocs[0].doc).getValues(field));
		});
	}

	/**
	 * How telling each search term of a text is in this library, as BM25 weighs it
	 * (inverse document frequency over the chunks): a term no chunk holds weighs most.
	 */
	public Map<String, Double> termWeights(String text) {
		Map<String, Double> weights = new LinkedHashMap<>();
		return read(weights, reader -> {
			int chunks = Math.max(1, reader.numDocs());
			for (String term : Terms.of(text)) {
				int frequency = reader.docFreq(new Term(IndexSchema.BODY, term));
				weights.put(term, Math.log(1 + (chunks - frequency + 0.5) / (frequency + 0.5)));
			}
			return weights;
		});
	}

	/**
	 * Whether this library holds every search term of the words ("Northwind", "Secure
	 * Gateway"): false for words without terms, and while there is no index to ask.
	 */
	public boolean uses(String words) {
		Set<String> terms = Terms.of(words);
		return !terms.isEmpty() && read(false, reader -> {
			for (String term : terms) {
				if (reader.docFreq(new Term(IndexSchema.BODY, term)) == 0) {
					return false;
				}
			}
			return true;
		});
	}

	/**
	 * The search terms of a text that no chunk of this library holds ("dog", "Bitcoin"),
	 * in the order they appear.
	 */
	public Set<String> unknownTerms(String text) {
		Set<String> unknown = new LinkedHashSet<>();
		return read(unknown, reader -> {
			for (String term : Terms.of(text)) {
				if (reader.docFreq(new Term(IndexSchema.BODY, term)) == 0) {
					unknown.add(term);
				}
			}
			return unknown;
		});
	}

	/**
	 * Whether a term the library never uses begins one it does, as an abbreviation does
	 * ("cert" of "certification", stemmed "certif"): terms of fewer than four letters
	 * begin too many words to tell.
	 */
	public boolean beginsAKnownTerm(String term) {
		if (term.length() < 4) {
			return false;
		}
		return read(false, reader -> {
			org.apache.lucene.index.Terms indexed = MultiTerms.getTerms(reader, IndexSchema.BODY);
			if (indexed == null) {
				return false;
			}
			TermsEnum terms = indexed.iterator();
			return terms.seekCeil(new BytesRef(term)) != TermsEnum.SeekStatus.END
					&& terms.term().utf8ToString().startsWith(term);
		});
	}

	/**
	 * The other words the library itself gives for its terms, lower case, each with the
	 * term it means: a line {@code Also called: deal reg, reg} in a section (a glossary
	 * entry) names other words for the term the section is headed with ("Deal
	 * registration"). Content owners keep them with the content, so a partner's everyday
	 * words ("deal reg") are searched as the library's ("deal registration") and are not
	 * taken for something the library never mentions. Read once per content version.
	 */
	public Map<String, String> aliases() {
		String version = version();
		Aliases known = aliases;
		if (version == null || known.version().equals(version)) {
			return known.terms();
		}
		return read(Map.of(), reader -> {
			IndexSearcher index = indexSearcher(reader);
			Map<String, String> terms = new LinkedHashMap<>();
			Query alsoCalled = new PhraseQuery(IndexSchema.BODY, "also", "call");
			for (ScoreDoc hit : index.search(alsoCalled, MAX_ALIAS_CHUNKS).scoreDocs) {
				Document doc = index.storedFields().document(hit.doc);
				List<String> headings = IndexSchema.headings(doc);
				if (headings.isEmpty()) {
					continue;
				}
				String term = headings.get(headings.size() - 1).strip().toLowerCase(java.util.Locale.ROOT);
				Matcher line = ALSO_CALLED.matcher(doc.get(IndexSchema.TEXT));
				while (line.find()) {
					for (String alias : line.group(1).split("[,;]")) {
						String word = alias.strip()
							.replaceAll("^[\"“”']+|[\"“”']+$", "")
							.toLowerCase(java.util.Locale.ROOT);
						if (!word.isEmpty() && !word.equals(term)) {
							terms.putIfAbsent(word, term);
						}
					}
				}
			}
			aliases = new Aliases(version, Map.copyOf(terms));
			return aliases.terms();
		});
	}

	/**
	 * No words to search: blank, or only control characters (which the embedding model
	 * strips to nothing).
	 */
	private static boolean nothingToSearch(String query) {
		return query == null || query.isBlank() || query.trim().isEmpty();
	}

	private static final List<String> TIER_ORDER = List.of("registered", "silver", "gold", "platinum");

	private static int byTier(String a, String b) {
		return Integer.compare(rank(a), rank(b));
	}

	private static int rank(String tier) {
		int index = TIER_ORDER.indexOf(tier);
		return (index < 0) ? TIER_ORDER.size() : index;
	}

	/**
	 * The embedding of a text as a document, normalised, for modules that match texts by
	 * meaning with the same model (e.g. course descriptions).
	 */
	public float[] embedDocument(String text) {
		return embedder.passages(List.of(text)).get(0);
	}

	/** The embeddings of several texts as documents, normalised, in one pass. */
	public List<float[]> embedDocuments(List<String> texts) {
		return embedder.passages(texts);
	}

	/** The embedding of a text as a query, normalised. */
	public float[] embedQuery(String text) {
		return embedder.query(text);
	}

	/** Whether a passage is strong enough to answer from. */
	public boolean isGrounding(Passage passage) {
		return passage.similarity() >= properties.groundedSimilarity();
	}

	/**
	 * Restricted documents carry their tiers; everyone's carry "*". Staff search without
	 * a filter.
	 */
	private static Query filter(Audience audience) {
		if (audience.isStaff()) {
			return null;
		}
		return new BooleanQuery.Builder()
			.add(new TermQuery(new Term(IndexSchema.AUDIENCE, IndexSchema.EVERYONE)), BooleanClause.Occur.SHOULD)
			.add(new TermQuery(new Term(IndexSchema.AUDIENCE, audience.tier())), BooleanClause.Occur.SHOULD)
			.setMinimumNumberShouldMatch(1)
			.build();
	}

	/**
	 * Rebuilds the index from the content directory; questions keep being answered from
	 * the previous index until the new one is complete, and a failed reindex leaves it in
	 * place. One runs at a time: asked for while one runs, it waits for that one and then
	 * runs, so it sees every change made before it was asked for; several asking while
	 * one runs share the one queued after it.
	 */
	public ReindexReport reindex(ReindexProgress progress) {
		ReindexReport report = reindexOnly(progress);
		versions.publish(report);
		return report;
	}

	/**
	 * Brings this instance to the version the cluster serves when another instance
	 * indexed newer content: a reindex of the shared content with the cluster's stored
	 * vectors, so nothing is embedded again. Its result is not published: an instance
	 * whose content differs (a content directory that is not shared) would otherwise take
	 * the others along.
	 * @return whether this instance now serves the cluster's version
	 */
	public boolean followCluster() {
		Optional<String> cluster = versions.current();
		if (cluster.isEmpty() || cluster.get().equals(version())) {
			return true;
		}
		ReindexReport report = reindexOnly(ReindexProgress.NONE);
		if (!report.version().equals(versions.current().orElse(report.version()))) {
			log.warn("After a reindex this instance serves content version {}, the cluster {}: is the content "
					+ "directory shared by every instance?", report.version(), versions.current().orElse(""));
			return false;
		}
		return true;
	}

	/** The content version the live index serves; empty before the first index. */
	public String version() {
		return generations.version();
	}

	/** The content version the cluster serves, empty before any instance indexed. */
	public Optional<String> clusterVersion() {
		return versions.current();
	}

	/** What the last reindex on this instance did; null before the first. */
	public ReindexReport lastReport() {
		return lastReport;
	}

	private ReindexReport reindexOnly(ReindexProgress progress) {
		CompletableFuture<ReindexReport> waiting;
		CompletableFuture<ReindexReport> mine = null;
		synchronized (queue) {
			waiting = queued;
			if (waiting == null) {
				mine = new CompletableFuture<>();
				queued = mine;
			}
		}
		if (waiting != null) {
			return join(waiting);
		}
		reindexing.lock();
		try {
			synchronized (queue) {
				// from now on, whoever asks queues the next run: this one may have read
				// the files already
				queued = null;
			}
			ReindexReport report = reindexer.reindex(progress);
			lastReport = report;
			mine.complete(report);
			events.publishEvent(new ContentReindexed(report));
			return report;
		}
		catch (IOException ex) {
			UncheckedIOException failure = new UncheckedIOException("reindex failed: " + ex.getMessage(), ex);
			mine.completeExceptionally(failure);
			throw failure;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		catch (Error ex) {
			// a run that dies (out of memory) must still release whoever waits for it;
			// the lock is let go below, so the next one asked for runs
			mine.completeExceptionally(new IllegalStateException("reindex failed: " + ex
					+ "; the previous index stays in use, and the next reindex asked for runs anew", ex));
			throw ex;
		}
		finally {
			reindexing.unlock();
		}
	}

	private static ReindexReport join(CompletableFuture<ReindexReport> run) {
		try {
			return run.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	/** How many chunks the live index holds. */
	public int size() {
		DirectoryReader reader = generations.acquire();
		try {
			return (reader != null) ? reader.numDocs() : 0;
		}
		finally {
			release(reader);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void indexAtStartup() {
		// in the background: a first index of a large library must not hold up start-up
		Thread.ofVirtual().name("reindex-at-startup").start(this::scheduledReindex);
	}

	@Scheduled(cron = "${partnerbot.knowledge.reindex-cron:0 0 * * * *}")
	void scheduledReindex() {
		try {
			reindex(ReindexProgress.NONE);
		}
		catch (RuntimeException ex) {
			log.error("Scheduled reindex failed; the previous index stays in use", ex);
		}
	}

	/** What one look at the live index gives, or {@code empty} when there is none yet. */
	private <T> T read(T empty, IndexRead<T> work) {
		DirectoryReader reader = generations.acquire();
		if (reader == null) {
			return empty;
		}
		try {
			return work.apply(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(reader);
		}
	}

	private interface IndexRead<T> {

		T apply(DirectoryReader reader) throws IOException;

	}

	private static IndexSearcher indexSearcher(DirectoryReader reader) {
		IndexSearcher index = new IndexSearcher(reader);
		// the shared query cache mixed weights of two generations during a swap (a Lucene
		// assertion caught it); the audience filter is two term queries and needs no
		// cache
		index.setQueryCache(null);
		return index;
	}

	private static void release(DirectoryReader reader) {
		if (reader != null) {
			try {
				reader.decRef();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Override
	public void destroy() throws IOException {
		generations.close();
		embedder.close();
	}

}
