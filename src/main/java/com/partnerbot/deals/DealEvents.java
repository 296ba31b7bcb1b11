package com.partnerbot.deals;

import java.util.List;

/**
 * What happens to registrations, for the modules that tell people about it.
 */
public final class DealEvents {

	private DealEvents() {
	}

	/**
	 * A registration was submitted; {@code conflicts} is empty unless a manager must
	 * look.
	 */
	public record Registered(Deal deal, List<DealConflict> conflicts) {
	}

	/**
	 * A channel manager approved, rejected or chose co-selling; {@code coSellers} are
	 * other partners' live registrations of the same customer and products that a co-sell
	 * shares it with (each of those partners is told, never the other's name).
	 */
	public record Decided(Deal deal, DealStatus decision, String manager, List<Deal> coSellers) {
	}

	/**
	 * A channel manager decided some of a registration's products apart from the rest:
	 * {@code parts} were split off {@code from} (which keeps the other products), each a
	 * registration of its own.
	 */
	public record Split(Deal from, List<Deal> parts) {
	}

	/** Protection ends within the reminder window. */
	public record ExpiringSoon(Deal deal) {
	}

	/** The partner's protection was extended. */
	public record Extended(Deal deal, String by) {
	}

	/** Protection ended without a win. */
	public record Expired(Deal deal) {
	}

	/**
	 * The registration was won or lost; {@code by} is who said so ("api", a Slack user,
	 * or "crm" when the CRM's own record closed).
	 */
	public record Closed(Deal deal, String by) {
	}

}
