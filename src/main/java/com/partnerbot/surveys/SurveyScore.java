package com.partnerbot.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * PSAT and NPS of some answers: plain arithmetic. Below {@code minResponses} ratings a
 * figure is not shown (null), since one or two people's ratings are theirs, not a score.
 *
 * @param responses people who answered at least one question
 * @param psat the average satisfaction (1-5), to two places
 * @param satisfiedShare the share of satisfaction ratings of 4 or 5, 0-1
 * @param nps promoters (9-10) minus detractors (0-6), in percent of those who rated
 * @param promoters null with the NPS
 * @param passives null with the NPS
 * @param detractors null with the NPS
 */
record SurveyScore(int responses, Double psat, Double satisfiedShare, Double nps, Integer promoters, Integer passives,
		Integer detractors) {

	/** The lowest likelihood to recommend that makes a promoter. */
	static final int PROMOTER_MIN = 9;

	/** The lowest satisfaction counted as satisfied. */
	static final int SATISFIED_MIN = 4;

	/** One person's answers; null where they did not rate. */
	record Answer(boolean answered, Integer satisfaction, Integer recommend) {
	}

	static SurveyScore of(List<Answer> answers, int minResponses) {
		int responses = (int) answers.stream().filter(Answer::answered).count();
		List<Integer> satisfaction = answers.stream().map(Answer::satisfaction).filter(Objects::nonNull).toList();
		List<Integer> recommend = answers.stream().map(Answer::recommend).filter(Objects::nonNull).toList();
		Double psat = null;
		Double satisfied = null;
		if (!satisfaction.isEmpty() && satisfaction.size() >= minResponses) {
			psat = round(satisfaction.stream().mapToInt(Integer::intValue).average().orElseThrow(), 2);
			satisfied = round(
					(double) satisfaction.stream().filter(s -> s >= SATISFIED_MIN).count() / satisfaction.size(), 3);
		}
		if (recommend.isEmpty() || recommend.size() < minResponses) {
			return new SurveyScore(responses, psat, satisfied, null, null, null, null);
		}
		int promoters = (int) recommend.stream().filter(r -> r >= PROMOTER_MIN).count();
		int detractors = (int) recommend.stream().filter(r -> r <= Invitation.DETRACTOR_MAX).count();
		double nps = round(100.0 * (promoters - detractors) / recommend.size(), 1);
		return new SurveyScore(responses, psat, satisfied, nps, promoters, recommend.size() - promoters - detractors,
				detractors);
	}

	static double round(double value, int places) {
		return new BigDecimal(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
	}

}
