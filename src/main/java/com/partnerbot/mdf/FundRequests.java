package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * MDF requests, their claims, the registrations they brought in, and the audit trail, in
 * PostgreSQL.
 */
@Repository
@RequiredArgsConstructor
class FundRequests {

	private static final String REQUEST_COLUMNS = """
			id, reference, partner_id, activity, description, cost, amount, approved_amount, currency, starts_on,
			ends_on, attendees, catering_cost, status, requested_by, conversation_key, decided_by, reason, created_at
			""";

	private static final String CLAIM_COLUMNS = """
			id, request_id, amount, actual_cost, attendees, leads, proof_names, proof_urls, proof_file_ids, status,
			submitted_by, decided_by, reason, created_at
			""";

	private final JdbcClient jdbc;

	void insert(MdfRequest r) {
		jdbc.sql("""
				insert into mdf_request (id, reference, partner_id, activity, description, cost, amount,
				    approved_amount, currency, starts_on, ends_on, attendees, catering_cost, status, requested_by,
				    conversation_key, decided_by, reason, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(r.id(), r.reference(), r.partnerId(), r.activity(), r.description(), r.cost(), r.amount(),
					r.approvedAmount(), r.currency(), r.startsOn(), r.endsOn(), r.attendees(), r.cateringCost(),
					r.status().name(), r.requestedBy(), r.conversationKey(), r.decidedBy(), r.reason(),
					java.sql.Timestamp.from(r.createdAt()))
			.update();
	}

	private List<MdfRequest> requests(String where, Object... params) {
		return jdbc.sql("select " + REQUEST_COLUMNS + " from mdf_request where " + where)
			.params(params)
			.query(FundRequests::request)
			.list();
	}

	private List<MdfClaim> claims(String where, Object... params) {
		return jdbc.sql("select " + CLAIM_COLUMNS + " from mdf_claim where " + where)
			.params(params)
			.query(FundRequests::claim)
			.list();
	}

	Optional<MdfRequest> find(UUID id) {
		return requests("id = ?", id).stream().findFirst();
	}

	/** A request, locked until the transaction ends. */
	Optional<MdfRequest> lock(UUID id) {
		return requests("id = ? for update", id).stream().findFirst();
	}

	/** The partner's newest request made in a conversation ("channel:thread"). */
	Optional<MdfRequest> inConversation(String conversationKey, UUID partnerId) {
		return requests("conversation_key = ? and partner_id = ? order by created_at desc limit 1", conversationKey,
				partnerId)
			.stream()
			.findFirst();
	}

	Optional<MdfRequest> findByReference(String reference) {
		return requests("reference = ?", reference).stream().findFirst();
	}

	List<MdfRequest> ofPartner(UUID partnerId) {
		return requests("partner_id = ? order by created_at desc", partnerId);
	}

	void decide(UUID id, RequestStatus status, BigDecimal approvedAmount, String by, String reason) {
		jdbc.sql("""
				update mdf_request set status = ?, approved_amount = ?, decided_by = ?, reason = ?, updated_at = now()
				where id = ?
				""").params(status.name(), approvedAmount, by, reason, id).update();
	}

	void setStatus(UUID id, RequestStatus status) {
		jdbc.sql("update mdf_request set status = ?, updated_at = now() where id = ?")
			.params(status.name(), id)
			.update();
	}

	void attachConversation(UUID id, String conversationKey) {
		jdbc.sql("update mdf_request set conversation_key = ? where id = ?").params(conversationKey, id).update();
	}

	/**
	 * Approved requests whose claim is due by a day and were not reminded; claimed here.
	 */
	List<MdfRequest> claimDueReminders(LocalDate endedBy, LocalDate endedAfter) {
		List<UUID> ids = jdbc.sql("""
				update mdf_request set claim_reminded_at = now()
				where status = 'APPROVED' and claim_reminded_at is null and ends_on <= ? and ends_on >= ?
				returning id
				""").params(endedBy, endedAfter).query(UUID.class).list();
		return ids.stream().map(this::find).flatMap(Optional::stream).toList();
	}

	/**
	 * Approved requests whose activity ended between two days (the later excluded) and
	 * whose partner was not asked for the claim yet; marked asked here.
	 */
	List<MdfRequest> claimInvitations(LocalDate endedAfter, LocalDate endedBefore) {
		List<UUID> ids = jdbc.sql("""
				update mdf_request set claim_invited_at = now()
				where status = 'APPROVED' and claim_invited_at is null and ends_on > ? and ends_on < ?
				returning id
				""").params(endedAfter, endedBefore).query(UUID.class).list();
		return ids.stream().map(this::find).flatMap(Optional::stream).toList();
	}

	/** Approved requests never claimed whose activity ended before a day. */
	List<MdfRequest> unclaimedEndedBefore(LocalDate day) {
		return requests("status = 'APPROVED' and ends_on < ?", day);
	}

	void insertClaim(MdfClaim c) {
		jdbc.sql("""
				insert into mdf_claim (id, request_id, amount, actual_cost, attendees, leads, proof_names, proof_urls,
				    proof_file_ids, status, submitted_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(c.id(), c.requestId(), c.amount(), c.actualCost(), c.attendees(), c.leads(), names(c.proof()),
					urls(c.proof()), fileIds(c.proof()), c.status().name(), c.submittedBy(),
					java.sql.Timestamp.from(c.createdAt()))
			.update();
	}

	Optional<MdfClaim> findClaim(UUID id) {
		return claims("id = ?", id).stream().findFirst();
	}

	Optional<MdfClaim> lockClaim(UUID id) {
		return claims("id = ? for update", id).stream().findFirst();
	}

	List<MdfClaim> claims(UUID requestId) {
		return claims("request_id = ? order by created_at desc", requestId);
	}

	void decideClaim(UUID id, ClaimStatus status, String by, String reason) {
		jdbc.sql("update mdf_claim set status = ?, decided_by = ?, reason = ?, updated_at = now() where id = ?")
			.params(status.name(), by, reason, id)
			.update();
	}

	void updateClaimProof(UUID id, NewClaim more) {
		jdbc.sql(
				"""
						update mdf_claim set proof_names = proof_names || ?, proof_urls = proof_urls || ?,
						    proof_file_ids = proof_file_ids || ?, leads = coalesce(?, leads), attendees = coalesce(?, attendees),
						    actual_cost = coalesce(?, actual_cost), status = 'SUBMITTED', updated_at = now()
						where id = ?
						""")
			.params(names(more.proof()), urls(more.proof()), fileIds(more.proof()), more.leads(), more.attendees(),
					more.actualCost(), id)
			.update();
	}

	void linkDeal(UUID requestId, UUID dealId) {
		jdbc.sql("insert into mdf_request_deal (request_id, deal_id) values (?, ?) on conflict do nothing")
			.params(requestId, dealId)
			.update();
	}

	/** The registrations a partner's activities brought in. */
	List<UUID> linkedDeals(UUID partnerId) {
		return jdbc.sql("""
				select distinct l.deal_id from mdf_request_deal l join mdf_request r on r.id = l.request_id
				where r.partner_id = ?
				""").param(partnerId).query(UUID.class).list();
	}

	void audit(UUID partnerId, UUID subjectId, String action, String actor, String detail) {
		jdbc.sql("insert into mdf_audit (partner_id, subject_id, action, actor, detail) values (?, ?, ?, ?, ?)")
			.params(partnerId, subjectId, action, actor, detail)
			.update();
	}

	List<AuditEntry> auditTrail(UUID subjectId) {
		return jdbc.sql("select action, actor, detail, at from mdf_audit where subject_id = ? order by at, id")
			.param(subjectId)
			.query((rs, n) -> new AuditEntry(rs.getString("action"), rs.getString("actor"), rs.getString("detail"),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	/** The audit trail of a request and of its claims. */
	List<AuditEntry> requestTrail(UUID requestId) {
		List<AuditEntry> trail = new ArrayList<>(auditTrail(requestId));
		claims(requestId).forEach(c -> trail.addAll(auditTrail(c.id())));
		trail.sort(java.util.Comparator.comparing(AuditEntry::at));
		return trail;
	}

	private static MdfRequest request(ResultSet rs, int row) throws SQLException {
		return new MdfRequest(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getObject("partner_id", UUID.class), rs.getString("activity"), rs.getString("description"),
				rs.getBigDecimal("cost"), rs.getBigDecimal("amount"), rs.getBigDecimal("approved_amount"),
				rs.getString("currency"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), (Integer) rs.getObject("attendees"),
				rs.getBigDecimal("catering_cost"), RequestStatus.valueOf(rs.getString("status")),
				rs.getString("requested_by"), rs.getString("conversation_key"), rs.getString("decided_by"),
				rs.getString("reason"), rs.getTimestamp("created_at").toInstant());
	}

	// proof is kept as three parallel arrays; an absent url or file id is ''
	static String[] names(List<MdfClaim.ProofFile> proof) {
		return proof.stream().map(MdfClaim.ProofFile::name).toArray(String[]::new);
	}

	static String[] urls(List<MdfClaim.ProofFile> proof) {
		return proof.stream().map(p -> p.url() == null ? "" : p.url()).toArray(String[]::new);
	}

	static String[] fileIds(List<MdfClaim.ProofFile> proof) {
		return proof.stream().map(p -> p.fileId() == null ? "" : p.fileId()).toArray(String[]::new);
	}

	static List<MdfClaim.ProofFile> proof(ResultSet rs) throws SQLException {
		String[] names = (String[]) rs.getArray("proof_names").getArray();
		String[] urls = (String[]) rs.getArray("proof_urls").getArray();
		String[] ids = (String[]) rs.getArray("proof_file_ids").getArray();
		List<MdfClaim.ProofFile> proof = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			proof.add(new MdfClaim.ProofFile(names[i], present(urls, i), present(ids, i)));
		}
		return proof;
	}

	private static String present(String[] values, int i) {
		return (i < values.length && !values[i].isEmpty()) ? values[i] : null;
	}

	private static MdfClaim claim(ResultSet rs, int row) throws SQLException {
		List<MdfClaim.ProofFile> proof = proof(rs);
		return new MdfClaim(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
				rs.getBigDecimal("amount"), rs.getBigDecimal("actual_cost"), (Integer) rs.getObject("attendees"),
				(Integer) rs.getObject("leads"), proof, ClaimStatus.valueOf(rs.getString("status")),
				rs.getString("submitted_by"), rs.getString("decided_by"), rs.getString("reason"),
				rs.getTimestamp("created_at").toInstant());
	}

}
