package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.util.List;

/**
 * A claim as submitted.
 *
 * @param amount the funds claimed
 * @param actualCost what the activity really cost
 * @param attendees how many attended live (webinars: the attendance floor)
 * @param leads how many leads were uploaded
 * @param proof the files shown as proof
 */
public record NewClaim(BigDecimal amount, BigDecimal actualCost, Integer attendees, Integer leads,
		List<MdfClaim.ProofFile> proof) {

	public NewClaim {
		proof = (proof == null) ? List.of() : proof.stream().filter(java.util.Objects::nonNull).toList();
	}

}
