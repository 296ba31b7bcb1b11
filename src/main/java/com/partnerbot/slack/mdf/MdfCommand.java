package com.partnerbot.slack.mdf;

import com.slack.api.bolt.response.Response;

import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;
import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * {@code /partner mdf}: the partner's market development funds; {@code /partner mdf
 * request [text]} asks for some (no text opens the form, before the acknowledgement while
 * the trigger is fresh).
 */
@Component
@RequiredArgsConstructor
class MdfCommand implements PartnerSubcommand {

	private final MdfIntake mdfIntake;

	private final MdfHome mdfHome;

	@Override
	public String name() {
		return "mdf";
	}

	@Override
	public int order() {
		return 400;
	}

	@Override
	public Help help() {
		return Help.forEveryone(
				"`/partner mdf`: your market development funds; `/partner mdf request <activity, date, cost>` asks for some");
	}

	@Override
	public Response handle(PartnerInvocation in) {
		if (!in.rest().toLowerCase(Locale.ROOT).matches("request\\b.*")) {
			return in.answerLater(() -> mdfHome.balance(in.requester()));
		}
		String request = in.rest().substring("request".length()).strip();
		if (request.isEmpty()) {
			mdfIntake.command(in.requester(), "", in.channel(), in.user(), in.triggerId());
			return in.ack();
		}
		return in.later(() -> mdfIntake.command(in.requester(), request, in.channel(), in.user(), in.triggerId()));
	}

}
