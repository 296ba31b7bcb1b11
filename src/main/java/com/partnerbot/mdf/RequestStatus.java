package com.partnerbot.mdf;

/**
 * Where an MDF request stands.
 */
public enum RequestStatus {

	/** Waiting for a channel manager's pre-approval. */
	SUBMITTED,
	/** Approved: its amount is committed until it is claimed or its claim is due. */
	APPROVED,
	/** Rejected, with a reason. */
	REJECTED,
	/** Its claim is in. */
	CLAIMED,
	/** Its claim was paid. */
	PAID,
	/** It was never claimed by the deadline; its funds went back to the balance. */
	EXPIRED

}
