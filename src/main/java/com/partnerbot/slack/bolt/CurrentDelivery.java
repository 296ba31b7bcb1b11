package com.partnerbot.slack.bolt;

import java.util.Optional;

/**
 * The delivery Bolt is routing on this thread. Bolt runs middleware and handlers on the
 * calling thread, so handlers read the raw payload here (Bolt's event models lack fields
 * such as {@code user_team}).
 */
public final class CurrentDelivery {

	private static final ThreadLocal<Delivery> current = new ThreadLocal<>();

	/** The delivery's unfinished work, which tasks queued for it join. */
	private static final ThreadLocal<DeliveryWork> work = new ThreadLocal<>();

	private CurrentDelivery() {
	}

	static Optional<Delivery> get() {
		return Optional.ofNullable(current.get());
	}

	public static Delivery require() {
		return get().orElseThrow(() -> new IllegalStateException("no Slack delivery on this thread"));
	}

	static void set(Delivery delivery) {
		current.set(delivery);
	}

	static Optional<DeliveryWork> work() {
		return Optional.ofNullable(work.get());
	}

	static void track(DeliveryWork unfinished) {
		work.set(unfinished);
	}

	static void clear() {
		current.remove();
		work.remove();
	}

}
