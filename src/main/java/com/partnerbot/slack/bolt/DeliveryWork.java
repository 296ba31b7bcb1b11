package com.partnerbot.slack.bolt;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What is still to be done for one acknowledged delivery: its handler and the work it
 * queued on {@link SlackWork}. When the last of them finishes the delivery is done; when
 * this instance gives one up (it is stopping), the delivery is left for another instance
 * to run again.
 */
final class DeliveryWork {

	private final String eventId;

	private final SlackDeliveries deliveries;

	/** The handler itself, plus each task it queued that has not finished. */
	private final AtomicInteger open = new AtomicInteger(1);

	/** The messages the work has sent so far, of each kind. */
	private final Map<Kind, AtomicInteger> sent = new EnumMap<>(Kind.class);

	/** Whether an earlier run, on an instance that died, may have posted some of it. */
	private final boolean rerun;

	private volatile boolean abandoned;

	DeliveryWork(String eventId, SlackDeliveries deliveries, boolean rerun) {
		this.eventId = eventId;
		this.deliveries = deliveries;
		this.rerun = rerun;
		for (Kind kind : Kind.values()) {
			sent.put(kind, new AtomicInteger());
		}
	}

	boolean rerun() {
		return rerun;
	}

	String eventId() {
		return eventId;
	}

	/**
	 * The number of the next message of this kind the work sends: a run again sends the
	 * same ones in the same order.
	 */
	int next(Kind kind) {
		return sent.get(kind).incrementAndGet();
	}

	/** A task queued for this delivery. */
	void hold() {
		open.incrementAndGet();
	}

	/** The handler, or one of its tasks, finished. */
	void release() {
		if (open.decrementAndGet() == 0 && !abandoned) {
			deliveries.done(eventId);
		}
	}

	/** What a delivery's work sends, each kind numbered on its own. */
	enum Kind {

		/** A message posted, or the answer that replaced a placeholder. */
		MESSAGE,
		/** A "thinking" message an answer replaces. */
		PLACEHOLDER,
		/** Only for one person: ephemeral, or a direct message instead. */
		PRIVATE,
		/** A change to a message posted earlier. */
		UPDATE

	}

	/** Work this instance will not do: the delivery stays unfinished for another. */
	void abandon() {
		abandoned = true;
		deliveries.abandoned(eventId);
	}

}
