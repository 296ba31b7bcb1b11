package com.partnerbot.slack.crm;

import com.slack.api.bolt.response.Response;

import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/** {@code /partner crm ...}: admins see and run the CRM sync. */
@Component
@RequiredArgsConstructor
class CrmCommand implements PartnerSubcommand {

	private final CrmInSlack crmInSlack;

	@Override
	public String name() {
		return "crm";
	}

	@Override
	public int order() {
		return 1300;
	}

	@Override
	public Help help() {
		return Help.forAdmins("`/partner crm` shows the CRM sync");
	}

	@Override
	public Response handle(PartnerInvocation in) {
		return in.answerLater(() -> crmInSlack.command(in.requester(), in.rest()));
	}

}
