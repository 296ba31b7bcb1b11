package com.partnerbot.crm;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registrations waiting for the CRM, the records written, where the sync stands and
 * its latest errors, in PostgreSQL.
 */
@Repository
@RequiredArgsConstructor
class CrmOutbox {

	private final JdbcClient jdbc;

	/** Marks the registration for writing; a failed one is tried afresh. */
	void enqueue(String crm, UUID dealId, String reason) {
		jdbc.sql("""
				insert into crm_outbox (crm, deal_id, reason) values (?, ?, ?)
				on conflict (crm, deal_id) do update
				    set reason = excluded.reason, version = crm_outbox.version + 1, attempts = 0, status = 'PENDING',
				        next_attempt_at = now(), last_error = null""").params(crm, dealId, reason).update();
	}

	/** A registration taken for writing, at the version that was due. */
	record Claimed(UUID dealId, long version, int attempts) {
	}

	/**
	 * Takes up to {@code limit} due rows for {@code lease}: an instance that dies with
	 * them leaves them due again once the lease ends.
	 */
	List<Claimed> claim(String crm, int limit, Duration lease) {
		return jdbc.sql("""
				update crm_outbox set next_attempt_at = now() + make_interval(secs => :lease)
				where (crm, deal_id) in (
				    select crm, deal_id from crm_outbox
				    where crm = :crm and status = 'PENDING' and next_attempt_at <= now()
				    order by next_attempt_at limit :limit for update skip locked)
				returning deal_id, version, attempts""")
			.param("lease", (double) lease.toMillis() / 1000)
			.param("crm", crm)
			.param("limit", limit)
			.query((rs, n) -> new Claimed(rs.getObject("deal_id", UUID.class), rs.getLong("version"),
					rs.getInt("attempts")))
			.list();
	}

	/**
	 * The registration is in the CRM at this version: recorded, and the row goes, unless
	 * a newer change came meanwhile, which is then due at once.
	 */
	void written(String crm, Claimed claimed, String crmId) {
		// the record first: once the row is gone from the outbox, the record is there
		jdbc.sql("""
				insert into crm_record (crm, deal_id, crm_id) values (?, ?, ?)
				on conflict (crm, deal_id) do update
				    set crm_id = coalesce(nullif(excluded.crm_id, ''), crm_record.crm_id),
				        writes = crm_record.writes + 1, synced_at = now()""")
			.params(crm, claimed.dealId(), crmId != null ? crmId : "")
			.update();
		int removed = jdbc.sql("delete from crm_outbox where crm = ? and deal_id = ? and version = ?")
			.params(crm, claimed.dealId(), claimed.version())
			.update();
		if (removed == 0) {
			jdbc.sql("update crm_outbox set next_attempt_at = now() where crm = ? and deal_id = ?")
				.params(crm, claimed.dealId())
				.update();
		}
	}

	/** Which of the registrations were written to the CRM before. */
	Set<UUID> known(String crm, List<UUID> dealIds) {
		return new HashSet<>(
				jdbc.sql("select deal_id from crm_record where crm = ? and deal_id = any(?) and writes > 0")
					.params(crm, dealIds.toArray(UUID[]::new))
					.query(UUID.class)
					.list());
	}

