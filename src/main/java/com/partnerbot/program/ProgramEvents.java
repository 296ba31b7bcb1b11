package com.partnerbot.program;

import java.time.Instant;
import java.util.List;

import com.partnerbot.partners.Partner;

/**
 * What the program notices, for the modules that tell people about it.
 */
public final class ProgramEvents {

	private ProgramEvents() {
	}

	/**
	 * A partner's health fell below the at-risk threshold; published once per spell at
	 * risk, which started at {@code since}.
	 */
	public record TurnedAtRisk(Partner partner, PartnerHealth health, Instant since) {
	}

	/** A new partner's journey began: the welcome and its checklist. */
	public record OnboardingStarted(Partner partner, Journey journey) {
	}

	/** A step of a partner's checklist was done by what happened in the program. */
	public record StepDone(Partner partner, Journey.Step step, Journey journey) {
	}

	/** A step is past its due day, for the partner. */
	public record StepLate(Partner partner, Journey.Step step) {
	}

	/**
	 * A partner did no step for {@code idleDays}, for its channel manager; {@code open}
	 * are the steps left.
	 */
	public record Stalled(Partner partner, int idleDays, List<Journey.Step> open) {
	}

	/** A channel manager's week, once a week ({@code week} as 2026-W49). */
	public record WeeklyDigest(String manager, String week, Digest digest) {
	}

}
