package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money a partner may spend on activities between two days: an allocation a channel
 * manager made, or an accrual from a quarter's won revenue.
 *
 * @param id its identifier
 * @param partnerId whose it is
 * @param source {@code ALLOCATION} or {@code ACCRUAL}
 * @param amount how much
 * @param currency its currency
 * @param startsOn the first day it may be spent
 * @param endsOn the last day; what is left after it expires
 * @param quarter the quarter an accrual is of (null for an allocation)
 * @param spent how much of it approved requests have drawn
 */
public record Fund(UUID id, UUID partnerId, String source, BigDecimal amount, String currency, LocalDate startsOn,
		LocalDate endsOn, String quarter, BigDecimal spent) {

	/** What is left of it to spend. */
	public BigDecimal left() {
		return amount.subtract(spent);
	}

	boolean liveOn(LocalDate day) {
		return !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}

}
