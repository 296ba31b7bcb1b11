package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A partner's funds today. {@code allocated} is everything that has become spendable; it
 * equals {@code available + committed + claimed + paid + expired}.
 *
 * @param currency the currency
 * @param allocated every allocation and accrual that has started
 * @param committed held by approved requests not yet paid
 * @param claimed claimed and not yet paid
 * @param paid paid out
 * @param available spendable today
 * @param expired unspent when its time ran out
 * @param expiring what is left of each live fund, soonest to expire first
 * @param upcoming funds that start later
 */
public record Balance(String currency, BigDecimal allocated, BigDecimal committed, BigDecimal claimed, BigDecimal paid,
		BigDecimal available, BigDecimal expired, List<Expiring> expiring, List<Fund> upcoming) {

	/** An amount that expires after a day unless it is spent. */
	public record Expiring(BigDecimal amount, LocalDate on, String source) {
	}

}
