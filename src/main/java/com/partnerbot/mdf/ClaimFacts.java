package com.partnerbot.mdf;

import java.math.BigDecimal;

/**
 * What a partner says about an activity when claiming it, in plain words ("it cost
 * $2,400, 22 attended, 31 leads uploaded"); any part may be missing.
 *
 * @param actualCost what the activity really cost
 * @param attendees how many attended live
 * @param leads how many leads were uploaded
 */
public record ClaimFacts(BigDecimal actualCost, Integer attendees, Integer leads) {

	/** Nothing said. */
	public static final ClaimFacts NONE = new ClaimFacts(null, null, null);

	/** The facts a message states. */
	public static ClaimFacts of(String text) {
		return MdfTextParser.claimFacts(text);
	}

	public boolean isEmpty() {
		return actualCost == null && attendees == null && leads == null;
	}

	/** These facts, with what {@code later} states in place of what they said. */
	ClaimFacts with(ClaimFacts later) {
		return new ClaimFacts(later.actualCost != null ? later.actualCost : actualCost,
				later.attendees != null ? later.attendees : attendees, later.leads != null ? later.leads : leads);
	}

}
