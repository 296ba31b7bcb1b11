package com.partnerbot.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A partner's first days in the program, step by step.
 *
 * @param partnerId the partner
 * @param startedAt when it joined
 * @param steps the checklist, in order
 */
public record Journey(UUID partnerId, Instant startedAt, List<Step> steps) {

	/**
	 * @param name its key
	 * @param label what the partner reads
	 * @param due the day it should be done by
	 * @param doneAt when it was done, null while open
	 */
	public record Step(String name, String label, LocalDate due, Instant doneAt) {

		public boolean done() {
			return doneAt != null;
		}

	}

	public long doneCount() {
		return steps.stream().filter(Step::done).count();
	}

	public List<Step> open() {
		return steps.stream().filter(s -> !s.done()).toList();
	}

	/** When the last step was done, or the journey started if none was. */
	public Instant lastProgress() {
		return steps.stream()
			.map(Step::doneAt)
			.filter(java.util.Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(startedAt);
	}

	public boolean complete() {
		return open().isEmpty();
	}

}
