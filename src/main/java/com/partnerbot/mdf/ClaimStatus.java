package com.partnerbot.mdf;

/**
 * Where a claim for an approved request stands.
 */
public enum ClaimStatus {

	/** Waiting for a channel manager. */
	SUBMITTED,
	/** A channel manager asked for more proof; the partner adds it. */
	MORE_INFO,
	/** Approved for payment. */
	APPROVED,
	/** Rejected, with a reason. */
	REJECTED,
	/** Paid. */
	PAID

}
