package com.partnerbot.slack;

import java.util.UUID;
import java.util.regex.Pattern;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;

import org.springframework.stereotype.Component;

/**
 * Mentions, direct messages and follow-ups in the bot's threads: acknowledged at once,
 * answered in the thread afterwards.
 */
@Component
class Conversations implements SlackFeature {

	private static final Logger log = LoggerFactory.getLogger(Conversations.class);

	private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");

	private final SlackRequesters requesters;

	private final SlackThreads threads;

	private final SlackWork work;

	private final SlackReplies replies;

	private final Answers answers;

	private final DealIntake intake;

	Conversations(SlackRequesters requesters, SlackThreads threads, SlackWork work, SlackReplies replies,
			Answers answers, DealIntake intake) {
		this.requesters = requesters;
		this.threads = threads;
		this.work = work;
		this.replies = replies;
		this.answers = answers;
		this.intake = intake;
	}

	@Override
	public void register(App app) {
		app.event(AppMentionEvent.class, (payload, ctx) -> {
			Delivery delivery = CurrentDelivery.require();
			SlackIdentity identity = requesters.identity(delivery, ctx);
			work.submit("mention", () -> converse(delivery, identity));
			return ctx.ack();
		});
		app.event(MessageEvent.class, (payload, ctx) -> {
			Delivery delivery = CurrentDelivery.require();
			if (isForUs(delivery, ctx)) {
				SlackIdentity identity = requesters.identity(delivery, ctx);
				work.submit("message", () -> converse(delivery, identity));
			}
			return ctx.ack();
		});
	}

	/**
	 * Direct messages are for us; in channels, only follow-ups in our threads that do not
	 * mention us (a mention arrives as its own app_mention event).
	 */
	private boolean isForUs(Delivery delivery, Context ctx) {
		if (delivery.text("event.bot_id").isPresent() || delivery.text("event.subtype").isPresent()) {
			return false;
		}
		if (delivery.text("event.channel_type").filter("im"::equals).isPresent()) {
			return true;
		}
		String text = delivery.text("event.text").orElse("");
		String botUser = (ctx.getBotUserId() != null) ? ctx.getBotUserId()
				: delivery.text("authorizations.0.user_id").orElse("");
		if (!botUser.isEmpty() && text.contains("<@" + botUser)) {
			return false;
		}
		return delivery.text("event.thread_ts")
			.map(thread -> threads.known(delivery.text("event.channel").orElse(""), thread))
			.orElse(false);
	}

	private void converse(Delivery delivery, SlackIdentity identity) {
		String channel = identity.channelId();
		String threadTs = delivery.first("event.thread_ts", "event.ts").orElse(null);
		String text = MENTION.matcher(delivery.text("event.text").orElse("")).replaceAll("").strip();
		Requester requester = requesters.identify(identity);
		Messages.Reply reply = switch (requester) {
			case Requester.Stranger stranger -> Messages.refusal(stranger);
			default -> intake.wants(text, channel + ":" + threadTs)
					? intake.describe(requester, text, channel + ":" + threadTs)
					: answers.reply(requester, text, channel + ":" + threadTs);
		};
		if (!(requester instanceof Requester.Stranger) && threadTs != null) {
			// before the reply: an answer to it may come back faster than this thread
			// would record it
			UUID partnerId = requester.partner().map(Partner::id).orElse(null);
			threads.remember(channel, threadTs, partnerId, identity.userId());
		}
		replies.post(channel, threadTs, reply);
	}

}
