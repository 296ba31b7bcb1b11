package com.partnerbot.slack.bolt;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.slack.bolt.DeliveryWork.Kind;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * Posting replies after the acknowledgement, with the fallbacks Slack needs: a private
 * reply in a channel the bot is not in goes to the person's direct messages instead.
 */
@Component
@RequiredArgsConstructor
public class SlackReplies {

	private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

	/** The metadata type of the messages a delivery's work posts. */
	static final String METADATA_TYPE = "partnerbot_delivery_message";

	private final SlackApi api;

	private final SlackDeliveries deliveries;

	/** Only this person sees it: ephemeral in the channel, else a direct message. */
	public void privately(String channel, String user, Messages.Reply reply) {
		Slot slot = next(Kind.PRIVATE);
		once(slot, "a private reply in " + channel, () -> {
			ChatPostEphemeralResponse response = api.client()
				.chatPostEphemeral(r -> r.channel(channel).user(user).text(reply.text()).blocks(reply.blocks()));
			if (response.isOk()) {
				return Sent.of(response.getMessageTs());
			}
			log.info("chat.postEphemeral in {} failed ({}); sending a direct message", channel, response.getError());
			return postMessage(slot, user, null, reply);
		});
	}

	/** Posts a message; returns its ts, or empty when Slack refused it. */
	public Optional<String> post(String channel, String threadTs, Messages.Reply reply) {
		return post(nextMessage(), channel, threadTs, reply);
	}

	/** Posts a message as the given one of its delivery's work. */
	public Optional<String> post(Slot slot, String channel, String threadTs, Messages.Reply reply) {
		return once(slot, "chat.postMessage to " + channel, () -> {
			Optional<String> taken = takenBySlack(slot, channel, threadTs);
			if (taken.isPresent()) {
				log.info("The message {} {} of delivery {} is in Slack already; not posted twice", slot.kind, slot.seq,
						slot.work.eventId());
				return Sent.of(taken.get());
			}
			return postMessage(slot, channel, threadTs, reply);
		});
	}

	public void update(String channel, String ts, Messages.Reply reply) {
		update(next(Kind.UPDATE), channel, ts, reply);
	}

	/**
	 * Changes a message as the given one of its delivery's work: an answer that replaces
	 * its placeholder takes the answer's place.
	 */
	public void update(Slot slot, String channel, String ts, Messages.Reply reply) {
		once(slot, "chat.update in " + channel, () -> {
			var response = api.client()
				.chatUpdate(r -> r.channel(channel).ts(ts).text(reply.text()).blocks(reply.blocks()));
			return response.isOk() ? Sent.of(ts) : Sent.refused(response.getError());
		});
	}

	/** The place of the next message (or answer) of the work on this thread. */
	public Slot nextMessage() {
		return next(Kind.MESSAGE);
	}

	/** The place of the next "thinking" placeholder of the work on this thread. */
	public Slot nextPlaceholder() {
		return next(Kind.PLACEHOLDER);
	}

	/**
	 * Whether a run of this delivery on an instance that died sent this message already.
	 */
	public boolean sentBefore(Slot slot) {
		return earlier(slot).isPresent();
	}

	/** The ts of this message as a run of this delivery that died sent it. */
	public Optional<String> sentBeforeAt(Slot slot) {
		return earlier(slot).flatMap((ts) -> ts);
	}

	private Slot next(Kind kind) {
		return CurrentDelivery.work().map((w) -> new Slot(w, kind, w.next(kind))).orElse(Slot.FREE);
	}

	private Optional<Optional<String>> earlier(Slot slot) {
		return (slot.work != null && slot.work.rerun()) ? deliveries.posted(slot.work.eventId(), slot.kind, slot.seq)
				: Optional.empty();
	}

	/**
	 * Posts a message; one of a delivery's work carries its delivery and place in its
	 * metadata, so that a run again can find it.
	 */
	private Sent postMessage(Slot slot, String channel, String threadTs, Messages.Reply reply)
			throws IOException, SlackApiException {
		ChatPostMessageResponse response = api.client().chatPostMessage(r -> {
			r.channel(channel).threadTs(threadTs).text(reply.text()).blocks(reply.blocks());
			if (slot.work != null) {
				r.metadata(Message.Metadata.builder()
					.eventType(METADATA_TYPE)
					.eventPayload(Map.of("event_id", slot.work.eventId(), "kind", slot.kind.name(), "seq",
							String.valueOf(slot.seq)))
					.build());
			}
			return r;
		});
		return response.isOk() ? Sent.of(response.getTs()) : Sent.refused(response.getError());
	}

