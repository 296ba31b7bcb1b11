package com.partnerbot.deals;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deal registrations, their audit trail and the direct-sales accounts, in PostgreSQL.
 */
@Repository
@RequiredArgsConstructor
class Deals {

	private static final String COLUMNS = """
			id, reference, partner_id, registered_by, customer_name, customer_domain, products, amount, currency,
			expected_close_date, status, protected_until, extensions, conflict_reasons, conversation_key, created_at,
			seats, customer_contact, sales_rep, decision_note, partner_role, co_sell_partners, closed_on
			""";

	private final JdbcClient jdbc;

	/** For the statements that go to PostgreSQL together ({@link #candidates}). */
	private final JdbcOperations jdbcOperations;

	private final CustomerNames names;

	/**
	 * Stores a registration; {@code splitFrom} is the registration it was split from,
	 * whose submission time it keeps (first-to-register goes by the complete submission).
	 */
	void insert(Deal deal, String nameKey, UUID splitFrom) {
		jdbc.sql(
				"""
						insert into deal_registration (id, reference, partner_id, registered_by, customer_name, customer_name_key,
						    customer_domain, products, amount, currency, expected_close_date, status, protected_until,
						    conflict_reasons, conversation_key, seats, customer_contact, sales_rep, split_from, created_at,
						    partner_role, co_sell_partners)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(deal.id(), deal.reference(), deal.partnerId(), deal.registeredBy(), deal.customerName(), nameKey,
					deal.customerDomain(), deal.products().toArray(String[]::new), deal.amount(), deal.currency(),
					deal.expectedCloseDate(), deal.status().name(), deal.protectedUntil(), deal.conflictReasons(),
					(deal.thread() != null) ? deal.thread().key() : null, deal.seats(), deal.customerContact(),
					deal.salesRep(), splitFrom, java.sql.Timestamp.from(deal.createdAt()), deal.role().name(),
					deal.coSellPartners().toArray(UUID[]::new))
			.update();
	}

	Optional<Deal> find(UUID id) {
		return where("id = ?", id).stream().findFirst();
	}

	Optional<Deal> findByReference(String reference) {
		return where("reference = ?", reference).stream().findFirst();
	}

	/** Registrations waiting for a channel manager, the longest waiting first. */
	List<Deal> waiting() {
		return where("status in ('PENDING', 'CONFLICT') order by created_at, reference");
	}

	void attachThread(UUID id, ThreadRef thread) {
		jdbc.sql("update deal_registration set conversation_key = ? where id = ? and conversation_key is null")
			.params(thread.key(), id)
			.update();
	}

	List<Deal> forPartner(UUID partnerId) {
		return where("partner_id = ? order by created_at desc", partnerId);
	}

	/** Registrations of other partners that name this one as a co-selling partner. */
	List<Deal> coSelling(UUID partnerId) {
		return where("co_sell_partners @> array[?]::uuid[]", partnerId);
	}

	/** The registrations a condition (and its order) picks. */
	private List<Deal> where(String condition, Object... params) {
		return jdbc.sql("select " + COLUMNS + " from deal_registration where " + condition)
			.params(params)
			.query(Deals::map)
			.list();
	}

	/** Live registrations, as a condition. */
	private static final String LIVE = "status in ('PENDING', 'CONFLICT', 'APPROVED', 'CO_SELL') "
			+ "and (status <> 'APPROVED' or protected_until >= ?) ";

	/**
	 * Live registrations of the same domain or name key, or of a name key similar by
	 * trigrams: the ids found in memory, which pg_trgm's own similarity found alike as
	 * {@code %} would ({@link CustomerNameIndex#similarity}), and the rows written since
	 * the memory last caught up (from that transaction id on), for which pg_trgm decides
	 * here. A row of an id found is as the memory holds it unless written since; if it
	 * was, the second leg decides on its name as it is now. {@code similarity(a, b) >=
	 * threshold} is {@code %} (the same single precision similarity against the same
	 * double threshold) without {@code %}'s selectivity estimate, which alone took 0.6 ms
	 * of planning at a million rows.
	 */
	static final String LIVE_CANDIDATES_AMONG = "where " + LIVE + "and (customer_domain = ? or customer_name_key = ? "
			+ "or (id = any(?) and (change_xid is null or change_xid < cast(? as xid8))) "
			+ "or (change_xid >= cast(? as xid8) and similarity(customer_name_key, ?) >= ?))";

	/** The parameters of {@link #LIVE_CANDIDATES_AMONG}. */
	static Object[] liveCandidatesAmong(LocalDate today, String domain, String nameKey, double similarity,
			CustomerNames.Similar found) {
		return new Object[] { today, domain != null ? domain : "", nameKey, found.ids().toArray(UUID[]::new),
				found.unseenFrom(), found.unseenFrom(), nameKey, similarity };
	}

	/** The same without the names in memory: the similar names from the pg_trgm index. */
	static final String LIVE_CANDIDATES = "where " + LIVE
			+ "and (customer_domain = ? or customer_name_key = ? or customer_name_key % ?)";

	/**
	 * pg_trgm's threshold for {@code %} (in {@link #LIVE_CANDIDATES} and
	 * {@link #DIRECT_CANDIDATES}); custom plans: a generic one would guess a third of the
	 * table changed since the memory caught up and scan the pg_trgm index instead.
	 */
	static final String SETTINGS = "select set_config('pg_trgm.similarity_threshold', ?, true), "
			+ "set_config('plan_cache_mode', 'force_custom_plan', true)";

	/** Direct-sales accounts that may be the same customer. */
	static final String DIRECT_CANDIDATES = "select id, name, name_key, domain, owner, named from direct_account "
			+ "where domain = ? or name_key = ? or name_key % ?";

	/**
	 * What a check compares a customer with: the live registrations and the direct-sales
	 * accounts that may be the same customer.
	 */
	record Candidates(List<Deal> registrations, List<DirectAccount> accounts) {
	}

	/** {@link #candidates}'s statements, with the names in memory or without. */
	static String candidatesSql(boolean inMemory) {
		return SETTINGS + ";\nselect " + COLUMNS + " from deal_registration "
				+ (inMemory ? LIVE_CANDIDATES_AMONG : LIVE_CANDIDATES) + ";\n" + DIRECT_CANDIDATES;
	}

	/** The parameters of {@link #candidatesSql}, with what the memory found if loaded. */
	static Object[] candidatesParams(String domain, String nameKey, double similarity, LocalDate today,
			Optional<CustomerNames.Similar> similar) {
		// no domain matches nothing; a null parameter test here would keep the planner
		// from its indexes
		String anyDomain = domain != null ? domain : "";
		List<Object> params = new ArrayList<>();
		params.add(String.valueOf(similarity));
		params.addAll(Arrays
			.asList(similar.isPresent() ? liveCandidatesAmong(today, domain, nameKey, similarity, similar.get())
					: new Object[] { today, anyDomain, nameKey, nameKey }));
		params.addAll(List.of(anyDomain, nameKey, nameKey));
		return params.toArray();
	}

	/**
	 * Live registrations that may be the same customer (same domain, same name key, or a
	 * name key similar by trigrams) and the direct-sales accounts that may be. The
	 * similar names are found in memory ({@link CustomerNames}), or, until the names are
	 * loaded, by the pg_trgm index.
	 * <p>
	 * The settings and both queries go to PostgreSQL in one round trip, as three
	 * statements run one after the other, each with its own snapshot as if sent apart:
	 * the settings apply to the planning and the {@code %} of the statements after them.
	 */
	Candidates candidates(String domain, String nameKey, double similarity, LocalDate today) {
		return candidates(domain, nameKey, similarity, today, names.similar(nameKey, similarity));
	}

	/** The same with what the memory found ({@code empty}: search the pg_trgm index). */
	Candidates candidates(String domain, String nameKey, double similarity, LocalDate today,
			Optional<CustomerNames.Similar> similar) {
		Object[] params = candidatesParams(domain, nameKey, similarity, today, similar);
		return jdbcOperations.execute(candidatesSql(similar.isPresent()),
				(PreparedStatementCallback<Candidates>) statement -> {
					new ArgumentPreparedStatementSetter(params).setValues(statement);
					statement.execute();
					List<Deal> deals = new ArrayList<>();
					statement.getMoreResults();
					try (ResultSet rs = statement.getResultSet()) {
						while (rs.next()) {
							deals.add(map(rs, deals.size()));
						}
					}
					List<DirectAccount> accounts = new ArrayList<>();
					statement.getMoreResults();
					try (ResultSet rs = statement.getResultSet()) {
						while (rs.next()) {
							accounts.add(new DirectAccount(rs.getObject("id", UUID.class), rs.getString("name"),
									rs.getString("name_key"), rs.getString("domain"), rs.getString("owner"),
									rs.getBoolean("named")));
						}
					}
					return new Candidates(deals, accounts);
				});
	}

	/**
	 * Claims the customer for each product; a claim held by another registration throws.
	 */
	void claim(UUID dealId, String domain, String nameKey, List<String> products) {
		for (String product : products) {
			for (String key : domain != null ? List.of("d:" + domain, "n:" + nameKey) : List.of("n:" + nameKey)) {
				jdbc.sql("insert into deal_claim (claim_key, product, deal_id) values (?, ?, ?)")
					.params(key, product, dealId)
					.update();
			}
		}
	}

	void updateProducts(UUID id, List<String> products) {
		jdbc.sql("update deal_registration set products = ?, updated_at = now() where id = ?")
			.params(products.toArray(String[]::new), id)
			.update();
	}

	void release(UUID dealId) {
		jdbc.sql("delete from deal_claim where deal_id = ?").param(dealId).update();
	}

	String nameKey(UUID dealId) {
		return jdbc.sql("select customer_name_key from deal_registration where id = ?")
			.param(dealId)
			.query(String.class)
			.single();
	}

	void lock(String key) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("deal:" + key).query(Object.class).list();
	}

	int updateStatus(UUID id, DealStatus from, DealStatus to, LocalDate protectedUntil, String decidedBy) {
		return updateStatus(id, from, to, protectedUntil, decidedBy, null);
	}

	int updateStatus(UUID id, DealStatus from, DealStatus to, LocalDate protectedUntil, String decidedBy, String note) {
		return jdbc.sql("""
				update deal_registration set status = ?, protected_until = coalesce(cast(? as date), protected_until),
				    decided_by = coalesce(cast(? as text), decided_by),
				   decided_at = case when cast(? as text) is null then decided_at else now() end,
				    decision_note = coalesce(cast(? as text), decision_note),
				    updated_at = now()
				where id = ? and status = ?
				""").params(to.name(), protectedUntil, decidedBy, decidedBy, note, id, from.name()).update();
	}

	int extend(UUID id, LocalDate until) {
		return jdbc.sql("""
				update deal_registration set protected_until = ?, extensions = extensions + 1, reminded_at = null,
				    updated_at = now()
				where id = ? and status = 'APPROVED'
				""").params(until, id).update();
	}

	/**
	 * Approved registrations whose protection ends within the window and whose partner
	 * was not yet reminded.
	 */
	List<Deal> claimReminders(LocalDate today, LocalDate until) {
		return jdbc
			.sql("update deal_registration set reminded_at = now() where status = 'APPROVED' and reminded_at is null "
					+ "and protected_until <= ? and protected_until >= ? returning " + COLUMNS)
			.params(until, today)
			.query(Deals::map)
			.list();
	}

	List<Deal> expire(LocalDate today) {
		return jdbc
			.sql("update deal_registration set status = 'EXPIRED', updated_at = now() "
					+ "where status = 'APPROVED' and protected_until < ? returning " + COLUMNS)
			.param(today)
			.query(Deals::map)
			.list();
	}

	void audit(UUID dealId, String action, String actor, String detail) {
		jdbc.sql("insert into deal_audit (deal_id, action, actor, detail) values (?, ?, ?, ?)")
			.params(dealId, action, actor, detail)
			.update();
	}

	List<AuditEntry> auditTrail(UUID dealId) {
		return jdbc.sql("select action, actor, detail, at from deal_audit where deal_id = ? order by id")
			.param(dealId)
			.query((rs, n) -> new AuditEntry(rs.getString("action"), rs.getString("actor"), rs.getString("detail"),
					rs.getObject("at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Sets a won or lost outcome, and the amount when given; nothing changes when the
	 * registration has that outcome and amount already.
	 */
	int updateOutcome(UUID id, DealStatus outcome, BigDecimal amount, LocalDate on) {
		return jdbc
			.sql("""
					update deal_registration set status = ?, amount = coalesce(?, amount), closed_on = coalesce(closed_on, ?),
					    updated_at = now()
					where id = ? and status <> 'REJECTED' and (status <> ? or amount is distinct from coalesce(?, amount))
					""")
			.params(outcome.name(), amount, on, id, outcome.name(), amount)
			.update();
	}

	/** The demo's history: a closed registration was closed on an earlier day. */
	void closedOn(UUID id, LocalDate on) {
		jdbc.sql("update deal_registration set closed_on = ? where id = ? and closed_on is not null")
			.params(on, id)
			.update();
	}

	/** Closes a live registration as won or lost on the given day. */
	int close(UUID id, DealStatus from, DealStatus outcome, LocalDate on) {
		return jdbc.sql("""
				update deal_registration set status = ?, closed_on = ?, updated_at = now()
				where id = ? and status = ?
				""").params(outcome.name(), on, id, from.name()).update();
	}

	/**
	 * Stores a direct-sales account kept elsewhere (the CRM) under its key there; false
	 * when another account has its domain already.
	 */
	boolean upsertDirectAccount(String sourceKey, String name, String nameKey, String domain, String owner,
			boolean named) {
		int updated = jdbc.sql("""
				update direct_account set name = ?, name_key = ?, domain = ?, owner = ?, named = ?
				where source_key = ?
				  and not exists (select 1 from direct_account o where o.domain = ? and o.source_key is distinct from ?)
				""").params(name, nameKey, domain, owner, named, sourceKey, domain, sourceKey).update();
		if (updated > 0) {
			return true;
		}
		return jdbc.sql("""
				insert into direct_account (id, name, name_key, domain, owner, source_key, named)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(UUID.randomUUID(), name, nameKey, domain, owner, sourceKey, named)
			.update() > 0;
	}

	int deleteDirectAccount(String sourceKey) {
		return jdbc.sql("delete from direct_account where source_key = ?").param(sourceKey).update();
	}

	void insertDirectAccount(DirectAccount account) {
		jdbc.sql("insert into direct_account (id, name, name_key, domain, owner, named) values (?, ?, ?, ?, ?, ?)")
			.params(account.id(), account.name(), account.nameKey(), account.domain(), account.owner(), account.named())
			.update();
	}

	static Deal map(ResultSet rs, int row) throws SQLException {
		Array products = rs.getArray("products");
		return new Deal(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getObject("partner_id", UUID.class), rs.getString("registered_by"), rs.getString("customer_name"),
				rs.getString("customer_domain"),
				Arrays.stream((Object[]) products.getArray()).map(String::valueOf).toList(), rs.getBigDecimal("amount"),
				rs.getString("currency"), rs.getObject("expected_close_date", LocalDate.class),
				DealStatus.valueOf(rs.getString("status")), rs.getObject("protected_until", LocalDate.class),
				rs.getInt("extensions"), rs.getString("conflict_reasons"),
				ThreadRef.ofKey(rs.getString("conversation_key")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), (Integer) rs.getObject("seats"),
				rs.getString("customer_contact"), rs.getString("sales_rep"), rs.getString("decision_note"),
				PartnerRole.valueOf(rs.getString("partner_role")),
				Arrays.stream((Object[]) rs.getArray("co_sell_partners").getArray()).map(UUID.class::cast).toList(),
				rs.getObject("closed_on", LocalDate.class));
	}

}
