package com.partnerbot.slack.answers;

import java.util.UUID;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.Delivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackProperties;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.bolt.SlackWork;
import com.partnerbot.slack.deals.DealIntake;
import com.partnerbot.slack.people.SlackRequesters;
import com.partnerbot.slack.people.SlackThreads;
import com.partnerbot.slack.deals.DealQuestions;
import com.partnerbot.slack.mdf.MdfClaims;
import com.partnerbot.slack.mdf.MdfHome;
import com.partnerbot.slack.mdf.MdfIntake;
import com.partnerbot.slack.program.ProgramHome;
import com.partnerbot.slack.scorecards.ScorecardQuestions;

import lombok.AccessLevel;
import lombok.Getter;
import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * Mentions, direct messages and follow-ups in the bot's threads: acknowledged at once,
 * answered in the thread afterwards.
 */
@Component
@RequiredArgsConstructor
class Conversations implements SlackFeature {

	private static final Logger log = LoggerFactory.getLogger(Conversations.class);

	private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");

	private final SlackRequesters requesters;

	private final SlackThreads threads;

	private final SlackWork work;

	private final SlackReplies replies;

	private final Answers answers;

	private final DealIntake intake;

	private final SlackProperties properties;

	/** Who heard "one moment" lately: once in a while is enough. */
	@Getter(value = AccessLevel.PRIVATE, lazy = true)
	private final Cache<String, Boolean> paused = Caffeine.newBuilder()
		.expireAfterWrite(properties.work().pausedNotice())
		.build();

	private final DealQuestions dealQuestions;

	private final HandOffs handOffs;

	private final AssistantThreads assistantThreads;

	private final MdfIntake mdfIntake;

	private final MdfHome mdfHome;

	private final MdfClaims mdfClaims;

	private final ScorecardQuestions scorecardQuestions;

	private final ProgramHome programHome;

	private final KnowledgeBase knowledge;

	@Override
	public void register(App app) {
		app.event(AppMentionEvent.class, (payload, ctx) -> {
			Delivery delivery = CurrentDelivery.require();
			if (!fromABot(delivery)) {
				question(delivery, requesters.identity(delivery, ctx), "mention");
			}
			return ctx.ack();
		});
		app.event(MessageEvent.class, (payload, ctx) -> {
			Delivery delivery = CurrentDelivery.require();
			if (handOffs.wants(delivery)) {
				SlackIdentity identity = requesters.identity(delivery, ctx);
				work.submit("hand-off answer", () -> handOffs.relay(delivery, identity));
			}
			else if (isForUs(delivery, ctx)) {
				question(delivery, requesters.identity(delivery, ctx), "message");
			}
			return ctx.ack();
		});
	}

	/**
	 * Queues a question in its person's turn; someone with too much waiting hears, at
	 * most once in a while, that it will be a moment.
	 */
	private void question(Delivery delivery, SlackIdentity identity, String what) {
		if (identity.channelId() == null || identity.userId() == null) {
			// nowhere to answer, or no one to answer
			return;
		}
		if (work.submit(what, identity.userId(), identity.userTeamId(), () -> converse(delivery, identity))) {
			return;
		}
		if (identity.userId() != null && getPaused().asMap().putIfAbsent(identity.userId(), Boolean.TRUE) == null) {
			work.submit("one moment", () -> replies.privately(identity.channelId(), identity.userId(),
					Messages.Reply.plain(Messages.ONE_MOMENT)));
		}
	}

	/** Bots, ours or anyone's, are never answered: two bots could talk forever. */
	private static boolean fromABot(Delivery delivery) {
		return delivery.text("event.bot_id").isPresent() || delivery.text("event.bot_profile.id").isPresent()
				|| delivery.text("event.subtype").filter("bot_message"::equals).isPresent();
	}

