package com.partnerbot.slack.surveys;

import com.slack.api.bolt.response.Response;

import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;
import java.util.Locale;

import com.partnerbot.slack.bolt.Messages;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/** {@code /partner survey ...}: admins list, create, send and read PSAT surveys. */
@Component
@RequiredArgsConstructor
class SurveyCommand implements PartnerSubcommand {

	private final SurveysInSlack surveysInSlack;

	@Override
	public String name() {
		return "survey";
	}

	@Override
	public int order() {
		return 1200;
	}

	@Override
	public Help help() {
		return Help.forAdmins("`/partner survey` lists, creates, sends and shows the results of PSAT surveys");
	}

	@Override
	public Response handle(PartnerInvocation in) {
		if (in.rest().toLowerCase(Locale.ROOT).matches("(new|create)\\b.*")) {
			// the form opens before the acknowledgement, while the trigger is fresh
			Messages.Reply trouble = surveysInSlack.command(in.requester(), in.rest(), in.channel(), in.triggerId());
			return (trouble != null) ? in.answer(trouble) : in.ack();
		}
		return in.answerLater(() -> surveysInSlack.command(in.requester(), in.rest(), in.channel(), null));
	}

}
