package com.partnerbot.slack.bolt;

import java.util.function.Supplier;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

import com.partnerbot.partners.Requester;

/**
 * One {@code /partner <name> [rest]} as a subcommand receives it, with the ways to
 * acknowledge it.
 *
 * @param name the subcommand, also the name of the work it queues
 * @param requester who asked (never a stranger: those are refused before)
 * @param rest the text after the subcommand, stripped
 * @param channel where it was asked
 * @param user the Slack user who asked
 * @param team the asker's Slack team
 * @param triggerId Slack's trigger, for a modal opened before the acknowledgement
 */
public record PartnerInvocation(String name, Requester requester, String rest, String channel, String user, String team,
		String triggerId, SlashCommandContext ctx, SlackWork work, SlackReplies replies) {

	/** The empty acknowledgement. */
	public Response ack() {
		return ctx.ack();
	}

	/** Answers at once, visible only to the asker. */
	public Response answer(Messages.Reply reply) {
		return ctx.ack(r -> r.responseType("ephemeral").text(reply.text()).blocks(reply.blocks()));
	}

	/** Answers at once with plain text, visible only to the asker. */
	public Response answer(String text) {
		return answer(Messages.Reply.plain(text));
	}

	/** Acknowledges now and runs the task on the work queue. */
	public Response later(Runnable task) {
		work.submit(name, task);
		return ctx.ack();
	}

	/** Acknowledges now and answers the asker privately once the reply is made. */
	public Response answerLater(Supplier<Messages.Reply> reply) {
		return later(() -> replies.privately(channel, user, reply.get()));
	}

}
