package com.partnerbot.surveys;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PSAT and NPS arithmetic, and the minimum of ratings before a figure is shown.
 */
class SurveyScoreTests {

	private static SurveyScore.Answer rated(Integer satisfaction, Integer recommend) {
		return new SurveyScore.Answer(true, satisfaction, recommend);
	}

	private static final SurveyScore.Answer UNANSWERED = new SurveyScore.Answer(false, null, null);

	@Test
	void psatIsTheAverageSatisfactionAndTheShareOfFoursAndFives() {
		SurveyScore score = SurveyScore.of(List.of(rated(5, null), rated(4, null), rated(4, null), rated(5, null),
				rated(3, null), rated(4, null), rated(5, null), rated(4, null)), 3);
		assertThat(score.psat()).isEqualTo(4.25);
		assertThat(score.satisfiedShare()).isEqualTo(0.875);
		assertThat(score.responses()).isEqualTo(8);
	}

	@Test
	void npsIsPromotersMinusDetractorsInPercentOfThoseWhoRated() {
		// promoters 9, 10, 10; passives 7, 8; detractors 0, 6
		SurveyScore score = SurveyScore.of(List.of(rated(null, 9), rated(null, 10), rated(null, 10), rated(null, 7),
				rated(null, 8), rated(null, 0), rated(null, 6), UNANSWERED), 3);
		assertThat(score.promoters()).isEqualTo(3);
		assertThat(score.passives()).isEqualTo(2);
		assertThat(score.detractors()).isEqualTo(2);
		assertThat(score.nps()).isEqualTo(14.3);
		assertThat(score.responses()).isEqualTo(7);
		// nobody rated satisfaction: no PSAT
		assertThat(score.psat()).isNull();
	}

	@Test
	void npsRunsFromMinusToPlusAHundred() {
		assertThat(SurveyScore.of(List.of(rated(1, 0), rated(1, 6), rated(2, 3)), 3).nps()).isEqualTo(-100.0);
		assertThat(SurveyScore.of(List.of(rated(5, 9), rated(5, 10), rated(5, 10)), 3).nps()).isEqualTo(100.0);
	}

	@Test
	void belowTheMinimumOfRatingsNoFigureIsShown() {
		SurveyScore two = SurveyScore.of(List.of(rated(5, 10), rated(1, 0), UNANSWERED), 3);
		assertThat(two.responses()).isEqualTo(2);
		assertThat(two.psat()).isNull();
		assertThat(two.satisfiedShare()).isNull();
		assertThat(two.nps()).isNull();
		// the counts would give each person's rating away too
		assertThat(two.promoters()).isNull();
		assertThat(two.detractors()).isNull();
		// PSAT and NPS each need their own ratings
		SurveyScore mixed = SurveyScore.of(List.of(rated(4, 9), rated(4, null), rated(5, null)), 3);
		assertThat(mixed.psat()).isEqualTo(4.33);
		assertThat(mixed.nps()).isNull();
	}

	@Test
	void noAnswersIsNoScore() {
		SurveyScore none = SurveyScore.of(List.of(), 1);
		assertThat(none.responses()).isZero();
		assertThat(none.psat()).isNull();
		assertThat(none.nps()).isNull();
	}

}
