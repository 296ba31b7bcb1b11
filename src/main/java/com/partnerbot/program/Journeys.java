package com.partnerbot.program;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Partners' journeys, the steps they have done, and the reminders sent about them.
 */
@Repository
@RequiredArgsConstructor
class Journeys {

	private final JdbcClient jdbc;

	/** Starts a journey; false when the partner has one already. */
	boolean start(UUID partnerId, Instant at) {
		return insertOnce("insert into program_journey (partner_id, started_at) values (?, ?) on conflict do nothing",
				partnerId, Timestamp.from(at));
	}

	Optional<Instant> startedAt(UUID partnerId) {
		return jdbc.sql("select started_at from program_journey where partner_id = ?")
			.param(partnerId)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/** Every journey's start, by partner. */
	Map<UUID, Instant> all() {
		Map<UUID, Instant> started = new HashMap<>();
		jdbc.sql("select partner_id, started_at from program_journey")
			.query((rs, row) -> started.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
			.list();
		return started;
	}

	/** Marks a step done; false when it was already. */
	boolean done(UUID partnerId, String step, Instant at) {
		return insertOnce("insert into program_journey_step (partner_id, step, done_at) values (?, ?, ?) "
				+ "on conflict do nothing", partnerId, step, Timestamp.from(at));
	}

	/** The steps a partner has done, with when. */
	Map<String, Instant> doneSteps(UUID partnerId) {
		Map<String, Instant> done = new HashMap<>();
		jdbc.sql("select step, done_at from program_journey_step where partner_id = ?")
			.param(partnerId)
			.query((rs, row) -> done.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		return done;
	}

	/**
	 * Records a reminder by its key; true only the first time, so each reminder goes out
	 * once however often (and on however many instances) the job runs.
	 */
	boolean remind(String key, Instant at) {
		return insertOnce("insert into program_reminder (key, sent_at) values (?, ?) on conflict do nothing", key,
				Timestamp.from(at));
	}

	private boolean insertOnce(String sql, Object... params) {
		return jdbc.sql(sql).params(params).update() > 0;
	}

	List<String> reminders(String prefix) {
		return jdbc.sql("select key from program_reminder where key like ? order by key")
			.param(prefix + "%")
			.query(String.class)
			.list();
	}

}
