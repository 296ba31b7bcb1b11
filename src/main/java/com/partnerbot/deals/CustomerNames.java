package com.partnerbot.deals;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The live registrations' customer names in memory ({@link CustomerNameIndex}), kept in
 * step with {@code deal_registration} on every instance, to find the names alike without
 * scanning PostgreSQL's trigram index (22 ms at a million names).
 * <p>
 * Loaded once in the background at start; until then, or when loading or catching up
 * fails, {@link #similar} has nothing and the caller searches in SQL as before. A search
 * catches up first, when the last catch-up is a second old or more, with the rows written
 * by every transaction it may not have seen: a trigger stamps each written row with its
 * transaction's id ({@code change_xid}), and each read remembers the oldest transaction
 * still running then (its snapshot's xmin); the next read takes the rows of that
 * transaction and every later one. A row version not seen by a read was written by a
 * transaction that had not committed then, so at or after that xmin: no row is missed,
 * however long its transaction ran, whichever instance or hand wrote it. The rows written
 * after the last read (from the same xmin on) are for the caller to search in SQL beside
 * the ids found here ({@link Similar#unseenFrom}), so the candidates are exactly today's.
 */
@Component
class CustomerNames {

	private static final Logger log = LoggerFactory.getLogger(CustomerNames.class);

	/** A fresh load once this many ordinals are gone and they outnumber the live ones. */
	private static final int RELOAD_WHEN_GONE = 100_000;

	/**
	 * A search catches up first when the last catch-up is this old; the rows written
	 * since are searched in SQL meanwhile (a few, and a statement the check makes
	 * anyway), so the interval changes the cost, never the candidates.
	 */
	static final long CATCH_UP_NANOS = 1_000_000_000L;

	/** A failed load is tried again on a search a minute later. */
	private static final long RETRY_LOAD_NANOS = 60_000_000_000L;

	private static final String LIVE = "status in ('PENDING', 'CONFLICT', 'APPROVED', 'CO_SELL')";

	/**
	 * pg_trgm's trigrams of a key beyond printable ASCII (their hashing is PostgreSQL's).
	 */
	private static final String TRIGRAMS = "case when customer_name_key ~ '[^ -~]' then show_trgm(customer_name_key) end";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final boolean enabled;

	private final AtomicBoolean loading = new AtomicBoolean();

	/**
	 * When the last load started (System.nanoTime), to retry a failed one now and then.
	 */
	private volatile long loadStarted;

	private volatile Loaded loaded;

	CustomerNames(DataSource dataSource, JdbcClient jdbc, DealsProperties properties) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.enabled = properties.nameIndex().enabled();
	}

	/**
	 * The registrations found alike in memory, and the transaction id from which rows may
	 * have been written since (they are to be searched in SQL).
	 */
	record Similar(List<UUID> ids, String unseenFrom) {
	}

	/** An index and the transaction id from which its next catch-up reads. */
	private static final class Loaded {

		final CustomerNameIndex index;

		/** Set once the rows read before it are in the index. */
		volatile String from;

		/** When it last caught up (System.nanoTime). */
		volatile long caughtUp;

		Loaded(CustomerNameIndex index, String from) {
			this.index = index;
			this.from = from;
			this.caughtUp = System.nanoTime();
		}

	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (this.enabled) {
			loadInBackground();
		}
	}

	/** Whether the names are loaded and searched in memory. */
	boolean ready() {
		return this.loaded != null;
	}

	/** The index searched, null until it is loaded (for measuring it). */
	CustomerNameIndex index() {
		Loaded current = this.loaded;
		return current != null ? current.index : null;
	}

	/**
	 * The live registrations whose name keys may be at least {@code threshold} alike to
	 * this one, as of now; empty when the names are not in memory (search in SQL).
	 */
	Optional<Similar> similar(String nameKey, double threshold) {
		Loaded current = this.loaded;
		if (current == null) {
			if (this.enabled && System.nanoTime() - this.loadStarted > RETRY_LOAD_NANOS) {
				loadInBackground();
			}
			return Optional.empty();
		}
		String unseenFrom = current.from;
		if (System.nanoTime() - current.caughtUp >= CATCH_UP_NANOS) {
			try {
				unseenFrom = catchUp(current);
			}
			catch (RuntimeException ex) {
				log.warn("Could not catch up with the registrations' names; searching in SQL", ex);
				return Optional.empty();
			}
		}
		int[] trigrams = CustomerNameIndex.trigrams(nameKey);
		if (trigrams == null) {
			trigrams = this.jdbc.sql("select show_trgm(?)")
				.param(nameKey)
				.query((rs, n) -> CustomerNameIndex.parse((String[]) rs.getArray(1).getArray()))
				.single();
		}
		CustomerNameIndex index = current.index;
		if (index.gone() > Math.max(RELOAD_WHEN_GONE, index.size())) {
			loadInBackground();
		}
		return Optional.of(new Similar(index.similar(trigrams, threshold), unseenFrom));
	}

	/**
	 * The catch-up's statement: the oldest running transaction's id now, and the rows
	 * written from {@code from} on, but not the caller's own uncommitted ones (they count
	 * once committed, and its SQL sees them meanwhile).
	 */
	static String catchUpSql(String from) {
		// the id is PostgreSQL's own number, read back as text: a literal, so each
		// catch-up is planned for its own value (the change_xid index)
		long xid = Long.parseUnsignedLong(from);
		return "with seen as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin,"
				+ " pg_current_xact_id_if_assigned() as own)"
				+ " select seen.xmin::text as xmin, r.id, r.customer_name_key, r.live, r.trigrams from seen"
				+ " left join (select id, customer_name_key, change_xid, " + LIVE + " as live, " + TRIGRAMS
				+ " as trigrams from deal_registration where change_xid >= '" + Long.toUnsignedString(xid)
				+ "'::xid8) r on r.change_xid is distinct from seen.own";
	}

	/**
	 * Catches up now with the rows written since the last catch-up (when the names are
	 * loaded), whenever the last one was.
	 */
	void catchUp() {
		Loaded current = this.loaded;
		if (current != null) {
			catchUp(current);
		}
	}

	/** Reads the rows written since the last catch-up into the index; its new start. */
	private String catchUp(Loaded current) {
		synchronized (current) {
			String[] xmin = new String[1];
			this.jdbc.sql(catchUpSql(current.from)).query(rs -> {
				xmin[0] = rs.getString("xmin");
				String id = rs.getString("id");
				if (id != null) {
					apply(current.index, rs);
				}
			});
			current.from = xmin[0];
			current.caughtUp = System.nanoTime();
			return xmin[0];
		}
	}

	private static void apply(CustomerNameIndex index, ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		if (!rs.getBoolean("live")) {
			index.remove(id);
			return;
		}
		String key = rs.getString("customer_name_key");
		Array shown = rs.getArray("trigrams");
		index.put(id, key,
				shown != null ? CustomerNameIndex.parse((String[]) shown.getArray()) : CustomerNameIndex.trigrams(key));
	}

	/**
	 * Loads every live name into a fresh index, on a thread of its own, then swaps it in.
	 */
	void loadInBackground() {
		if (this.loading.compareAndSet(false, true)) {
			this.loadStarted = System.nanoTime();
			Thread.ofPlatform().daemon().name("customer-names-load").start(() -> {
				try {
					this.loaded = load();
				}
				catch (SQLException | RuntimeException ex) {
					log.warn("Could not load the registrations' names; conflict checks search in SQL", ex);
				}
				finally {
					this.loading.set(false);
				}
			});
		}
	}

	private Loaded load() throws SQLException {
		long started = System.nanoTime();
		CustomerNameIndex index = new CustomerNameIndex();
		String from;
		// a connection of its own, outside any caller's transaction, to stream the rows
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				// taken before the rows are read: whatever they miss is from this
				// transaction on
				try (PreparedStatement statement = connection
					.prepareStatement("select pg_snapshot_xmin(pg_current_snapshot())::text");
						ResultSet rs = statement.executeQuery()) {
					rs.next();
					from = rs.getString(1);
				}
				try (PreparedStatement statement = connection
					.prepareStatement("select id, customer_name_key, true as live, " + TRIGRAMS
							+ " as trigrams from deal_registration where " + LIVE)) {
					statement.setFetchSize(10_000);
					try (ResultSet rs = statement.executeQuery()) {
						while (rs.next()) {
							apply(index, rs);
						}
					}
				}
			}
			finally {
				connection.rollback();
			}
		}
		index.trim();
		log.info("Loaded {} registrations' names in {} ms ({} MB)", index.size(),
				(System.nanoTime() - started) / 1_000_000, index.bytes() >> 20);
		return new Loaded(index, from);
	}

}
