package com.partnerbot.slack.outbox;

import com.partnerbot.slack.bolt.Messages;

/**
 * A message the bot sends on its own initiative, delivered through the
 * {@link SlackOutbox}.
 *
 * @param key what makes it unique: the same key is stored and sent once
 * @param kind what it is, for logs and the outbox listing (alert, notice, survey)
 * @param channel the channel; null with {@code dmUser} for a direct message, or with
 * neither for an alert when no alerts channel is configured (stored, not sent)
 * @param dmUser the person to message directly
 * @param threadTs the thread to reply in, if known
 * @param threadKey the key of another outbox message to reply under, once that one is out
 * @param reply the text and blocks
 * @param priority which of a lane's waiting messages goes first: the highest priority,
 * then the oldest
 */
public record Outbound(String key, String kind, String channel, String dmUser, String threadTs, String threadKey,
		Messages.Reply reply, Priority priority) {

	/**
	 * Which of a lane's waiting messages goes first; messages of one priority keep their
	 * order.
	 */
	public enum Priority {

		/** Routine notes a burst of which may wait: digests, monthly notes, reminders. */
		LOW,

		NORMAL,

		/** Someone is waiting for a person: hand-offs, decisions to take. */
		URGENT;

		/** As stored: the higher, the sooner. */
		int rank() {
			return ordinal();
		}

	}

	public static Outbound toChannel(String key, String kind, String channel, String threadTs, Messages.Reply reply) {
		return new Outbound(key, kind, channel, null, threadTs, null, reply, Priority.NORMAL);
	}

	public static Outbound toPerson(String key, String kind, String user, Messages.Reply reply) {
		return new Outbound(key, kind, null, user, null, null, reply, Priority.NORMAL);
	}

	Outbound underMessage(String parentKey) {
		return new Outbound(key, kind, channel, dmUser, threadTs, parentKey, reply, priority);
	}

	/** The same message with another priority. */
	public Outbound withPriority(Priority other) {
		return new Outbound(key, kind, channel, dmUser, threadTs, threadKey, reply, other);
	}

	/** Messages of one lane go out in order and at most one a second. */
	String lane() {
		if (channel != null) {
			return channel;
		}
		return (dmUser != null) ? "user:" + dmUser : null;
	}

}
