package com.partnerbot.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A survey: its questions, its audience (no tiers and no partners: every partner), its
 * schedule (a Spring cron expression, or null when sent by hand) and the day it closes.
 */
public record Survey(UUID id, String name, SurveyKind kind, String satisfactionQuestion, String recommendQuestion,
		String commentQuestion, List<String> tiers, List<UUID> partnerIds, String schedule, LocalDate closesOn,
		boolean active, String createdBy, Instant createdAt, Instant lastFiredAt) {

	/** Whether answers are still taken on this day. */
	public boolean openOn(LocalDate day) {
		return active && (closesOn == null || !day.isAfter(closesOn));
	}

}
