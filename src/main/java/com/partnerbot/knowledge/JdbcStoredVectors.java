package com.partnerbot.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cluster's embeddings in PostgreSQL, as little-endian float arrays. */
@Repository
@RequiredArgsConstructor
class JdbcStoredVectors implements StoredVectors {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	@Override
	public Map<String, float[]> find(Collection<String> textHashes) {
		Map<String, float[]> found = new HashMap<>();
		inBatches(List.copyOf(textHashes),
				batch -> jdbc.sql("select text_hash, vector from knowledge_vector where text_hash = any(?)")
					.param(batch.toArray(String[]::new))
					.query((rs, n) -> found.put(rs.getString(1), decode(rs.getBytes(2))))
					.list());
		return found;
	}

	@Override
	public Set<String> known(Collection<String> textHashes) {
		Set<String> known = new HashSet<>();
		inBatches(List.copyOf(textHashes),
				batch -> known.addAll(jdbc.sql("select text_hash from knowledge_vector where text_hash = any(?)")
					.param(batch.toArray(String[]::new))
					.query(String.class)
					.list()));
		return known;
	}

	@Override
	public void store(Map<String, float[]> vectorsByTextHash) {
		List<Object[]> rows = vectorsByTextHash.entrySet()
			.stream()
			.map(entry -> new Object[] { entry.getKey(), encode(entry.getValue()) })
			.toList();
		inBatches(rows, batch -> batches.batchUpdate(
				"insert into knowledge_vector (text_hash, vector) values (?, ?) on conflict (text_hash) do nothing",
				batch));
	}

	/**
	 * One statement per batch: a catch-up over a whole library stays a few round trips.
	 */
	private static <T> void inBatches(List<T> items, Consumer<List<T>> statement) {
		for (int from = 0; from < items.size(); from += BATCH) {
			statement.accept(items.subList(from, Math.min(items.size(), from + BATCH)));
		}
	}

	static byte[] encode(float[] vector) {
		ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(vector);
		return bytes.array();
	}

	static float[] decode(byte[] bytes) {
		float[] vector = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
		return vector;
	}

}
