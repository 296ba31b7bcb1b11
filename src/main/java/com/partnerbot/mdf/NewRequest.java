package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A request for funds as submitted.
 *
 * @param partnerId the partner
 * @param activity the activity type: webinar, event, digital, email, telemarketing or
 * content
 * @param description what the activity is
 * @param cost the activity's whole cost
 * @param amount the funds asked for; none: what the rules would pay
 * @param currency the currency; none: the program's
 * @param startsOn the activity's first day
 * @param endsOn its last day; none: the first
 * @param attendees the attendees expected
 * @param cateringCost the part of the cost that is catering
 */
public record NewRequest(UUID partnerId, String activity, String description, BigDecimal cost, BigDecimal amount,
		String currency, LocalDate startsOn, LocalDate endsOn, Integer attendees, BigDecimal cateringCost) {

	LocalDate lastDay() {
		return (endsOn != null) ? endsOn : startsOn;
	}

}
