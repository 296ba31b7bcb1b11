package com.partnerbot.slack;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.slack.api.bolt.App;

import com.partnerbot.partners.Requester;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.Delivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.PartnerInvocation;
import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.bolt.SlackWork;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.slack.people.SlackRequesters;

import org.springframework.stereotype.Component;

/**
 * {@code /partner <subcommand> [text]}: refuses strangers, then hands the command to the
 * feature's {@link PartnerSubcommand} of that name (no text is {@code help}). Answers are
 * private to the person who asked.
 */
@Component
class PartnerCommand implements SlackFeature {

	static final String COMMAND = "/partner";

	private final SlackRequesters requesters;

	private final SlackWork work;

	private final SlackReplies replies;

	private final Map<String, PartnerSubcommand> subcommands;

	PartnerCommand(SlackRequesters requesters, SlackWork work, SlackReplies replies,
			List<PartnerSubcommand> subcommands) {
		this.requesters = requesters;
		this.work = work;
		this.replies = replies;
		this.subcommands = subcommands.stream()
			.collect(Collectors.toUnmodifiableMap(PartnerSubcommand::name, Function.identity()));
	}

	@Override
	public void register(App app) {
		app.command(COMMAND, (req, ctx) -> {
			Delivery delivery = CurrentDelivery.require();
			SlackIdentity identity = requesters.identity(delivery, ctx);
			Requester requester = requesters.identify(identity);
			String text = (req.getPayload().getText() != null) ? req.getPayload().getText().strip() : "";
			String[] words = text.split("\\s+", 2);
			String sub = text.isEmpty() ? "help" : words[0].toLowerCase(Locale.ROOT);
			String rest = (words.length > 1) ? words[1].strip() : "";
			PartnerInvocation invocation = new PartnerInvocation(sub, requester, rest, req.getPayload().getChannelId(),
					req.getPayload().getUserId(), identity.userTeamId(), req.getPayload().getTriggerId(), ctx, work,
					replies);
			if (requester instanceof Requester.Stranger stranger) {
				return invocation.answer(Messages.refusal(stranger));
			}
			PartnerSubcommand subcommand = subcommands.get(sub);
			if (subcommand == null) {
				return invocation.answer("I don't know `/partner " + Messages.escape(sub) + "`. Try `/partner help`.");
			}
			return subcommand.handle(invocation);
		});
	}

}
