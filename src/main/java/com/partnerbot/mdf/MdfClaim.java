package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A claim for the funds of an approved request, with its proof of performance.
 *
 * @param id its identifier
 * @param requestId the request it claims
 * @param amount the funds claimed
 * @param actualCost what the activity really cost, when given
 * @param attendees how many attended live, when given
 * @param leads how many leads were uploaded, when given
 * @param proof the files shown as proof
 * @param status where it stands
 * @param submittedBy who claimed
 * @param decidedBy who decided last
 * @param reason the reason given with the last decision
 * @param createdAt when it was submitted
 */
public record MdfClaim(UUID id, UUID requestId, BigDecimal amount, BigDecimal actualCost, Integer attendees,
		Integer leads, List<ProofFile> proof, ClaimStatus status, String submittedBy, String decidedBy, String reason,
		Instant createdAt) {

	public MdfClaim {
		proof = (proof == null) ? List.of() : List.copyOf(proof);
	}

	/**
	 * A file shown as proof: its name, where it is, and its Slack file id when it was
	 * shared in Slack.
	 */
	public record ProofFile(String name, String url, String fileId) {

		public ProofFile(String name, String url) {
			this(name, url, null);
		}

	}

}
