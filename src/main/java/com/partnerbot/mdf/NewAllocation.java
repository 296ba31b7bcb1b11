package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Funds a channel manager allocates to a partner for a period.
 *
 * @param partnerId the partner
 * @param amount how much
 * @param currency its currency; none: the program's
 * @param startsOn the first day it may be spent
 * @param endsOn the last day
 */
public record NewAllocation(UUID partnerId, BigDecimal amount, String currency, LocalDate startsOn, LocalDate endsOn) {

}
