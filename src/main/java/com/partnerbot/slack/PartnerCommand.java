package com.partnerbot.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

import com.partnerbot.partners.Requester;
import com.partnerbot.slack.answers.Answers;
import com.partnerbot.slack.answers.Reindexing;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.Delivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.bolt.SlackWork;
import com.partnerbot.slack.crm.CrmInSlack;
import com.partnerbot.slack.deals.DealBlocks;
import com.partnerbot.slack.deals.DealIntake;
import com.partnerbot.slack.people.SlackRequesters;
import com.partnerbot.slack.program.ProgramHome;
import com.partnerbot.slack.scorecards.ScorecardsInSlack;
import com.partnerbot.slack.surveys.SurveysInSlack;
import com.partnerbot.slack.bolt.SlackApi;
import com.partnerbot.slack.deals.DealHome;
import com.partnerbot.slack.mdf.MdfHome;
import com.partnerbot.slack.mdf.MdfIntake;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * {@code /partner <subcommand> [text]}: acknowledged at once; answers are private to the
 * person who asked.
 */
@Component
@RequiredArgsConstructor
class PartnerCommand implements SlackFeature {

	static final String COMMAND = "/partner";

	private final SlackRequesters requesters;

	private final SlackWork work;

	private final Answers answers;

	private final SlackReplies replies;

	private final Reindexing reindexing;

	private final DealIntake intake;

	private final DealHome dealHome;

	private final ScorecardsInSlack scorecardsInSlack;

	private final SurveysInSlack surveysInSlack;

	private final CrmInSlack crmInSlack;

	private final ProgramHome programHome;

	private final MdfIntake mdfIntake;

	private final MdfHome mdfHome;

	@Override
	public void register(App app) {
		app.command(COMMAND, (req, ctx) -> {
			Delivery delivery = CurrentDelivery.require();
			Requester requester = requesters.identify(requesters.identity(delivery, ctx));
			String text = (req.getPayload().getText() != null) ? req.getPayload().getText().strip() : "";
			String[] words = text.split("\\s+", 2);
			String sub = text.isEmpty() ? "help" : words[0].toLowerCase(Locale.ROOT);
			String rest = (words.length > 1) ? words[1].strip() : "";
			String channel = req.getPayload().getChannelId();
			String user = req.getPayload().getUserId();
			if (requester instanceof Requester.Stranger stranger) {
				return ephemeral(ctx, Messages.refusal(stranger));
			}
			return switch (sub) {
				case "help" -> ephemeral(ctx, Messages.help(requester));
				case "ask" -> {
					if (rest.isEmpty()) {
						yield ephemeral(ctx, Messages.Reply.plain(
								"Ask me something, e.g. `/partner ask what is the protection period of a registered deal?`"));
					}
					boolean taken = work.submit("ask", user, requesters.identity(delivery, ctx).userTeamId(),
							() -> replies.privately(channel, user,
									answers.reply(requester, rest, "command:" + channel + ":" + user)));
					yield taken ? ctx.ack() : ephemeral(ctx, Messages.Reply.plain(Messages.ONE_MOMENT));
				}
				case "reindex" -> {
					if (!(requester instanceof Requester.Staff staff && staff.admin())) {
						yield ephemeral(ctx, Messages.Reply.plain("Only program admins can use `/partner reindex`."));
					}
					work.submit("reindex", () -> reindexing.run(channel, user));
					yield ephemeral(ctx,
							Messages.Reply.plain(Reindexing.isDirect(channel)
									? "Reindexing the enablement library; I'll post progress here."
									: "Reindexing the enablement library; I'll post progress in our direct messages."));
				}
				case "survey" -> {
					if (rest.toLowerCase(Locale.ROOT).matches("(new|create)\\b.*")) {
						// the form opens before the acknowledgement, while the trigger is
						// fresh
						Messages.Reply trouble = surveysInSlack.command(requester, rest, channel,
								req.getPayload().getTriggerId());
						yield (trouble != null) ? ephemeral(ctx, trouble) : ctx.ack();
					}
					work.submit("survey", () -> replies.privately(channel, user,
							surveysInSlack.command(requester, rest, channel, null)));
					yield ctx.ack();
				}
				case "deal" -> {
					String trigger = req.getPayload().getTriggerId();
					if (rest.isEmpty()) {
						intake.openBlankForm(requester, channel, user, trigger);
					}
					else {
						work.submit("deal", () -> intake.command(requester, rest, channel, user, trigger));
					}
					yield ctx.ack();
				}
				case "deals" -> {
					work.submit("deals", () -> replies.privately(channel, user, deals(requester)));
					yield ctx.ack();
				}
				case "scorecard" -> {
					work.submit("scorecard",
							() -> replies.privately(channel, user, scorecardsInSlack.scorecard(requester)));
					yield ctx.ack();
				}
				case "mdf" -> {
					if (rest.toLowerCase(Locale.ROOT).matches("request\\b.*")) {
						String request = rest.substring("request".length()).strip();
						String trigger = req.getPayload().getTriggerId();
						if (request.isEmpty()) {
							// the form opens before the acknowledgement, while the
							// trigger is fresh
							mdfIntake.command(requester, "", channel, user, trigger);
						}
						else {
							work.submit("mdf", () -> mdfIntake.command(requester, request, channel, user, trigger));
						}
						yield ctx.ack();
					}
					work.submit("mdf", () -> replies.privately(channel, user, mdfHome.balance(requester)));
					yield ctx.ack();
				}
				case "crm" -> {
					work.submit("crm", () -> replies.privately(channel, user, crmInSlack.command(requester, rest)));
					yield ctx.ack();
				}
				case "program" -> {
					work.submit("program", () -> replies.privately(channel, user, programHome.command(requester)));
					yield ctx.ack();
				}
				case "training" -> {
					work.submit("training",
							() -> replies.privately(channel, user, scorecardsInSlack.training(requester)));
					yield ctx.ack();
				}
				default -> ephemeral(ctx, Messages.Reply
					.plain("I don't know `/partner " + Messages.escape(sub) + "`. Try `/partner help`."));
			};
		});
	}

	/**
	 * The partner's registrations, newest first, with their actions; for staff outside a
	 * partner's channel, the registrations waiting for a decision.
	 */
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

	private static Response ephemeral(SlashCommandContext ctx, Messages.Reply reply) {
		return ctx.ack(r -> r.responseType("ephemeral").text(reply.text()).blocks(reply.blocks()));
	}

}
