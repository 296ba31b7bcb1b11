package com.partnerbot.deals;

/**
 * The chat thread a registration or a draft belongs to, where the partner's team hears of
 * it: the channel and the timestamp of the thread's first message (a Slack channel id and
 * {@code thread_ts}).
 *
 * @param channel the channel
 * @param ts the thread's timestamp
 */
public record ThreadRef(String channel, String ts) {

	public ThreadRef {
		if (channel == null || channel.isBlank() || channel.contains(":") || ts == null || ts.isBlank()) {
			throw new IllegalArgumentException("a thread needs a channel and a timestamp: " + channel + ", " + ts);
		}
	}

	/** As the database keeps it, {@code channel:ts}, the column's text as before. */
	String key() {
		return channel + ":" + ts;
	}

	/** From the stored text; null for none. */
	static ThreadRef ofKey(String key) {
		int colon = (key != null) ? key.indexOf(':') : -1;
		return (colon > 0 && colon < key.length() - 1)
				? new ThreadRef(key.substring(0, colon), key.substring(colon + 1)) : null;
	}

}
