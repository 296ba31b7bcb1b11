package com.partnerbot.slack.scorecards;

import com.slack.api.bolt.response.Response;

import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/** {@code /partner scorecard}: where the partner stands and the gap to the next tier. */
@Component
@RequiredArgsConstructor
class ScorecardCommand implements PartnerSubcommand {

	private final ScorecardsInSlack scorecardsInSlack;

	@Override
	public String name() {
		return "scorecard";
	}

	@Override
	public int order() {
		return 500;
	}

	@Override
	public Help help() {
		return Help.forEveryone("`/partner scorecard`: where you stand and the gap to the next tier");
	}

	@Override
	public Response handle(PartnerInvocation in) {
		return in.answerLater(() -> scorecardsInSlack.scorecard(in.requester()));
	}

}
