package com.partnerbot.deals;

/**
 * The partner's part in a deal, for attribution in the CRM and the scorecard.
 */
public enum PartnerRole {

	/** The partner found the opportunity and brings it to the vendor. */
	SOURCED,
	/** The partner helps win an opportunity the vendor or another partner found. */
	INFLUENCED

}
