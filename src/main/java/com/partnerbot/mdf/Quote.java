package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.partnerbot.platform.ApiError;

/**
 * What the program would reimburse for a request under its rules, and every rule or
 * balance it breaks.
 *
 * @param share the program's share of the eligible cost for the partner's tier
 * @param eligibleCost the cost the share applies to (catering above its cap left out)
 * @param maximum the most the rules allow: the share of the eligible cost
 * @param reimbursable what the program would pay: the amount asked for, or the maximum
 * when none was asked
 * @param available the partner's available balance
 * @param needsPreApproval whether a channel manager must approve it first
 * @param claimDue the last day to claim it
 * @param notes what the partner should know (caps applied, the attendance floor)
 * @param breaches the rules and balance it breaks; empty when it may be submitted
 */
public record Quote(BigDecimal share, BigDecimal eligibleCost, BigDecimal maximum, BigDecimal reimbursable,
		BigDecimal available, boolean needsPreApproval, LocalDate claimDue, List<String> notes,
		List<ApiError.FieldError> breaches) {

	public boolean acceptable() {
		return breaches.isEmpty();
	}

}
