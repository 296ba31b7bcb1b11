package com.partnerbot.program;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One signal of a partner's health.
 *
 * @param name the signal, as configured (e.g. {@code registrations})
 * @param value what was measured, null when there is nothing to measure
 * @param weight its weight in the score; a signal with nothing to measure counts for none
 * @param reason one line for people: what it measured and how that reads
 * @param score how well the partner does on it, 0 to 1, null when nothing was measured
 */
public record HealthSignal(String name, Double value, double weight, String reason, @JsonIgnore Double score) {

	/** Whether it pulls the score down: measured, and below half marks. */
	@JsonIgnore
	public boolean concern() {
		return score != null && score < 0.5;
	}

}
