package com.partnerbot.surveys;

/** A campaign is sent to an audience; the others fire after a moment in a partnership. */
public enum SurveyKind {

	CAMPAIGN, AFTER_DEAL_DECISION, AFTER_ONBOARDING

}
