package com.partnerbot.program;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each partner's last health reading, and when its status last changed.
 */
@Repository
@RequiredArgsConstructor
class HealthReadings {

	/** A status change since a moment, for the digest. */
	record Change(UUID partnerId, int score, String status, String previousStatus, Instant changedAt) {
	}

	private final JdbcClient jdbc;

	/**
	 * Records a reading; returns when the partner's spell at risk started if this reading
	 * is the one that turned it at risk. Of two instances recording at once, one sees the
	 * turn: the row lock makes the other find the status already changed.
	 */
	Optional<Instant> record(PartnerHealth health, Instant now) {
		String status = health.status().name();
		Timestamp at = Timestamp.from(now);
		jdbc.sql("""
				insert into program_health (partner_id, score, status, changed_at, evaluated_at)
				values (?, ?, 'NEW', ?, ?) on conflict (partner_id) do nothing""")
			.params(health.partnerId(), health.score(), at, at)
			.update();
		jdbc.sql("update program_health set score = ?, evaluated_at = ? where partner_id = ?")
			.params(health.score(), at, health.partnerId())
			.update();
		boolean changed = jdbc.sql("""
				update program_health set previous_status = status, status = ?, changed_at = ?,
				  at_risk_since = cast(? as timestamptz)
				where partner_id = ? and status <> ?""")
			.params(status, at, (health.status() == PartnerHealth.Status.AT_RISK) ? at : null, health.partnerId(),
					status)
			.update() > 0;
		return (changed && health.status() == PartnerHealth.Status.AT_RISK) ? Optional.of(now) : Optional.empty();
	}

	/** Status changes since then, leaving out a partner's first reading. */
	List<Change> changedSince(Instant since) {
		return jdbc.sql("""
				select partner_id, score, status, previous_status, changed_at from program_health
				where changed_at >= ? and previous_status is not null and previous_status <> 'NEW'
				order by changed_at""")
			.param(Timestamp.from(since))
			.query((rs, row) -> new Change(rs.getObject("partner_id", UUID.class), rs.getInt("score"),
					rs.getString("status"), rs.getString("previous_status"), rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

}
