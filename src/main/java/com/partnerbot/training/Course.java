package com.partnerbot.training;

import java.util.List;

/**
 * A course of the Northwind Academy catalogue.
 *
 * @param code its stable identifier, e.g. {@code csp-exam}
 * @param title its title as the academy shows it
 * @param description what it teaches, in a sentence or two
 * @param skills the skills it teaches, as short phrases
 * @param certification the certification that completing it earns (only exams do), or
 * {@code null}
 * @param role who it is for: {@code sales}, {@code engineer} or {@code any}
 * @param durationMinutes how long it takes
 * @param link where to take it
 * @param tiers the tiers it matters most for, as
 * {@link com.partnerbot.partners.Tier#label() labels} such as {@code Gold}; empty when it
 * matters for every tier
 */
public record Course(String code, String title, String description, List<String> skills, String certification,
		String role, int durationMinutes, String link, List<String> tiers) {

	public Course {
		skills = (skills != null) ? List.copyOf(skills) : List.of();
		tiers = (tiers != null) ? List.copyOf(tiers) : List.of();
	}

}
