package com.partnerbot.slack.bolt;

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

	/** The messages the work has posted or updated so far. */
	private final AtomicInteger posts = new AtomicInteger();

	/** Whether an earlier run, on an instance that died, may have posted some of it. */
	private final boolean rerun;

	private volatile boolean abandoned;

	DeliveryWork(String eventId, SlackDeliveries deliveries, boolean rerun) {
		this.eventId = eventId;
		this.deliveries = deliveries;
		this.rerun = rerun;
	}

	boolean rerun() {
		return rerun;
	}

	String eventId() {
		return eventId;
	}

	/**
	 * The number of the next message the work posts: a run again posts the same ones in
	 * the same order.
	 */
	int nextPost() {
		return posts.incrementAndGet();
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

	/** Work this instance will not do: the delivery stays unfinished for another. */
	void abandon() {
		abandoned = true;
		deliveries.abandoned(eventId);
	}

}
