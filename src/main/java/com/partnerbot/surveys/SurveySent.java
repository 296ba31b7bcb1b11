package com.partnerbot.surveys;

import java.util.List;

/**
 * A campaign round that went out.
 *
 * @param survey the campaign
 * @param invitations who was invited now
 * @param waitingFor the partners of its audience with no one the bot knows yet; their
 * people are invited as they become known while the campaign is open
 */
public record SurveySent(Survey survey, List<Invitation> invitations, List<String> waitingFor) {

	/** What an admin should know when the round reached no one, else null. */
	public String notice() {
		if (!invitations.isEmpty()) {
			return null;
		}
		return "'" + survey.name() + "' reached no one: the bot knows no one of "
				+ (waitingFor.isEmpty() ? "its audience" : String.join(", ", waitingFor))
				+ " yet (a new partner's people are read from its shared channels after it is registered). "
				+ "They are invited as they become known, while the survey is open.";
	}

}
