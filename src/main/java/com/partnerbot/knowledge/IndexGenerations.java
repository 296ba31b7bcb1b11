package com.partnerbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import lombok.RequiredArgsConstructor;

/**
 * The index as a series of generations, each a complete Lucene index in its own folder. A
 * reindex writes a new generation beside the live one and then swaps it in with one
 * atomic reference change (and a {@code CURRENT} file renamed into place for restarts);
 * searches in flight finish on the generation they started with, which closes when its
 * last reader is done.
 */
@RequiredArgsConstructor
final class IndexGenerations implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(IndexGenerations.class);

	private static final String CURRENT = "CURRENT";

	/** The commit data key that holds the content version a generation was built from. */
	static final String FINGERPRINT = "partnerbot.version";

	private final Path root;

	private final AtomicReference<Generation> live = new AtomicReference<>();

	/** One generation: its folder and a reader over it, reference-counted by searches. */
	record Generation(String name, Directory directory, DirectoryReader reader) {
	}

	/** Opens the generation named in CURRENT, if there is one. */
	void open() throws IOException {
		Files.createDirectories(root);
		Path current = root.resolve(CURRENT);
		if (!Files.exists(current)) {
			return;
		}
		String name = Files.readString(current, StandardCharsets.UTF_8).strip();
		Path dir = root.resolve(name);
		if (!Files.isDirectory(dir)) {
			log.warn("Index generation {} named in {} is missing; the index starts empty", name, current);
			return;
		}
		Directory directory = FSDirectory.open(dir);
		live.set(new Generation(name, directory, DirectoryReader.open(directory)));
		log.info("Opened index generation {} ({} chunks)", name, live.get().reader().numDocs());
	}

	/** A folder for a new generation, not yet live. */
	Path newGenerationDir() throws IOException {
		Path dir = root.resolve("gen-" + System.currentTimeMillis() + "-" + System.nanoTime() % 1000);
		Files.createDirectories(dir);
		return dir;
	}

	/** Makes a fully written generation live, then retires the previous one. */
	void publish(Path dir) throws IOException {
		Directory directory = FSDirectory.open(dir);
		Generation next = new Generation(dir.getFileName().toString(), directory, DirectoryReader.open(directory));
		Path tmp = root.resolve(CURRENT + ".tmp");
		Files.writeString(tmp, next.name(), StandardCharsets.UTF_8);
		try {
			Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
		}
		Generation previous = live.getAndSet(next);
		if (previous != null) {
			retire(previous);
		}
		deleteStale(next.name());
	}

	/** Removes a generation that was never published (a failed reindex). */
	void discard(Path dir) {
		delete(dir);
	}

	/**
	 * The live generation's reader with a reference taken, or null when nothing is
	 * indexed yet; the caller must {@code decRef()} it.
	 */
	DirectoryReader acquire() {
		while (true) {
			Generation generation = live.get();
			if (generation == null) {
				return null;
			}
			if (generation.reader().tryIncRef()) {
				return generation.reader();
			}
			// lost a race with a swap; the new generation is live now
		}
	}

	/** The content version the live generation serves; empty before the first index. */
	String version() {
		DirectoryReader reader = acquire();
		if (reader == null) {
			return "";
		}
		try {
			return reader.getIndexCommit().getUserData().getOrDefault(FINGERPRINT, "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				reader.decRef();
			}
			catch (IOException ex) {
				log.warn("Could not release the index reader", ex);
			}
		}
	}

	private void retire(Generation generation) {
		try {
			// closes when the last search holding a reference releases it
			generation.reader().decRef();
		}
		catch (IOException ex) {
			log.warn("Could not close index generation {}", generation.name(), ex);
		}
	}

	/**
	 * Deletes the other generations; on Linux, files a retired reader still has open stay
	 * readable.
	 */
	private void deleteStale(String keep) throws IOException {
		try (Stream<Path> dirs = Files.list(root)) {
			dirs.filter(Files::isDirectory)
				.filter(dir -> dir.getFileName().toString().startsWith("gen-"))
				.filter(dir -> !dir.getFileName().toString().equals(keep))
				.forEach(IndexGenerations::delete);
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not delete old index folder {}", dir, ex);
		}
	}

	@Override
	public void close() throws IOException {
		Generation generation = live.getAndSet(null);
		if (generation != null) {
			generation.reader().decRef();
			generation.directory().close();
		}
	}

}
