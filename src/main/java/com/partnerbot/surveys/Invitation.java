package com.partnerbot.surveys;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One person asked to answer one survey (in one round, or about one moment), with what
 * they answered so far.
 */
public record Invitation(UUID id, UUID surveyId, String surveyName, String satisfactionQuestion,
		String recommendQuestion, String commentQuestion, UUID partnerId, String slackUserId, LocalDate closesOn,
		Integer satisfaction, Integer recommend, String comment) {

	/** Whether nothing is answered yet. */
	public boolean unanswered() {
		return satisfaction == null && recommend == null && comment == null;
	}

}
