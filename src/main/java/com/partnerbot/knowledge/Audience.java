package com.partnerbot.knowledge;

import java.util.Locale;

/**
 * Whose eyes a search is for: a document restricted to some tiers is only found for those
 * tiers. The filter applies inside the index, before ranking, so a restricted passage
 * never reaches a ranking, a prompt or a citation for anyone else.
 *
 * @param tier the partner tier, lower case; null means the vendor's staff, who see
 * everything
 */
public record Audience(String tier) {

	private static final Audience STAFF = new Audience(null);

	public Audience {
		tier = (tier != null) ? tier.strip().toLowerCase(Locale.ROOT) : null;
	}

	/** A partner of this tier, e.g. "Gold". */
	public static Audience tier(String tier) {
		if (tier == null || tier.isBlank()) {
			throw new IllegalArgumentException("a partner audience needs a tier");
		}
		return new Audience(tier);
	}

	/** Anyone: only documents every partner may see (a channel several partners read). */
	public static Audience everyone() {
		return new Audience(IndexSchema.EVERYONE);
	}

	/** The vendor's own staff: every document. */
	public static Audience staff() {
		return STAFF;
	}

	public boolean isStaff() {
		return tier == null;
	}

}
