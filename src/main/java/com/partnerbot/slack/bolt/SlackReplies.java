package com.partnerbot.slack.bolt;

import java.io.IOException;
import java.util.Optional;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final SlackApi api;

	private final SlackDeliveries deliveries;

	/** Only this person sees it: ephemeral in the channel, else a direct message. */
	public void privately(String channel, String user, Messages.Reply reply) {
		try {
			ChatPostEphemeralResponse response = api.client()
				.chatPostEphemeral(r -> r.channel(channel).user(user).text(reply.text()).blocks(reply.blocks()));
			if (response.isOk()) {
				return;
			}
			log.info("chat.postEphemeral in {} failed ({}); sending a direct message", channel, response.getError());
			post(user, null, reply);
		}
		catch (IOException | SlackApiException ex) {
			log.warn("Could not reply privately in {}", channel, ex);
		}
	}

	/** Posts a message; returns its ts, or empty when Slack refused it. */
	public Optional<String> post(String channel, String threadTs, Messages.Reply reply) {
		return once("chat.postMessage to " + channel, () -> {
			ChatPostMessageResponse response = api.client()
				.chatPostMessage(r -> r.channel(channel).threadTs(threadTs).text(reply.text()).blocks(reply.blocks()));
			return response.isOk() ? Sent.of(response.getTs()) : Sent.refused(response.getError());
		});
	}

	public void update(String channel, String ts, Messages.Reply reply) {
		once("chat.update in " + channel, () -> {
			var response = api.client()
				.chatUpdate(r -> r.channel(channel).ts(ts).text(reply.text()).blocks(reply.blocks()));
			return response.isOk() ? Sent.of(ts) : Sent.refused(response.getError());
		});
	}

	/**
	 * Sends a message once for the delivery whose work this is: what a run of it on an
	 * instance that died sent already is not sent again (messages are numbered in the
	 * order the work sends them); outside a delivery's work, simply sends it.
	 */
	private Optional<String> once(String what, SlackCall call) {
		Optional<DeliveryWork> work = CurrentDelivery.work();
		int seq = work.map(DeliveryWork::nextPost).orElse(0);
		if (work.isPresent() && work.get().rerun()) {
			Optional<Optional<String>> earlier = deliveries.posted(work.get().eventId(), seq);
			if (earlier.isPresent()) {
				log.info("{} (message {} of delivery {}) was sent by its earlier run; not sent twice", what, seq,
						work.get().eventId());
				return earlier.get();
			}
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
		work.ifPresent((w) -> deliveries.recordPost(w.eventId(), seq, sent.ts()));
		return Optional.ofNullable(sent.ts());
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
