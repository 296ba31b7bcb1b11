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
		try {
			ChatPostMessageResponse response = api.client()
				.chatPostMessage(r -> r.channel(channel).threadTs(threadTs).text(reply.text()).blocks(reply.blocks()));
			if (!response.isOk()) {
				log.warn("chat.postMessage to {} failed: {}", channel, response.getError());
				return Optional.empty();
			}
			return Optional.ofNullable(response.getTs());
		}
		catch (IOException | SlackApiException ex) {
			log.warn("chat.postMessage to {} failed", channel, ex);
			return Optional.empty();
		}
	}

	public void update(String channel, String ts, Messages.Reply reply) {
		try {
			var response = api.client()
				.chatUpdate(r -> r.channel(channel).ts(ts).text(reply.text()).blocks(reply.blocks()));
			if (!response.isOk()) {
				log.warn("chat.update in {} failed: {}", channel, response.getError());
			}
		}
		catch (IOException | SlackApiException ex) {
			log.warn("chat.update in {} failed", channel, ex);
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
