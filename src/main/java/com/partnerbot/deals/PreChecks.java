package com.partnerbot.deals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Conflict pre-checks are counted and recorded: they tell a partner whether a customer is
 * taken, so unlimited they would map the other partners' pipelines one name at a time.
 * Each partner gets so many an hour; every one is in the audit trail.
 */
@Component
@RequiredArgsConstructor
class PreChecks {

	private final JdbcClient jdbc;

	private final PreCheckLimits limits;

	private final Clock clock;

	/**
	 * Records a pre-check, or refuses it when the partner has had its share.
	 * @throws PreCheckLimitException past the limit
	 */
	void record(UUID partnerId, String checkedBy, String customerName, String customerDomain, List<String> products) {
		Instant now = clock.instant();
		Instant since = now.minus(limits.per());
		// one partner's checks are counted one at a time, so a burst cannot slip past
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))")
			.param("pre-check:" + partnerId)
			.query()
			.rowSet();
		int recent = jdbc.sql("select count(*) from deal_pre_check where partner_id = ? and at > ?")
			.params(partnerId, java.sql.Timestamp.from(since))
			.query(Integer.class)
			.single();
		if (recent >= limits.perPartner()) {
			throw new PreCheckLimitException(limits.perPartner(), limits.per());
		}
		jdbc.sql("""
				insert into deal_pre_check (partner_id, checked_by, customer_name, customer_domain, products, at)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(partnerId, checkedBy, customerName, customerDomain, String.join(", ", products),
					java.sql.Timestamp.from(now))
			.update();
	}

}