	/**
	 * Direct messages are for us; in channels, only follow-ups in our threads that do not
	 * mention us (a mention arrives as its own app_mention event).
	 */
	private boolean isForUs(Delivery delivery, Context ctx) {
		if (fromABot(delivery) || delivery.text("event.subtype").isPresent()) {
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

	/**
	 * A channel that is neither a direct message nor the asker's partner's own shared
	 * channel (a staff member counts as the channel's partner) may have people of other
	 * partners in it.
	 */
	private boolean mixedAudience(Delivery delivery, Requester requester, String channel) {
		boolean direct = delivery.text("event.channel_type").filter("im"::equals).isPresent()
				|| (channel != null && channel.startsWith("D"));
		if (direct) {
			return false;
		}
		return switch (requester) {
			case Requester.PartnerPerson person ->
				requesters.channelOwner(channel).map(owner -> !owner.id().equals(person.own().id())).orElse(true);
			case Requester.Staff staff ->
				staff.partner().isEmpty() && delivery.text("is_ext_shared_channel").filter("true"::equals).isPresent();
			case Requester.Stranger stranger -> true;
		};
	}

	private void converse(Delivery delivery, SlackIdentity identity) {
		String channel = identity.channelId();
		String threadTs = delivery.first("event.thread_ts", "event.ts").orElse(null);
		String text = MENTION.matcher(delivery.text("event.text").orElse("")).replaceAll("").strip();
		Requester requester = requesters.identify(identity);
		String key = channel + ":" + threadTs;
		if (requester instanceof Requester.Stranger stranger && SlackRequesters.BOT.equals(stranger.reason())) {
			return;
		}
		if (requester instanceof Requester.Stranger stranger) {
			replies.post(channel, threadTs, Messages.refusal(stranger));
			return;
		}
		// before the reply: an answer to it may come back faster than this thread would
		// record it
		if (threadTs != null) {
			UUID partnerId = requester.partner().map(Partner::id).orElse(null);
			threads.remember(channel, threadTs, partnerId, identity.userId());
		}
		// the bot's assistant thread: a thread in its direct messages
		boolean assistantThread = delivery.text("event.channel_type").filter("im"::equals).isPresent()
				&& delivery.text("event.thread_ts").isPresent();
		assistantThreads.reply(channel, threadTs, assistantThread, () -> {
			// "what's Acme's MDF balance?" from another partner: its own figures, and
			// told so
			String own = OtherCompanies.asOwn(requester, text, knowledge::uses);
			boolean otherCompany = OtherCompanies.named(requester, text, knowledge::uses);
			Route.Asked asked = new Route.Asked(channel.startsWith("D") && programHome.asked(requester, text),
					intake.asksToRegister(text), mdfIntake.asksForFunds(text), mdfClaims.saysAClaim(requester, text),
					mdfHome.wants(own), scorecardQuestions.wants(own), dealQuestions.wants(own));
			// the thread's drafts and the request waiting for its claim, each read once
			Route.Thread thread = new Route.Thread(intake.drafting(key), mdfIntake.drafting(key),
					mdfClaims.wants(requester, text, key));
			return switch (Route.of(mixedAudience(delivery, requester, channel), asked, thread)) {
				case PROGRAM -> programHome.answer(requester, text);
				case PRIVATE_ELSEWHERE -> Messages.Reply.plain(Messages.PRIVATE_ELSEWHERE);
				case FOR_EVERYONE -> answers.replyForEveryone(requester, text, key);
				case WHERE_TO_CLAIM -> mdfClaims.whereToClaim(requester);
				case MDF_BALANCE -> ownOnly(otherCompany, mdfHome.balance(requester));
				case CLAIM -> mdfClaims.describe(requester, text, key);
				case DEAL -> intake.describe(requester, text, key);
				case MDF_REQUEST -> mdfIntake.describe(requester, text, key);
				case SCORECARD -> ownOnly(otherCompany, scorecardQuestions.answer(requester, own));
				case DEAL_QUESTION -> ownOnly(otherCompany, dealQuestions.answer(requester, own, key));
				case ANSWER -> answers.reply(requester, text, key);
			};
		});
	}

	private static Messages.Reply ownOnly(boolean otherCompany, Messages.Reply reply) {
		return otherCompany ? OtherCompanies.ownOnly(reply) : reply;
	}

}
