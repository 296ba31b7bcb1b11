package com.partnerbot.slack.program;

import com.slack.api.bolt.response.Response;

import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/** {@code /partner program}: the program at a glance, for the program team. */
@Component
@RequiredArgsConstructor
class ProgramCommand implements PartnerSubcommand {

	private final ProgramHome programHome;

	@Override
	public String name() {
		return "program";
	}

	@Override
	public int order() {
		return 1000;
	}

	@Override
	public Help help() {
		return Help
			.forProgramTeam("`/partner program`: the program at a glance, with charts and each partner's health");
	}

	@Override
	public Response handle(PartnerInvocation in) {
		return in.answerLater(() -> programHome.command(in.requester()));
	}

}
