package com.partnerbot.slack.deals;

import com.slack.api.bolt.response.Response;

import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.partners.Requester;
import com.partnerbot.slack.bolt.Messages;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * {@code /partner deals}: the partner's registrations, newest first, with their actions;
 * for staff outside a partner's channel, the registrations waiting for a decision.
 */
@Component
@RequiredArgsConstructor
class DealsCommand implements PartnerSubcommand {

	private final DealHome dealHome;

	@Override
	public String name() {
		return "deals";
	}

	@Override
	public int order() {
		return 300;
	}

	@Override
	public Help help() {
		return Help.forEveryone("`/partner deals`: your deal registrations");
	}

	@Override
	public Response handle(PartnerInvocation in) {
		return in.answerLater(() -> deals(in.requester()));
	}

	private Messages.Reply deals(Requester requester) {
		if (requester instanceof Requester.Staff staff && staff.partner().isEmpty()) {
			return new Messages.Reply(dealHome.queueSummary(), dealHome.queue());
		}
		if (requester.partner().isEmpty()) {
			return Messages.Reply
				.plain("Deals belong to a partner: use `/partner deals` in the partner's shared channel.");
		}
		return new Messages.Reply("Deal registrations of " + requester.partner().get().name(),
				dealHome.partnerDeals(requester.partner().get()));
	}

}
