package com.partnerbot.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A channel manager's week: what changed among their partners and what needs them.
 *
 * @param healthChanges partners whose health status changed this week
 * @param stalled partners whose onboarding stalled
 * @param dealsExpiring registrations whose protection ends within two weeks
 * @param fundsExpiring partners with market development funds about to expire
 * @param unanswered partners whose questions the library could not answer this week
 */
public record Digest(List<HealthChange> healthChanges, List<PartnerLine> stalled, List<ExpiringDeal> dealsExpiring,
		List<ExpiringFunds> fundsExpiring, List<Unanswered> unanswered) {

	public boolean isEmpty() {
		return healthChanges.isEmpty() && stalled.isEmpty() && dealsExpiring.isEmpty() && fundsExpiring.isEmpty()
				&& unanswered.isEmpty();
	}

	public record HealthChange(UUID partnerId, String partner, String from, String to, int score) {
	}

	public record PartnerLine(UUID partnerId, String partner, String detail) {
	}

	public record ExpiringDeal(String partner, String reference, String customer, LocalDate protectedUntil) {
	}

	public record ExpiringFunds(String partner, BigDecimal amount) {
	}

	public record Unanswered(String partner, int questions) {
	}

}
