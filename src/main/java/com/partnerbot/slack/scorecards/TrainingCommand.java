package com.partnerbot.slack.scorecards;

import com.slack.api.bolt.response.Response;

import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * {@code /partner training}: courses and certifications that close the partner's gaps.
 */
@Component
@RequiredArgsConstructor
class TrainingCommand implements PartnerSubcommand {

	private final ScorecardsInSlack scorecardsInSlack;

	@Override
	public String name() {
		return "training";
	}

	@Override
	public int order() {
		return 600;
	}

	@Override
	public Help help() {
		return Help.forEveryone("`/partner training`: courses and certifications that close your gaps");
	}

	@Override
	public Response handle(PartnerInvocation in) {
		return in.answerLater(() -> scorecardsInSlack.training(in.requester()));
	}

}
