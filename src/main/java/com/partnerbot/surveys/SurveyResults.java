package com.partnerbot.surveys;

import java.util.List;
import java.util.UUID;

/**
 * PSAT (the average satisfaction, 1-5) and NPS (promoters minus detractors, in percent of
 * those who rated, -100 to 100) of a survey or of the whole program.
 *
 * @param surveyId the survey, null for the whole program
 * @param invited people asked
 * @param responses people who answered at least one question
 * @param responseRate responses per invitation, 0-1
 * @param psat average satisfaction, null below {@code minResponses} ratings
 * @param satisfiedShare the share rating 4 or 5, 0-1
 * @param nps the net promoter score, null below {@code minResponses} ratings
 * @param promoters null with the NPS, and so are passives and detractors
 * @param partners the same per partner
 * @param trend the same per round (a campaign) or per month (the program, micro-surveys)
 * @param comments the comments, newest first
 * @param minResponses how many ratings it takes before a figure is shown
 */
public record SurveyResults(UUID surveyId, String name, int invited, int responses, Double responseRate, Double psat,
		Double satisfiedShare, Double nps, Integer promoters, Integer passives, Integer detractors,
		List<PartnerResult> partners, List<TrendPoint> trend, List<Comment> comments, int minResponses) {

	public record PartnerResult(UUID partnerId, String partnerName, int invited, int responses, Double psat,
			Double nps) {
	}

	public record TrendPoint(String period, int responses, Double psat, Double nps) {
	}

	public record Comment(UUID partnerId, String partnerName, Integer satisfaction, Integer recommend, String text,
			String answeredAt) {
	}

}
