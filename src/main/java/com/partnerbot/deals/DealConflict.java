package com.partnerbot.deals;

import java.util.List;
import java.util.UUID;

/**
 * Why a registration matches something it must not overlap.
 *
 * @param kind another partner's registration, the same partner's own, a named account of
 * the direct sales team, or an open opportunity of that team
 * @param reasons what matched, e.g. "same customer domain (initech.com); overlapping
 * products: Analytics Suite"
 * @param otherDealId the other registration, for channel managers only; never shown to
 * partners
 * @param partnerReasons what matched, as the registering partner may be told: nothing of
 * the other registration (its name, its dates)
 * @param products the products both cover; for a direct account, all of the
 * registration's
 */
public record DealConflict(Kind kind, String reasons, UUID otherDealId, String partnerReasons, List<String> products) {

	public DealConflict {
		products = (products != null) ? List.copyOf(products) : List.of();
	}

	public enum Kind {

		OTHER_PARTNER, OWN_REGISTRATION, DIRECT_ACCOUNT, DIRECT_OPPORTUNITY

	}

	/** What a partner may be told: that there is a conflict and why, never with whom. */
	public String forPartner() {
		return switch (kind) {
			case OTHER_PARTNER -> "another registration covers this customer: " + partnerReasons;
			case OWN_REGISTRATION -> "you have a registration for this customer already: " + reasons;
			case DIRECT_ACCOUNT -> "this customer is a named account of our direct sales team: " + partnerReasons;
			case DIRECT_OPPORTUNITY ->
				"our direct sales team has an open opportunity with this customer: " + partnerReasons;
		};
	}

}
