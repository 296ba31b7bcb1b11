package com.partnerbot.slack.answers;

import com.slack.api.bolt.response.Response;

import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.slack.bolt.Messages;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/** {@code /partner ask <question>}: an answer from the enablement library, privately. */
@Component
@RequiredArgsConstructor
class AskCommand implements PartnerSubcommand {

	private final Answers answers;

	@Override
	public String name() {
		return "ask";
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public Help help() {
		return Help
			.forEveryone("`/partner ask <question>` or mention me: answers from the enablement library, with sources");
	}

	@Override
	public Response handle(PartnerInvocation in) {
		if (in.rest().isEmpty()) {
			return in
				.answer("Ask me something, e.g. `/partner ask what is the protection period of a registered deal?`");
		}
		boolean taken = in.work()
			.submit(name(), in.user(), in.team(),
					() -> in.replies()
						.privately(in.channel(), in.user(),
								answers.reply(in.requester(), in.rest(), "command:" + in.channel() + ":" + in.user())));
		return taken ? in.ack() : in.answer(Messages.ONE_MOMENT);
	}

}
