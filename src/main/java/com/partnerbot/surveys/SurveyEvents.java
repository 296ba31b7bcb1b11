package com.partnerbot.surveys;

import java.util.List;

/**
 * What happens in surveys, for the modules that deliver them and alert on them.
 */
public final class SurveyEvents {

	private SurveyEvents() {
	}

	/** People were invited to answer. */
	public record Invited(List<Invitation> invitations) {
	}

	/** People who have not answered are reminded once. */
	public record Reminded(List<Invitation> invitations) {
	}

	/**
	 * A low satisfaction or a detractor: the partner's channel managers hear at once.
	 */
	public record LowScore(Invitation invitation, String partnerName) {
	}

	/**
	 * A campaign round went out to no one: the admins hear it, and who sent it.
	 *
	 * @param sentBy the Slack user who sent it, or "api" or "schedule"
	 */
	public record ReachedNobody(SurveySent sent, String sentBy) {
	}

	/** A comment on an answer that was low, after the alert went out. */
	public record LowScoreComment(Invitation invitation, String partnerName) {
	}

}
