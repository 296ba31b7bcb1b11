package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An MDF request as far as a conversation has described it; null fields are not known
 * yet.
 *
 * @param activity the activity type's key
 * @param description what the activity is
 * @param cost its whole cost
 * @param amount the funds asked for (none: what the rules would pay)
 * @param startsOn its first day
 * @param endsOn its last day
 * @param attendees the attendees expected
 */
public record MdfDraft(String activity, String description, BigDecimal cost, BigDecimal amount, LocalDate startsOn,
		LocalDate endsOn, Integer attendees) {

	public static MdfDraft empty() {
		return new MdfDraft(null, null, null, null, null, null, null);
	}

	/** This draft with what another said on top: nothing known is lost. */
	public MdfDraft with(MdfDraft more) {
		return new MdfDraft(or(more.activity, activity), or(more.description, description), or(more.cost, cost),
				or(more.amount, amount), or(more.startsOn, startsOn), or(more.endsOn, endsOn),
				or(more.attendees, attendees));
	}

	private static <T> T or(T first, T second) {
		return (first != null) ? first : second;
	}

	/** What is still needed before the rules can say what it would reimburse. */
	public List<String> missing() {
		List<String> missing = new ArrayList<>();
		if (activity == null) {
			missing.add("activity");
		}
		if (cost == null) {
			missing.add("cost");
		}
		if (startsOn == null) {
			missing.add("startsOn");
		}
		return missing;
	}

	public NewRequest toRequest(UUID partnerId) {
		return new NewRequest(partnerId, activity, description, cost, amount, null, startsOn, endsOn, attendees, null);
	}

}
