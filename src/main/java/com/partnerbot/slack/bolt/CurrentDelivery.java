package com.partnerbot.slack.bolt;

import java.util.Optional;

/**
 * The delivery Bolt is routing on this thread. Bolt runs middleware and handlers on the
 * calling thread, so handlers read the raw payload here (Bolt's event models lack fields
 * such as {@code user_team}).
 */
public final class CurrentDelivery {

	private static final ThreadLocal<Delivery> current = new ThreadLocal<>();

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

	static void clear() {
		current.remove();
	}

}
