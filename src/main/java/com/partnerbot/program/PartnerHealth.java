package com.partnerbot.program;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A partner's health: a score from 0 to 100, the status its thresholds give, and every
 * signal with its weight and reason.
 *
 * @param partnerId the partner
 * @param score the weighted score, 0 to 100
 * @param status healthy, watch or at risk
 * @param signals the signals it is made of
 */
public record PartnerHealth(@JsonIgnore UUID partnerId, int score, Status status, List<HealthSignal> signals) {

	/** What a score means, by the configured thresholds. */
	public enum Status {

		HEALTHY, WATCH, AT_RISK

	}

	/** The signals that pull the score down, the heaviest loss first. */
	@JsonIgnore
	public List<HealthSignal> concerns() {
		return signals.stream()
			.filter(HealthSignal::concern)
			.sorted(Comparator.comparingDouble((HealthSignal s) -> s.weight() * (1 - s.score())).reversed())
			.toList();
	}

}
