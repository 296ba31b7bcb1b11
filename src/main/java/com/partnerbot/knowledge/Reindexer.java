package com.partnerbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import lombok.RequiredArgsConstructor;

/**
 * Builds a new index generation from the content directory. Files whose bytes did not
 * change are copied from the live generation with their vectors; changed chunks whose
 * text is known keep their vectors too; only new text goes through the embedding model. A
 * file that cannot be read is reported and keeps its previous version.
 */
@RequiredArgsConstructor
final class Reindexer {

	private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

	private final Path contentDir;

	private final IndexGenerations generations;

	private final Embedder embedder;

	private final Chunker chunker;

	private final StoredVectors stored;

	private final Path uploadsDir;

	private final UploadedContent uploads;

	/** The chunks of the live generation, grouped by source file. */
	private record Previous(Map<String, List<Document>> bySource, Map<String, float[]> vectorsByTextHash) {
	}

	ReindexReport reindex(ReindexProgress progress) throws IOException {
		long started = System.nanoTime();
		if (!Files.isDirectory(contentDir)) {
			throw new IOException("the content directory " + contentDir.toAbsolutePath() + " does not exist");
		}
		uploads.copyTo(uploadsDir);
		List<ContentFile> files = files();
		Previous previous = previous();
		Path dir = generations.newGenerationDir();
		int reindexed = 0;
		int unchanged = 0;
		int chunks = 0;
		int embedded = 0;
		List<ReindexReport.Failure> failures = new ArrayList<>();
		Set<String> seen = new TreeSet<>();
		// what the index holds, file by file: the same content gives the same version on
		// every instance
		Map<String, String> indexed = new java.util.TreeMap<>();
		try (Directory directory = FSDirectory.open(dir);
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(IndexSchema.analyzer()))) {
			Batch batch = new Batch(writer, previous.vectorsByTextHash());
			for (int i = 0; i < files.size(); i++) {
				Path root = files.get(i).root();
				Path file = files.get(i).file();
				String source = DocumentReaders.source(root, file);
				seen.add(source);
				progress.progressed(i, files.size(), source);
				String fileHash = sha256(Files.readAllBytes(file));
				List<Document> old = previous.bySource().getOrDefault(source, List.of());
				if (!old.isEmpty() && fileHash.equals(old.get(0).get(IndexSchema.FILE_HASH))) {
					batch.carryOver(old);
					unchanged++;
					chunks += old.size();
					indexed.put(source, fileHash);
					continue;
				}
				try {
					List<Chunk> fileChunks = chunker.chunk(DocumentReaders.read(root, file));
					batch.add(fileChunks, fileHash);
					chunks += fileChunks.size();
					reindexed++;
					indexed.put(source, fileHash);
				}
				catch (UnreadableDocumentException ex) {
					boolean kept = !old.isEmpty();
					batch.carryOver(old);
					chunks += old.size();
					if (kept) {
						indexed.put(source, old.get(0).get(IndexSchema.FILE_HASH));
					}
					failures.add(new ReindexReport.Failure(source, ex.getMessage(), kept));
					log.warn("Could not index {}: {}{}", source, ex.getMessage(),
							kept ? " (previous version kept)" : "");
				}
			}
			batch.flush();
			embedded = batch.embedded;
			// one segment: every search then walks one HNSW graph instead of one per
			// flush
			writer.forceMerge(1);
			writer.setLiveCommitData(Map.of(IndexGenerations.FINGERPRINT, fingerprint(indexed)).entrySet());
			writer.commit();
		}
		catch (IOException | RuntimeException | Error ex) {
			generations.discard(dir);
			throw ex;
		}
		generations.publish(dir);
		int removed = (int) previous.bySource().keySet().stream().filter(s -> !seen.contains(s)).count();
		progress.progressed(files.size(), files.size(), "");
		ReindexReport report = new ReindexReport(files.size(), reindexed, unchanged, removed, chunks, embedded,
				List.copyOf(failures), Duration.ofNanos(System.nanoTime() - started), fingerprint(indexed));
		log.info("Reindexed {}: {}", contentDir, report.summary());
		return report;
	}

	/**
	 * Files read but not written yet, a few hundred chunks at a time: the cluster's
	 * stored vectors are looked up for all of them at once (a new instance catching up
	 * would otherwise ask the database once per file), and what nobody has embedded yet
	 * goes through the model together.
	 */
	private final class Batch {

		/** Chunks read before their vectors are looked up. */
		private static final int CHUNKS = 500;

		private final IndexWriter writer;

		private final Map<String, float[]> previous;

		private final List<Pending> pending = new ArrayList<>();

		private int size;

		int embedded;

		/**
		 * A file's chunks: copied from the live generation (vectors and all), or read
		 * anew.
		 */
		private record Pending(List<Document> old, List<Chunk> chunks, List<String> hashes, String fileHash) {
		}

		Batch(IndexWriter writer, Map<String, float[]> previous) {
			this.writer = writer;
			this.previous = previous;
		}

		void carryOver(List<Document> old) throws IOException {
			queue(new Pending(old, List.of(), List.of(), null), old.size());
		}

		void add(List<Chunk> chunks, String fileHash) throws IOException {
			List<String> hashes = chunks.stream().map(c -> textHash(c.contextualText())).toList();
			queue(new Pending(List.of(), chunks, hashes, fileHash), chunks.size());
		}

		private void queue(Pending file, int chunks) throws IOException {
			pending.add(file);
			size += chunks;
			if (size >= CHUNKS) {
				flush();
			}
		}

		void flush() throws IOException {
			// vectors carried over that the cluster does not keep yet (an index built
			// before it kept them) are kept now
			Map<String, float[]> carried = new HashMap<>();
			Map<String, String> wanted = new LinkedHashMap<>();
			for (Pending file : pending) {
				file.old().forEach(doc -> carried.put(doc.get(IndexSchema.TEXT_HASH), IndexSchema.vector(doc)));
				for (int i = 0; i < file.chunks().size(); i++) {
					if (!previous.containsKey(file.hashes().get(i))) {
						wanted.putIfAbsent(file.hashes().get(i), file.chunks().get(i).contextualText());
					}
				}
			}
			carried.keySet().removeAll(stored.known(carried.keySet()));
			stored.store(carried);
			// another instance may have embedded them already
			Map<String, float[]> vectors = new HashMap<>(stored.find(wanted.keySet()));
			List<String> missing = wanted.keySet().stream().filter(hash -> !vectors.containsKey(hash)).toList();
			List<float[]> fresh = embedder.passages(missing.stream().map(wanted::get).toList());
			Map<String, float[]> embeddedNow = new HashMap<>();
			for (int j = 0; j < missing.size(); j++) {
				embeddedNow.put(missing.get(j), fresh.get(j));
			}
			stored.store(embeddedNow);
			vectors.putAll(embeddedNow);
			embedded += missing.size();
			for (Pending file : pending) {
				for (Document doc : file.old()) {
					writer.addDocument(IndexSchema.document(IndexSchema.chunk(doc), doc.get(IndexSchema.FILE_HASH),
							doc.get(IndexSchema.TEXT_HASH), IndexSchema.vector(doc)));
				}
				for (int i = 0; i < file.chunks().size(); i++) {
					String hash = file.hashes().get(i);
					writer.addDocument(IndexSchema.document(file.chunks().get(i), file.fileHash(), hash,
							vectors.containsKey(hash) ? vectors.get(hash) : previous.get(hash)));
				}
			}
			pending.clear();
			size = 0;
		}

	}

	private Previous previous() throws IOException {
		Map<String, List<Document>> bySource = new LinkedHashMap<>();
		Map<String, float[]> vectors = new HashMap<>();
		DirectoryReader reader = generations.acquire();
		if (reader == null) {
			return new Previous(bySource, vectors);
		}
		try {
			StoredFields stored = reader.storedFields();
			Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
			for (int doc = 0; doc < reader.maxDoc(); doc++) {
				if (live != null && !live.get(doc)) {
					continue;
				}
				Document document = stored.document(doc);
				bySource.computeIfAbsent(document.get(IndexSchema.SOURCE), s -> new ArrayList<>()).add(document);
				vectors.put(document.get(IndexSchema.TEXT_HASH), IndexSchema.vector(document));
			}
		}
		finally {
			reader.decRef();
		}
		return new Previous(bySource, vectors);
	}

	/** A file to index and the folder its source path is relative to. */
	private record ContentFile(Path root, Path file) {
	}

	/**
	 * The content directory's files, and the uploaded documents; an upload with the path
	 * of a file in the content directory replaces it.
	 */
	private List<ContentFile> files() throws IOException {
		Map<String, ContentFile> bySource = new java.util.TreeMap<>();
		for (Path root : List.of(contentDir, uploadsDir)) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> walk = Files.walk(root)) {
				walk.filter(Files::isRegularFile)
					.filter(DocumentReaders::supports)
					.filter(file -> !file.getFileName().toString().startsWith("."))
					.forEach(file -> bySource.put(DocumentReaders.source(root, file), new ContentFile(root, file)));
			}
		}
		return List.copyOf(bySource.values());
	}

	/**
	 * The version of the content: each indexed file by its path and the hash of its
	 * bytes.
	 */
	private static String fingerprint(Map<String, String> fileHashBySource) {
		StringBuilder all = new StringBuilder(Embedder.MODEL_ID);
		fileHashBySource.forEach((source, hash) -> all.append('\u0000').append(source).append('=').append(hash));
		return sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
	}

	/** Tied to the model, so changing the model re-embeds everything. */
	static String textHash(String text) {
		return sha256((Embedder.MODEL_ID + "\u0000" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