	/** Tries again at {@code at}; the attempt counts when {@code counted}. */
	void retryAt(String crm, Claimed claimed, Instant at, boolean counted, String error) {
		jdbc.sql("""
				update crm_outbox set next_attempt_at = ?, attempts = attempts + ?, last_error = ?
				where crm = ? and deal_id = ? and version = ?""")
			.params(OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), counted ? 1 : 0, error, crm,
					claimed.dealId(), claimed.version())
			.update();
	}

	/** Gives the registration up until it changes again or someone asks for a sync. */
	boolean giveUp(String crm, Claimed claimed, String error) {
		return jdbc.sql("""
				update crm_outbox set status = 'FAILED', attempts = attempts + 1, last_error = ?
				where crm = ? and deal_id = ? and version = ?""")
			.params(error, crm, claimed.dealId(), claimed.version())
			.update() > 0;
	}

	void dropMissing(String crm, Claimed claimed) {
		jdbc.sql("delete from crm_outbox where crm = ? and deal_id = ?").params(crm, claimed.dealId()).update();
	}

	/** Given-up registrations are tried again (an admin asked for a sync). */
	int retryFailed(String crm) {
		return jdbc.sql("""
				update crm_outbox set status = 'PENDING', attempts = 0, next_attempt_at = now()
				where crm = ? and status = 'FAILED'""").param(crm).update();
	}

	/** Every due row becomes due now (an admin asked for a sync). */
	void dueNow(String crm) {
		jdbc.sql("update crm_outbox set next_attempt_at = now() where crm = ? and status = 'PENDING'")
			.param(crm)
			.update();
	}

	int backlog(String crm) {
		return jdbc.sql("select count(*) from crm_outbox where crm = ?").param(crm).query(Integer.class).single();
	}

	int failed(String crm) {
		return jdbc.sql("select count(*) from crm_outbox where crm = ? and status = 'FAILED'")
			.param(crm)
			.query(Integer.class)
			.single();
	}

	String companyId(String crm, String domain) {
		return company("select company_id from crm_company where crm = ? and domain = ?", crm, domain);
	}

	void rememberCompany(String crm, String domain, String companyId) {
		jdbc.sql("""
				insert into crm_company (crm, domain, company_id) values (?, ?, ?)
				on conflict (crm, domain) do update set company_id = excluded.company_id""")
			.params(crm, domain, companyId)
			.update();
	}

	/** The company a registration's CRM record is associated with, if any yet. */
	String associatedCompany(String crm, UUID dealId) {
		return company("select company_id from crm_record where crm = ? and deal_id = ?", crm, dealId);
	}

	/** The company id the query finds, or null when it finds none. */
	private String company(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(String.class).optional().orElse(null);
	}

	void associated(String crm, UUID dealId, String crmId, String companyId) {
		jdbc.sql("""
				insert into crm_record (crm, deal_id, crm_id, company_id, writes) values (?, ?, ?, ?, 0)
				on conflict (crm, deal_id) do update set company_id = excluded.company_id""")
			.params(crm, dealId, crmId, companyId)
			.update();
	}

	Instant lastSuccess(String crm, String direction) {
		return syncState("last_success_at", crm, direction);
	}

	Instant watermark(String crm) {
		return syncState("watermark", crm, "IN");
	}

	private Instant syncState(String column, String crm, String direction) {
		return jdbc.sql("select " + column + " from crm_sync_state where crm = ? and direction = ?")
			.params(crm, direction)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.optional()
			.map(at -> at == null ? null : at.toInstant())
			.orElse(null);
	}

	void succeeded(String crm, String direction, Instant watermark) {
		jdbc.sql("""
				insert into crm_sync_state (crm, direction, last_success_at, watermark) values (?, ?, now(), ?)
				on conflict (crm, direction) do update
				    set last_success_at = now(), watermark = coalesce(excluded.watermark, crm_sync_state.watermark)""")
			.params(crm, direction,
					(watermark != null) ? OffsetDateTime.ofInstant(watermark, java.time.ZoneOffset.UTC) : null)
			.update();
	}

	void error(String crm, String message) {
		jdbc.sql("insert into crm_error (crm, message) values (?, ?)").params(crm, message).update();
		jdbc.sql("""
				delete from crm_error where crm = ? and id < (select min(id) from
				    (select id from crm_error where crm = ? order by id desc limit 100) recent)""")
			.params(crm, crm)
			.update();
	}

	/** One of the latest errors. */
	record ErrorEntry(Instant at, String message) {
	}

	List<ErrorEntry> errors(String crm, int limit) {
		return jdbc.sql("select at, message from crm_error where crm = ? order by id desc limit ?")
			.params(crm, limit)
			.query((rs, n) -> new ErrorEntry(rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("message")))
			.list();
	}

}
