package com.partnerbot.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose files live in one directory and survive restarts. One
 * server runs per directory and JVM, so every application context of a test run shares
 * it; it stops when the JVM does.
 */
public final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Map<Path, EmbeddedPostgres> running = new ConcurrentHashMap<>();

	private static final Map<Path, Integer> leases = new ConcurrentHashMap<>();

	private EmbeddedDatabase() {
	}

	/**
	 * Starts the server for a directory, or returns the one already running there.
	 * @return the JDBC URL of the {@code postgres} database, user {@code postgres}
	 */
	public static synchronized String start(Path directory) {
		Path dir = directory.toAbsolutePath().normalize();
		EmbeddedPostgres server = running.computeIfAbsent(dir, EmbeddedDatabase::boot);
		leases.merge(dir, 1, Integer::sum);
		return server.getJdbcUrl("postgres", "postgres");
	}

	/**
	 * Returns a lease taken by {@link #start}; the last one stops the server. Its files
	 * stay.
	 */
	public static synchronized void release(Path directory) {
		Path dir = directory.toAbsolutePath().normalize();
		if (leases.merge(dir, -1, Integer::sum) <= 0) {
			stop(dir);
		}
	}

	/** Stops the server for a directory whatever its leases; its files stay. */
	public static synchronized void stop(Path directory) {
		Path dir = directory.toAbsolutePath().normalize();
		leases.remove(dir);
		EmbeddedPostgres server = running.remove(dir);
		if (server != null) {
			close(server);
		}
	}

	private static EmbeddedPostgres boot(Path dir) {
		try {
			Files.createDirectories(dir);
			long started = System.nanoTime();
			EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.start();
			log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", server.getPort(), dir,
					(System.nanoTime() - started) / 1_000_000);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
	}

	private static void close(EmbeddedPostgres server) {
		try {
			server.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
