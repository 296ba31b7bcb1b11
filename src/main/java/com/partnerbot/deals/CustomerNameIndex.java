package com.partnerbot.deals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The trigrams of registrations' customer name keys, in memory, to find the names alike
 * without PostgreSQL's trigram index: for each trigram, the ordinals of the names that
 * have it, ascending; for each ordinal, the registration's id, its number of trigrams (0
 * once the registration is gone) and a hash of its name key. All in primitive arrays.
 * <p>
 * A trigram is pg_trgm's, as an int: its three bytes, or the three bytes pg_trgm keeps of
 * a trigram with a character beyond ASCII (which only PostgreSQL computes, see
 * {@link #parse}). Similarity is pg_trgm's to the bit ({@link #similarity}): shared
 * trigrams over distinct trigrams of both, divided in single precision, so a name is
 * found exactly when PostgreSQL's {@code %} finds it. Only the bounds that prune the
 * search are a little lenient ({@link #LENIENCY}).
 * <p>
 * Safe for concurrent use: searches share a read lock, changes take the write lock.
 */
final class CustomerNameIndex {

	/**
	 * How much below the threshold the search's bounds let a name be before dropping it:
	 * pg_trgm's single precision similarity may round up to the threshold (a relative
	 * error under 1e-7).
	 */
	static final double LENIENCY = 1e-4;

	private static final int BLANK = ' ';

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	/** Trigram + 1 (0: a free cell) to its postings' slot, open addressing. */
	private int[] trigramKeys = new int[1 << 12];

	private int[] trigramSlots = new int[1 << 12];

	private int slots;

	private int[][] postings = new int[1 << 11][];

	private int[] postingSizes = new int[1 << 11];

	private long[] idHigh = new long[1 << 10];

	private long[] idLow = new long[1 << 10];

	private long[] keyHashes = new long[1 << 10];

	private int[] sizes = new int[1 << 10];

	private int ordinals;

	private int gone;

	/** Registration id to its latest ordinal + 1 (0: a free cell), open addressing. */
	private int[] idTable = new int[1 << 11];

	private int ids;

	/** Counters by ordinal for searches, all zero between them, reused. */
	private final ConcurrentLinkedQueue<short[]> counters = new ConcurrentLinkedQueue<>();

	/**
	 * The trigrams pg_trgm makes of a text whose characters are all printable ASCII,
	 * sorted: lower case, words split on what is not a letter or digit, each padded with
	 * two blanks before and one after; null when the text has another character (its
	 * trigrams depend on the database's locale and hashing: ask PostgreSQL).
	 */
	static int[] trigrams(String text) {
		int length = text.length();
		int[] found = new int[2 * length + 1];
		int count = 0;
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (c < ' ' || c > '~') {
				return null;
			}
			if (!isAlphanumeric(c)) {
				i++;
				continue;
			}
			int before = BLANK;
			int last = BLANK;
			for (; i < length && isAlphanumeric(text.charAt(i)); i++) {
				int letter = Character.toLowerCase(text.charAt(i));
				found[count++] = (before << 16) | (last << 8) | letter;
				before = last;
				last = letter;
			}
			found[count++] = (before << 16) | (last << 8) | BLANK;
		}
		return distinct(found, count);
	}

	private static boolean isAlphanumeric(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	/**
	 * The trigrams of PostgreSQL's {@code show_trgm}, sorted: three printable characters,
	 * or {@code 0x} and the six hex digits of a hashed one.
	 */
	static int[] parse(String[] shown) {
		int[] found = new int[shown.length];
		for (int i = 0; i < shown.length; i++) {
			String trigram = shown[i];
			found[i] = trigram.startsWith("0x") && trigram.length() == 8 ? Integer.parseInt(trigram.substring(2), 16)
					: (trigram.charAt(0) << 16) | (trigram.charAt(1) << 8) | trigram.charAt(2);
		}
		return distinct(found, found.length);
	}

	private static int[] distinct(int[] values, int count) {
		Arrays.sort(values, 0, count);
		int kept = 0;
		for (int i = 0; i < count; i++) {
			if (kept == 0 || values[kept - 1] != values[i]) {
				values[kept++] = values[i];
			}
		}
		return Arrays.copyOf(values, kept);
	}

	/**
	 * Holds a live registration's name key, with its trigrams; nothing changes when it is
	 * held with the same key already.
	 */
	void put(UUID id, String key, int[] trigrams) {
		long hash = hash(key);
		this.lock.writeLock().lock();
		try {
			int cell = cell(id);
			int ordinal = this.idTable[cell] - 1;
			if (ordinal >= 0 && this.sizes[ordinal] > 0) {
				if (this.keyHashes[ordinal] == hash && this.sizes[ordinal] == trigrams.length) {
					return;
				}
				drop(ordinal);
			}
			if (trigrams.length == 0) {
				// no trigram: never similar to anything (the exact key is looked up in
				// SQL)
				return;
			}
			ordinal = append(id, hash, trigrams);
			if (this.idTable[cell] == 0) {
				this.ids++;
			}
			this.idTable[cell] = ordinal + 1;
			if (this.ids * 2 > this.idTable.length) {
				rehashIds();
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** Forgets a registration that is no longer live (its postings stay, skipped). */
	void remove(UUID id) {
		this.lock.writeLock().lock();
		try {
			int ordinal = this.idTable[cell(id)] - 1;
			if (ordinal >= 0 && this.sizes[ordinal] > 0) {
				drop(ordinal);
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private void drop(int ordinal) {
		this.sizes[ordinal] = 0;
		this.gone++;
	}

	private int append(UUID id, long hash, int[] trigrams) {
		if (this.ordinals == this.sizes.length) {
			int capacity = this.ordinals + (this.ordinals >> 1);
			this.idHigh = Arrays.copyOf(this.idHigh, capacity);
			this.idLow = Arrays.copyOf(this.idLow, capacity);
			this.keyHashes = Arrays.copyOf(this.keyHashes, capacity);
			this.sizes = Arrays.copyOf(this.sizes, capacity);
		}
		int ordinal = this.ordinals++;
		this.idHigh[ordinal] = id.getMostSignificantBits();
		this.idLow[ordinal] = id.getLeastSignificantBits();
		this.keyHashes[ordinal] = hash;
		this.sizes[ordinal] = trigrams.length;
		for (int trigram : trigrams) {
			int slot = slot(trigram);
			int[] list = this.postings[slot];
			int size = this.postingSizes[slot];
			if (list == null || size == list.length) {
				list = Arrays.copyOf(list == null ? new int[0] : list, Math.max(2, size + (size >> 1) + 1));
				this.postings[slot] = list;
			}
			list[size] = ordinal;
			this.postingSizes[slot] = size + 1;
		}
		return ordinal;
	}

	/** The slot of a trigram's postings, made when it has none. */
	private int slot(int trigram) {
		int cell = trigramCell(trigram);
		if (this.trigramKeys[cell] != 0) {
			return this.trigramSlots[cell];
		}
		int slot = this.slots++;
		this.trigramKeys[cell] = trigram + 1;
		this.trigramSlots[cell] = slot;
		if (slot == this.postings.length) {
			this.postings = Arrays.copyOf(this.postings, slot * 2);
			this.postingSizes = Arrays.copyOf(this.postingSizes, slot * 2);
		}
		if (this.slots * 2 > this.trigramKeys.length) {
			rehashTrigrams();
		}
		return slot;
	}

	/** The slot of a trigram's postings, -1 when no name has it. */
	private int find(int trigram) {
		int cell = trigramCell(trigram);
		return this.trigramKeys[cell] != 0 ? this.trigramSlots[cell] : -1;
	}

	/** The cell of a trigram in the trigram table: its own, or the free one for it. */
	private int trigramCell(int trigram) {
		int mask = this.trigramKeys.length - 1;
		int cell = mix(trigram) & mask;
		while (this.trigramKeys[cell] != 0 && this.trigramKeys[cell] != trigram + 1) {
			cell = (cell + 1) & mask;
		}
		return cell;
	}

	private void rehashTrigrams() {
		int[] keys = this.trigramKeys;
		int[] values = this.trigramSlots;
		this.trigramKeys = new int[keys.length * 2];
		this.trigramSlots = new int[keys.length * 2];
		int mask = this.trigramKeys.length - 1;
		for (int i = 0; i < keys.length; i++) {
			if (keys[i] != 0) {
				int cell = mix(keys[i] - 1) & mask;
				while (this.trigramKeys[cell] != 0) {
					cell = (cell + 1) & mask;
				}
				this.trigramKeys[cell] = keys[i];
				this.trigramSlots[cell] = values[i];
			}
		}
	}

	/**
	 * The cell of a registration's id in the id table: its own, or the free one for it.
	 */
	private int cell(UUID id) {
		return cell(this.idTable, id.getMostSignificantBits(), id.getLeastSignificantBits());
	}

	private int cell(int[] table, long high, long low) {
		int mask = table.length - 1;
		int cell = mix(Long.hashCode(high * 31 + low)) & mask;
		while (table[cell] != 0) {
			int ordinal = table[cell] - 1;
			if (this.idHigh[ordinal] == high && this.idLow[ordinal] == low) {
				return cell;
			}
			cell = (cell + 1) & mask;
		}
		return cell;
	}

	private void rehashIds() {
		int[] old = this.idTable;
		int[] table = new int[old.length * 2];
		for (int entry : old) {
			if (entry != 0) {
				table[cell(table, this.idHigh[entry - 1], this.idLow[entry - 1])] = entry;
			}
		}
		this.idTable = table;
	}

	private static int mix(int value) {
		int h = value * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

	/** FNV-1a, 64 bits: tells a changed name key from the one held. */
	private static long hash(String key) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < key.length(); i++) {
			hash ^= key.charAt(i);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/** Fits each trigram's postings to their size (after a bulk load). */
	void trim() {
		this.lock.writeLock().lock();
		try {
			for (int slot = 0; slot < this.slots; slot++) {
				this.postings[slot] = Arrays.copyOf(this.postings[slot], this.postingSizes[slot]);
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** How many registrations are held. */
	int size() {
		this.lock.readLock().lock();
		try {
			return this.ordinals - this.gone;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** How many ordinals are gone (their postings skipped until a fresh load). */
	int gone() {
		this.lock.readLock().lock();
		try {
			return this.gone;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** The heap its arrays take, in bytes (object headers of 16 bytes included). */
	long bytes() {
		this.lock.readLock().lock();
		try {
			long bytes = ints(this.trigramKeys.length) + ints(this.trigramSlots.length) + ints(this.postingSizes.length)
					+ 16 + 4L * this.postings.length + ints(this.idTable.length) + longs(this.idHigh.length)
					+ longs(this.idLow.length) + longs(this.keyHashes.length) + ints(this.sizes.length);
			for (int slot = 0; slot < this.slots; slot++) {
				bytes += ints(this.postings[slot].length);
			}
			return bytes;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	private static long ints(int length) {
		return 16 + 4L * length;
	}

	private static long longs(int length) {
		return 16 + 8L * length;
	}

	/**
	 * pg_trgm's similarity of two names of {@code n} and {@code m} distinct trigrams
	 * sharing {@code shared}, as it computes it ({@code cnt_sml}: in single precision),
	 * so that comparing it with a threshold decides as {@code %} does.
	 */
	static float similarity(int shared, int n, int m) {
		if (n <= 0 || m <= 0) {
			return 0f;
		}
		return (float) shared / (float) (n + m - shared);
	}

	/**
	 * The registrations whose names are at least {@code threshold} alike to a name of
	 * these trigrams (sorted, distinct), as pg_trgm's {@code %} decides.
	 * <p>
	 * A name B at least t alike to A (n trigrams) shares at least t·n of them (|B| ≥
	 * shared), so it has one of the n - ⌈t·n⌉ + 1 of A's trigrams with the fewest names:
	 * the names in those postings are counted, those that can still share enough for
	 * their own number of trigrams are looked up in the other postings, most selective
	 * first, each dropped as soon as it can no longer.
	 */
	List<UUID> similar(int[] query, double threshold) {
		int n = query.length;
		if (n == 0) {
			return List.of();
		}
		double lower = threshold - LENIENCY;
		int least = Math.max(1, (int) Math.ceil(lower * n - 1e-9));
		this.lock.readLock().lock();
		try {
			long[] order = new long[n];
			for (int i = 0; i < n; i++) {
				int slot = find(query[i]);
				order[i] = slot < 0 ? 0 : ((long) this.postingSizes[slot] << 32) | slot;
			}
			Arrays.sort(order);
			int[][] lists = new int[n][];
			int[] lengths = new int[n];
			for (int i = 0; i < n; i++) {
				int slot = (int) order[i];
				lengths[i] = (int) (order[i] >>> 32);
				lists[i] = lengths[i] == 0 ? new int[0] : this.postings[slot];
			}
			int prefix = n - least + 1;
			Candidates candidates = count(lists, lengths, prefix, n, lower);
			for (int j = prefix; j < n && candidates.count > 0; j++) {
				probe(candidates, lists[j], lengths[j], n, n - j, lower);
			}
			List<UUID> found = new ArrayList<>();
			for (int c = 0; c < candidates.count; c++) {
				int ordinal = candidates.ordinals[c];
				int shared = candidates.shared[c];
				int m = this.sizes[ordinal];
				if (m > 0 && similarity(shared, n, m) >= threshold) {
					found.add(new UUID(this.idHigh[ordinal], this.idLow[ordinal]));
				}
			}
			return found;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** Candidates, ascending, with the trigrams they were found to share so far. */
	private static final class Candidates {

		int[] ordinals = new int[64];

		int[] shared = new int[64];

		int count;

		void add(int ordinal, int shared) {
			if (this.count == this.ordinals.length) {
				this.ordinals = Arrays.copyOf(this.ordinals, this.count * 2);
				this.shared = Arrays.copyOf(this.shared, this.count * 2);
			}
			this.ordinals[this.count] = ordinal;
			this.shared[this.count++] = shared;
		}

	}

	/**
	 * The names in the first {@code k} postings that can still share enough with the
	 * {@code n - k} others, ascending, with how many of the k they share.
	 */
	private Candidates count(int[][] lists, int[] lengths, int k, int n, double lower) {
		short[] counts = this.counters.poll();
		if (counts == null || counts.length < this.ordinals) {
			counts = new short[this.sizes.length];
		}
		int total = 0;
		for (int i = 0; i < k; i++) {
			total += lengths[i];
		}
		int[] touched = new int[total];
		int distinct = 0;
		for (int i = 0; i < k; i++) {
			int[] list = lists[i];
			for (int p = 0, length = lengths[i]; p < length; p++) {
				int ordinal = list[p];
				if (counts[ordinal]++ == 0) {
					touched[distinct++] = ordinal;
				}
			}
		}
		Candidates candidates = new Candidates();
		int left = n - k;
		for (int t = 0; t < distinct; t++) {
			int ordinal = touched[t];
			int shared = counts[ordinal];
			counts[ordinal] = 0;
			if (reachable(shared, left, n, this.sizes[ordinal], lower)) {
				candidates.add(ordinal, shared);
			}
		}
		this.counters.offer(counts);
		sort(candidates);
		return candidates;
	}

	/** Sorts the candidates by ordinal, their counts with them. */
	private static void sort(Candidates candidates) {
		long[] pairs = new long[candidates.count];
		for (int c = 0; c < candidates.count; c++) {
			pairs[c] = ((long) candidates.ordinals[c] << 32) | candidates.shared[c];
		}
		Arrays.sort(pairs);
		for (int c = 0; c < pairs.length; c++) {
			candidates.ordinals[c] = (int) (pairs[c] >>> 32);
			candidates.shared[c] = (int) pairs[c];
		}
	}

	/**
	 * Whether a name of {@code m} trigrams sharing {@code shared} so far, with
	 * {@code left} postings still to look in, can be {@code lower} alike: shared / (n + m
	 * - shared) ≥ lower needs shared ≥ lower (n + m) / (1 + lower).
	 */
	private static boolean reachable(int shared, int left, int n, int m, double lower) {
		double needed = lower * (n + m) / (1 + lower) - 1e-9;
		return m > 0 && needed <= Math.min(n, m) && shared + left >= needed;
	}

	/**
	 * Counts the candidates in one more postings list, after dropping those that cannot
	 * reach the threshold with the {@code left} lists still to look in.
	 */
	private void probe(Candidates candidates, int[] list, int length, int n, int left, double lower) {
		int kept = 0;
		int at = 0;
		for (int c = 0; c < candidates.count; c++) {
			int ordinal = candidates.ordinals[c];
			int shared = candidates.shared[c];
			if (!reachable(shared, left, n, this.sizes[ordinal], lower)) {
				continue;
			}
			at = gallop(list, at, length, ordinal);
			if (at < length && list[at] == ordinal) {
				shared++;
			}
			candidates.ordinals[kept] = ordinal;
			candidates.shared[kept++] = shared;
		}
		candidates.count = kept;
	}

	/** The first index from {@code from} whose ordinal is at least {@code target}. */
	private static int gallop(int[] list, int from, int length, int target) {
		if (from >= length || list[from] >= target) {
			return from;
		}
		int low = from;
		int step = 1;
		while (low + step < length && list[low + step] < target) {
			low += step;
			step <<= 1;
		}
		int high = Math.min(low + step, length);
		low++;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (list[middle] < target) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

}
