package com.partnerbot.slack.answers;

import com.slack.api.bolt.response.Response;

import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.partners.Requester;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/** {@code /partner reindex}: admins rebuild the enablement index. */
@Component
@RequiredArgsConstructor
class ReindexCommand implements PartnerSubcommand {

	private final Reindexing reindexing;

	@Override
	public String name() {
		return "reindex";
	}

	@Override
	public int order() {
		return 1100;
	}

	@Override
	public Help help() {
		return Help.forAdmins("`/partner reindex` rebuilds the enablement index");
	}

	@Override
	public Response handle(PartnerInvocation in) {
		if (!(in.requester() instanceof Requester.Staff staff && staff.admin())) {
			return in.answer("Only program admins can use `/partner reindex`.");
		}
		in.later(() -> reindexing.run(in.channel(), in.user()));
		return in
			.answer(Reindexing.isDirect(in.channel()) ? "Reindexing the enablement library; I'll post progress here."
					: "Reindexing the enablement library; I'll post progress in our direct messages.");
	}

}
