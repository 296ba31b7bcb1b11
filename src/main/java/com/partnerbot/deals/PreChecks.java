package com.partnerbot.deals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Conflict pre-checks are counted and recorded: they tell a partner whether a customer is
 * taken, so unlimited they would map the other partners' pipelines one name at a time.
 * Each partner gets so many an hour; every one is in the audit trail.
 * <p>
 * A partner's checks are numbered in the order they are made ({@code seq}), and their
 * times never go back within a partner (a check is stamped no earlier than the one
 * before), so the checks of the last hour are the last ones by number: the partner has
 * had its share exactly when its check numbered {@code last - share + 1} is within the
 * hour. One statement, whatever the share and however many checks the hour holds: it
 * looks up the last check and that one, and records the new one unless refused. Two
 * checks of one partner at the same moment take the same number; the unique index makes
 * the second wait for the first and take the next number once the first is committed.
 */
@Component
@RequiredArgsConstructor
class PreChecks {

	/**
	 * Decides and records a check; {@code refused} or the number it was recorded under.
	 */
	static final String RECORD = """
			with last as (
			    select seq, at from deal_pre_check where partner_id = :partner order by seq desc limit 1
			), verdict as (
			    select coalesce((select seq from last), 0) + 1 as seq,
			        greatest(cast(:now as timestamptz), (select at from last)) as at,
			        :share <= 0 or exists (select 1 from deal_pre_check o where o.partner_id = :partner
			            and o.seq = coalesce((select seq from last), 0) + 1 - :share and o.at > :since) as refused
			), recorded as (
			    insert into deal_pre_check (partner_id, checked_by, customer_name, customer_domain, products, at, seq)
			    select :partner, cast(:checkedBy as text), cast(:customerName as text), cast(:customerDomain as text),
			        cast(:products as text), at, seq from verdict
			    where not refused
			    on conflict (partner_id, seq) do nothing
			    returning seq
			)
			select (select refused from verdict) as refused, (select seq from recorded) as recorded
			""";

	/**
	 * Tries after this many checks of the same partner took the number first; each try
	 * follows another check's commit.
	 */
	private static final int TRIES = 1000;

	private final JdbcClient jdbc;

	private final PreCheckLimits limits;

	private final Clock clock;

	/**
	 * Records a pre-check, or refuses it when the partner has had its share.
	 * @throws PreCheckLimitException past the limit
	 */
	void record(UUID partnerId, String checkedBy, String customerName, String customerDomain, List<String> products) {
		Instant now = clock.instant();
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("partner", partnerId);
		params.put("now", now.atOffset(ZoneOffset.UTC));
		params.put("since", now.minus(limits.per()).atOffset(ZoneOffset.UTC));
		params.put("share", limits.perPartner());
		params.put("checkedBy", checkedBy);
		params.put("customerName", customerName);
		params.put("customerDomain", customerDomain);
		params.put("products", String.join(", ", products));
		for (int i = 0; i < TRIES; i++) {
			Map<String, Object> outcome = jdbc.sql(RECORD).params(params).query().singleRow();
			if (Boolean.TRUE.equals(outcome.get("refused"))) {
				throw new PreCheckLimitException(limits.perPartner(), limits.per());
			}
			if (outcome.get("recorded") != null) {
				return;
			}
			// another check of this partner took the number and has committed: again,
			// after it
		}
		throw new IllegalStateException("could not record a pre-check of partner " + partnerId);
	}

}
