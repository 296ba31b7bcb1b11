package com.partnerbot.deals;

/**
 * Where a registration stands.
 */
public enum DealStatus {

	/** Waiting for a channel manager (the rules say every registration waits). */
	PENDING,
	/**
	 * Waiting for a channel manager because it matches another registration or a direct
	 * account.
	 */
	CONFLICT,
	/** Approved: the partner is protected until {@code protectedUntil}. */
	APPROVED, REJECTED,
	/** Approved to be sold together with the vendor or another partner. */
	CO_SELL, WON, LOST,
	/** The protection window ended without a win. */
	EXPIRED;

	public boolean isLive() {
		return this == PENDING || this == CONFLICT || this == APPROVED || this == CO_SELL;
	}

}
