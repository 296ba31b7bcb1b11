package com.partnerbot.slack;

import java.util.Locale;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

import com.partnerbot.partners.Requester;

import org.springframework.stereotype.Component;

/**
 * {@code /partner <subcommand> [text]}: answers are private to the person who asked.
 */
@Component
class PartnerCommand implements SlackFeature {

	static final String COMMAND = "/partner";

	private final SlackRequesters requesters;

	PartnerCommand(SlackRequesters requesters) {
		this.requesters = requesters;
	}

	@Override
	public void register(App app) {
		app.command(COMMAND, (req, ctx) -> {
			Delivery delivery = CurrentDelivery.require();
			Requester requester = requesters.identify(requesters.identity(delivery, ctx));
			String text = (req.getPayload().getText() != null) ? req.getPayload().getText().strip() : "";
			String sub = text.isEmpty() ? "help" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
			if (requester instanceof Requester.Stranger stranger) {
				return ephemeral(ctx, Messages.refusal(stranger));
			}
			return switch (sub) {
				case "help" -> ephemeral(ctx, Messages.help(requester));
				case "reindex", "survey" -> (requester instanceof Requester.Staff staff && staff.admin())
						? ephemeral(ctx, Messages.Reply.plain("`/partner " + sub + "` is not available yet."))
						: ephemeral(ctx, Messages.Reply.plain("Only program admins can use `/partner " + sub + "`."));
				case "ask", "deal", "deals", "scorecard", "training" -> ephemeral(ctx, Messages.Reply
					.plain("`/partner " + sub + "` is on its way; `/partner help` lists what works today."));
				default ->
					ephemeral(ctx, Messages.Reply.plain("I don't know `/partner " + sub + "`. Try `/partner help`."));
			};
		});
	}

	private static Response ephemeral(SlashCommandContext ctx, Messages.Reply reply) {
		return ctx.ack(r -> r.responseType("ephemeral").text(reply.text()).blocks(reply.blocks()));
	}

}
