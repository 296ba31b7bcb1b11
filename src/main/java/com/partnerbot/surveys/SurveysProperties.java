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
 */
@ConfigurationProperties("partnerbot.surveys")
record SurveysProperties(@DefaultValue("2") int lowSatisfaction, @DefaultValue("3d") Duration remindAfter,
		@DefaultValue("14") int microSurveyDays, @DefaultValue("30d") Duration onboardingAfter) {

}
