package com.partnerbot.slack.deals;

import com.slack.api.bolt.response.Response;

import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * {@code /partner deal [text]}: registers a deal from the text, or opens the blank form
 * (before the acknowledgement, while the trigger is fresh).
 */
@Component
@RequiredArgsConstructor
class DealCommand implements PartnerSubcommand {

	private final DealIntake intake;

	@Override
	public String name() {
		return "deal";
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public Help help() {
		return Help.forEveryone(
				"`/partner deal <customer, domain, products, amount, close date>`: register a deal (no text opens the form)");
	}

	@Override
	public Response handle(PartnerInvocation in) {
		if (in.rest().isEmpty()) {
			intake.openBlankForm(in.requester(), in.channel(), in.user(), in.triggerId());
			return in.ack();
		}
		return in.later(() -> intake.command(in.requester(), in.rest(), in.channel(), in.user(), in.triggerId()));
	}

}
