package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Partners' funds and what approved requests draw from them, in PostgreSQL.
 */
@Repository
@RequiredArgsConstructor
class Funds {

	private static final String COLUMNS = """
			f.id, f.partner_id, f.source, f.amount, f.currency, f.starts_on, f.ends_on, f.quarter,
			coalesce((select sum(d.amount) from mdf_draw d where d.fund_id = f.id), 0) as spent
			""";

	private final JdbcClient jdbc;

	void insert(UUID id, UUID partnerId, String source, BigDecimal amount, String currency, LocalDate startsOn,
			LocalDate endsOn, String quarter, BigDecimal wonRevenue, String by) {
		jdbc.sql("""
				insert into mdf_fund (id, partner_id, source, amount, currency, starts_on, ends_on, quarter,
				    won_revenue, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, partnerId, source, amount, currency, startsOn, endsOn, quarter, wonRevenue, by)
			.update();
	}

	/** A partner's funds, soonest to expire first. */
	List<Fund> ofPartner(UUID partnerId) {
		return jdbc
			.sql("select " + COLUMNS + " from mdf_fund f where f.partner_id = ? order by f.ends_on, f.created_at")
			.param(partnerId)
			.query(Funds::map)
			.list();
	}

	/** Locks a partner's funds while a request draws from them or gives back. */
	void lock(UUID partnerId) {
		jdbc.sql("select id from mdf_fund where partner_id = ? for update").param(partnerId).query().listOfRows();
	}

	Fund get(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from mdf_fund f where f.id = ?").param(id).query(Funds::map).single();
	}

	/** What a partner accrued in a year before this quarter. */
	BigDecimal accruedInYear(UUID partnerId, int year) {
		return jdbc
			.sql("select coalesce(sum(amount), 0) from mdf_fund where partner_id = ? and source = 'ACCRUAL' "
					+ "and quarter like ?")
			.params(partnerId, year + "-Q%")
			.query(BigDecimal.class)
			.single();
	}

	boolean accrued(UUID partnerId, Quarter quarter) {
		return jdbc.sql("select count(*) from mdf_fund where partner_id = ? and source = 'ACCRUAL' and quarter = ?")
			.params(partnerId, quarter.toString())
			.query(Integer.class)
			.single() > 0;
	}

	void draw(UUID requestId, UUID fundId, BigDecimal amount) {
		jdbc.sql("""
				insert into mdf_draw (request_id, fund_id, amount) values (?, ?, ?)
				on conflict (request_id, fund_id) do update set amount = mdf_draw.amount + excluded.amount
				""").params(requestId, fundId, amount).update();
	}

	/** What a request holds of each fund, the latest to expire first. */
	List<Draw> draws(UUID requestId) {
		return jdbc.sql("""
				select d.fund_id, d.amount from mdf_draw d join mdf_fund f on f.id = d.fund_id
				where d.request_id = ? and d.amount > 0 order by f.ends_on desc
				""")
			.param(requestId)
			.query((rs, n) -> new Draw(rs.getObject("fund_id", UUID.class), rs.getBigDecimal("amount")))
			.list();
	}

	void setDraw(UUID requestId, UUID fundId, BigDecimal amount) {
		jdbc.sql("update mdf_draw set amount = ? where request_id = ? and fund_id = ?")
			.params(amount, requestId, fundId)
			.update();
	}

	/**
	 * Live funds with something left that expire by a day and whose partner was not
	 * reminded yet; each is claimed for its reminder by the update.
	 */
	List<Fund> claimExpiryReminders(LocalDate today, LocalDate by) {
		List<UUID> ids = jdbc.sql("""
				update mdf_fund f set reminded_at = now()
				where f.reminded_at is null and f.starts_on <= ? and f.ends_on >= ? and f.ends_on <= ?
				  and f.amount > coalesce((select sum(d.amount) from mdf_draw d where d.fund_id = f.id), 0)
				returning f.id
				""").params(today, today, by).query(UUID.class).list();
		return ids.stream().map(this::get).toList();
	}

	/** Records a notice as sent; false when it was sent already. */
	boolean noteOnce(String kind, String key) {
		return jdbc.sql("insert into mdf_notice (kind, key) values (?, ?) on conflict do nothing")
			.params(kind, key)
			.update() > 0;
	}

	/** The partners that have funds. */
	List<UUID> partnersWithFunds() {
		return jdbc.sql("select distinct partner_id from mdf_fund").query(UUID.class).list();
	}

	record Draw(UUID fundId, BigDecimal amount) {
	}

	private static Fund map(ResultSet rs, int row) throws SQLException {
		return new Fund(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class), rs.getString("source"),
				rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getString("quarter"), rs.getBigDecimal("spent"));
	}

}
