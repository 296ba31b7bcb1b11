package com.partnerbot.slack.answers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.assistant.Answering;
import com.partnerbot.assistant.AskedQuestion;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.slack.bolt.BotProperties;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.Delivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackApi;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackPayloads;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.bolt.SlackWork;
import com.partnerbot.slack.outbox.Outbound;
import com.partnerbot.slack.outbox.SlackOutbox;
import com.partnerbot.slack.people.SlackRequesters;

import lombok.RequiredArgsConstructor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The hand-off loop: a question handed to the channel managers (and, when the library had
 * no answer, to its content owner) is claimed from its alert, the claimer's replies in
 * the alert's thread reach the partner where they asked (a channel's thread, a direct
 * message, or privately for {@code /partner ask}), and new content that answers a
 * question is told to its asker.
 */
@Component
@RequiredArgsConstructor
class HandOffs implements SlackFeature {

	static final String CLAIM = "hand_off_claim";

	private static final Logger log = LoggerFactory.getLogger(HandOffs.class);

	private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

	private static final Pattern LABELLED_LINK = Pattern.compile("<(https?://[^|>]+)\\|([^>]+)>");

	private static final Pattern LINK = Pattern.compile("<(https?://[^>]+)>");

	private static final Pattern MARKUP = Pattern.compile("<[^>]*>");

	private final SlackRequesters requesters;

	private final Answering answering;

	private final SlackReplies replies;

	private final SlackWork work;

	private final SlackOutbox outbox;

	private final SlackApi api;

	private final BotProperties properties;

	@Override
	public void register(App app) {
		app.blockAction(CLAIM, (req, ctx) -> {
			SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
			var payload = req.getPayload();
			String value = payload.getActions().get(0).getValue();
			String channel = payload.getContainer().getChannelId();
			String ts = payload.getContainer().getMessageTs();
			String text = (payload.getMessage() != null) ? payload.getMessage().getText() : null;
			work.submit("claim", () -> claim(value, identity, channel, ts, text));
			return ctx.ack();
		});
	}

