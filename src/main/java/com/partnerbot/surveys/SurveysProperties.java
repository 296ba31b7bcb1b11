package com.partnerbot.surveys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Survey rules ({@code partnerbot.surveys.*}).
 *
 * @param lowSatisfaction a satisfaction at or below this alerts the channel managers (a
 * detractor, 0-6 of 10, always does)
 * @param remindAfter when people who have not answered are reminded (once)
 * @param microSurveyDays how long a micro-survey stays open
 * @param onboardingAfter how long after a partner joined its people get the onboarding
 * survey
 * @param minResponses how many ratings it takes before a PSAT or NPS is shown (per
 * survey, partner, period or program)
 * @param quietPeriod after any survey, how long a person gets no micro-survey
 * @param joinRoundWithin how recent a campaign's round must be for people who become
 * known later to be invited to it
 */
@ConfigurationProperties("partnerbot.surveys")
record SurveysProperties(@DefaultValue("2") int lowSatisfaction, @DefaultValue("3d") Duration remindAfter,
		@DefaultValue("14") int microSurveyDays, @DefaultValue("30d") Duration onboardingAfter,
		@DefaultValue("3") int minResponses, @DefaultValue("14d") Duration quietPeriod,
		@DefaultValue("30d") Duration joinRoundWithin) {

}
