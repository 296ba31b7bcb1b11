package com.partnerbot.slack.surveys;

import java.util.Locale;

import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.slack.bolt.PartnerSubcommand.Help;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /partner survey ...}: admins list, create, send and read PSAT surveys. */
@Configuration(proxyBeanMethods = false)
class SurveyCommands {

	@Bean
	PartnerSubcommand surveyCommand(SurveysInSlack surveysInSlack) {
		return new PartnerSubcommand(Help.forAdmins("survey", 1200,
				"`/partner survey` lists, creates, sends and shows the results of PSAT surveys"), in -> {
					if (in.rest().toLowerCase(Locale.ROOT).matches("(new|create)\\b.*")) {
						// the form opens before the acknowledgement, while the trigger is
						// fresh
						Messages.Reply trouble = surveysInSlack.command(in.requester(), in.rest(), in.channel(),
								in.triggerId());
						return (trouble != null) ? in.answer(trouble) : in.ack();
					}
					return in.answerLater(() -> surveysInSlack.command(in.requester(), in.rest(), in.channel(), null));
				});
	}

}
