package com.partnerbot.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a campaign is created from; questions left out get the standard wording.
 */
public record NewSurvey(String name, List<String> tiers, List<UUID> partnerIds, LocalDate closesOn, String schedule,
		String satisfactionQuestion, String recommendQuestion, String commentQuestion) {

	public static final String SATISFACTION = "How satisfied are you with our partner program?";

	public static final String RECOMMEND = "How likely are you to recommend our partner program to a peer?";

	public static final String COMMENT = "What is one thing we could do better for you?";

}