	/**
	 * The alert for a handed-off question: who asked, where (a direct message is named as
	 * one, never linked as a channel nobody else can open), the content owner when the
	 * library had no answer, and a button to claim it.
	 */
	void alert(AskedQuestion question, String asker, String partner) {
		String owner = (question.handedTo() != null) ? "\nThe library has no answer to this; for its content owner, "
				+ ownerMention(question.handedTo()) + ": please add it, and I'll tell the asker when it's there." : "";
		String text = ":raising_hand: Question for a channel manager from <@" + asker + "> of " + partner + " "
				+ where(question.conversationId()) + ":\n> "
				+ Messages.escape(question.question()).replace("\n", "\n> ") + owner;
		String id = question.id().toString();
		List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(text))), actions(a -> a
			.blockId("hand-off:" + id)
			.elements(List.of(button(b -> b.actionId(CLAIM).value(id).style("primary").text(plainText("Claim")))))));
		outbox.alert("hand-off:" + id, Outbound.Priority.URGENT, new Messages.Reply(text, blocks));
	}

	private static String where(String conversationId) {
		Address address = Address.of(conversationId);
		if (address == null) {
			return "(through the API)";
		}
		if (address.person() != null) {
			return "(asked privately with `/partner ask`)";
		}
		return address.channel().startsWith("D") ? "in a direct message with me" : "in <#" + address.channel() + ">";
	}

	/** A Slack user id as a mention; an e-mail address as its Slack user when found. */
	private String ownerMention(String owner) {
		if (USER_ID.matcher(owner).matches()) {
			return "<@" + owner + ">";
		}
		if (owner.contains("@")) {
			try {
				var found = api.client().usersLookupByEmail(r -> r.email(owner));
				if (found.isOk() && found.getUser() != null) {
					return "<@" + found.getUser().getId() + "> (" + Messages.escape(owner) + ")";
				}
			}
			catch (IOException | SlackApiException ex) {
				log.info("Could not look up the content owner {}: {}", owner, ex.toString());
			}
		}
		return Messages.escape(owner);
	}

	private void claim(String value, SlackIdentity identity, String channel, String ts, String text) {
		Optional<UUID> questionId = SlackPayloads.uuid(value);
		if (questionId.isEmpty() || channel == null || ts == null) {
			return;
		}
		if (!(requesters.identify(identity) instanceof Requester.Staff)) {
			replies.privately(channel, identity.userId(), Messages.Reply.plain("Only the vendor's staff can claim."));
			return;
		}
		Optional<String> holder = answering.claim(questionId.get(), identity.userId(), channel + ":" + ts);
		if (holder.isEmpty()) {
			return;
		}
		if (!holder.get().equals(identity.userId())) {
			replies.privately(channel, identity.userId(),
					Messages.Reply.plain("<@" + holder.get() + "> has claimed this question already."));
			return;
		}
		String claimed = ((text != null) ? text + "\n" : "") + ":white_check_mark: Claimed by <@" + identity.userId()
				+ ">: your replies in this thread go to the partner where they asked.";
		replies.update(channel, ts, Messages.Reply.plain(claimed));
	}

	/** Whether a message is a reply in a thread of the alerts channel. */
	boolean wants(Delivery delivery) {
		return properties.hasAlertsChannel()
				&& delivery.text("event.channel").filter(properties.alertsChannel()::equals).isPresent()
				&& delivery.text("event.thread_ts").isPresent() && delivery.text("event.subtype").isEmpty()
				&& delivery.text("event.bot_id").isEmpty();
	}

	/**
	 * A reply under a claimed hand-off alert, by its claimer: delivered to the asker.
	 * Other replies there are the managers' own conversation, and stay there.
	 */
	void relay(Delivery delivery, SlackIdentity identity) {
		String channel = delivery.text("event.channel").orElseThrow();
		String thread = delivery.text("event.thread_ts").orElseThrow();
		String text = delivery.text("event.text").orElse("").strip();
		if (text.isEmpty() || !(requesters.identify(identity) instanceof Requester.Staff)) {
			return;
		}
		Optional<AskedQuestion> answered = answering.answeredByPerson(channel + ":" + thread, identity.userId());
		if (answered.isEmpty()) {
			return;
		}
		String reply = ":speech_balloon: A channel manager, <@" + identity.userId() + ">, answered your question “"
				+ Messages.escape(Messages.truncate(answered.get().question(), 200)) + "”:\n"
				+ quoted(Messages.truncate(plain(text), 2500));
		String key = "hand-off-answer:" + channel + ":" + delivery.text("event.ts").orElse(thread);
		if (deliver(answered.get(), key, Messages.Reply.plain(reply))) {
			replies.post(channel, thread, Messages.Reply
				.plain(":outbox_tray: Sent to the partner " + where(answered.get().conversationId()) + "."));
		}
	}

	/** New content answers a question nobody could: its asker hears where they asked. */
	@ApplicationModuleListener
	void on(AskedQuestion.AnsweredByNewContent answered) {
		Messages.Reply answer = AnswerBlocks.of(answered.answer(), properties.contentBaseUrl());
		String lead = ":bulb: The enablement library now answers a question you asked: “"
				+ Messages.escape(Messages.truncate(answered.question().question(), 200)) + "”";
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section(s -> s.text(markdownText(lead))));
		blocks.addAll(answer.blocks());
		deliver(answered.question(), "new-content:" + answered.answer().id(),
				new Messages.Reply(lead + "\n" + answer.text(), blocks));
	}

	private boolean deliver(AskedQuestion question, String key, Messages.Reply reply) {
		Address address = Address.of(question.conversationId());
		if (address == null) {
			log.info("Question {} was not asked in Slack; its answer stays in the API", question.id());
			return false;
		}
		outbox.enqueue((address.person() != null) ? Outbound.toPerson(key, "notice", address.person(), reply)
				: Outbound.toChannel(key, "notice", address.channel(), address.thread(), reply));
		return true;
	}

	/**
	 * Slack's markup in a person's message (links, mentions) as plain text, then escaped:
	 * what a manager writes cannot ping or broadcast in a partner's channel.
	 */
	static String plain(String slackText) {
		String text = LABELLED_LINK.matcher(slackText).replaceAll("$2 ($1)");
		text = LINK.matcher(text).replaceAll("$1");
		text = MARKUP.matcher(text).replaceAll("");
		text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
		return Messages.escape(text);
	}

	private static String quoted(String text) {
		return "> " + text.replace("\n", "\n> ");
	}

	/**
	 * Where a question was asked, from the conversation id {@link Conversations} and the
	 * {@code /partner ask} command give it: {@code CHANNEL:THREAD_TS}, or
	 * {@code command:CHANNEL:USER} for a private answer, which goes to the person.
	 */
	record Address(String channel, String thread, String person) {

		static Address of(String conversationId) {
			if (conversationId == null) {
				return null;
			}
			String[] parts = conversationId.split(":");
			if (parts.length == 3 && parts[0].equals("command")) {
				return new Address(parts[1], null, parts[2]);
			}
			if (parts.length == 2 && parts[0].matches("[CDG][A-Z0-9_]+")) {
				return new Address(parts[0], parts[1].equals("null") ? null : parts[1], null);
			}
			return null;
		}

	}

}
