package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A partner's request for funds for one activity.
 *
 * @param id its identifier
 * @param reference the short reference people quote, e.g. {@code MDF-7K3Q9}
 * @param partnerId the partner
 * @param activity the activity type's key
 * @param description what the activity is
 * @param cost the activity's whole cost
 * @param amount the funds asked for
 * @param approvedAmount the funds approved, once approved
 * @param currency the currency
 * @param startsOn the activity's first day
 * @param endsOn its last day
 * @param attendees the attendees expected, when given
 * @param cateringCost the part of the cost that is catering, when given
 * @param status where it stands
 * @param requestedBy who asked (a Slack user id, or "api")
 * @param conversationKey the Slack thread it was asked in, for notices back there
 * @param decidedBy who decided
 * @param reason the reason given with the decision
 * @param createdAt when it was submitted
 */
public record MdfRequest(UUID id, String reference, UUID partnerId, String activity, String description,
		BigDecimal cost, BigDecimal amount, BigDecimal approvedAmount, String currency, LocalDate startsOn,
		LocalDate endsOn, Integer attendees, BigDecimal cateringCost, RequestStatus status, String requestedBy,
		String conversationKey, String decidedBy, String reason, Instant createdAt) {

}
