package com.partnerbot.surveys;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One person asked to answer one survey (in one round, or about one moment), with what
 * they answered so far.
 *
 * @param about what a micro-survey asks about, in words its person recognises (e.g. a
 * deal's reference and customer); null for a campaign
 */
public record Invitation(UUID id, UUID surveyId, String surveyName, String satisfactionQuestion,
		String recommendQuestion, String commentQuestion, UUID partnerId, String slackUserId, LocalDate closesOn,
		Integer satisfaction, Integer recommend, String comment, String about) {

	/** The highest likelihood to recommend that makes a detractor (NPS). */
	public static final int DETRACTOR_MAX = 6;

	/** Whether the likelihood to recommend makes this person a detractor. */
	public boolean detractor() {
		return recommend != null && recommend <= DETRACTOR_MAX;
	}

}