	/**
	 * On a run again, the message the earlier run posted in this place, found in Slack by
	 * its metadata: Slack took it, and that instance died before it recorded it. Looks at
	 * the thread's (or the channel's) latest 200 messages; when Slack cannot say, the
	 * message is posted (twice rather than never).
	 */
	private Optional<String> takenBySlack(Slot slot, String channel, String threadTs)
			throws IOException, SlackApiException {
		if (slot.work == null || !slot.work.rerun()) {
			return Optional.empty();
		}
		List<Message> messages;
		if (threadTs != null) {
			var replies = api.client()
				.conversationsReplies(r -> r.channel(channel).ts(threadTs).includeAllMetadata(true).limit(200));
			messages = replies.isOk() ? replies.getMessages() : null;
		}
		else {
			var history = api.client()
				.conversationsHistory(r -> r.channel(channel).includeAllMetadata(true).limit(200));
			messages = history.isOk() ? history.getMessages() : null;
		}
		if (messages == null) {
			return Optional.empty();
		}
		return messages.stream()
			.filter((m) -> m.getMetadata() != null && METADATA_TYPE.equals(m.getMetadata().getEventType())
					&& m.getMetadata().getEventPayload() != null)
			.filter((m) -> {
				Map<String, Object> payload = m.getMetadata().getEventPayload();
				return slot.work.eventId().equals(String.valueOf(payload.get("event_id")))
						&& slot.kind.name().equals(String.valueOf(payload.get("kind")))
						&& String.valueOf(slot.seq).equals(String.valueOf(payload.get("seq")));
			})
			.map(Message::getTs)
			.findFirst();
	}

	/**
	 * Sends a message once for the delivery whose work this is: what a run of it on an
	 * instance that died sent already is not sent again (messages are numbered, each kind
	 * on its own, in the order the work sends them); outside a delivery's work, simply
	 * sends it.
	 */
	private Optional<String> once(Slot slot, String what, SlackCall call) {
		Optional<Optional<String>> earlier = earlier(slot);
		if (earlier.isPresent()) {
			log.info("{} ({} {} of delivery {}) was sent by its earlier run; not sent twice", what, slot.kind, slot.seq,
					slot.work.eventId());
			return earlier.get();
		}
		Sent sent;
		try {
			sent = call.send();
		}
		catch (IOException | SlackApiException ex) {
			log.warn("{} failed", what, ex);
			return Optional.empty();
		}
		if (sent.error() != null) {
			log.warn("{} failed: {}", what, sent.error());
			return Optional.empty();
		}
		if (slot.work != null) {
			deliveries.recordPost(slot.work.eventId(), slot.kind, slot.seq, sent.ts());
		}
		return Optional.ofNullable(sent.ts());
	}

	/**
	 * One message of a delivery's work, by its kind and place among them: taken on the
	 * work's thread, it may be sent from another (a placeholder's timer).
	 */
	@lombok.AllArgsConstructor(access = lombok.AccessLevel.PRIVATE)
	public static final class Slot {

		/** Outside any delivery's work: sent as it comes. */
		private static final Slot FREE = new Slot(null, Kind.MESSAGE, 0);

		private final DeliveryWork work;

		private final Kind kind;

		private final int seq;

	}

	private interface SlackCall {

		Sent send() throws IOException, SlackApiException;

	}

	private record Sent(String ts, String error) {

		static Sent of(String ts) {
			return new Sent(ts, null);
		}

		static Sent refused(String error) {
			return new Sent(null, (error != null) ? error : "refused");
		}

	}

	/**
	 * Only to the person: privately in the channel they clicked in, else (the App Home, a
	 * modal) in a direct message.
	 */
	public void toPerson(com.partnerbot.partners.SlackIdentity identity, Messages.Reply reply) {
		if (identity.channelId() != null) {
			privately(identity.channelId(), identity.userId(), reply);
		}
		else {
			post(identity.userId(), null, reply);
		}
	}

}
