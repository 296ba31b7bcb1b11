package com.partnerbot.partners;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Partner program tiers, lowest first.
 */
public enum Tier {

	REGISTERED("Registered"), SILVER("Silver"), GOLD("Gold"), PLATINUM("Platinum");

	private final String label;

	Tier(String label) {
		this.label = label;
	}

	@JsonValue
	public String label() {
		return label;
	}

	/** The tier above this one, if any. */
	public Optional<Tier> next() {
		return (ordinal() + 1 < values().length) ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}

	/** Reads a tier by name, ignoring case and surrounding blanks. */
	public static Optional<Tier> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip();
		return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(wanted)).findFirst();
	}

	@JsonCreator
	static Tier fromJson(String text) {
		return parse(text).orElseThrow(() -> new IllegalArgumentException("must be one of " + labels()));
	}

	/** The tier names for messages, e.g. "Registered, Silver, Gold, Platinum". */
	public static String labels() {
		return Arrays.stream(values()).map(Tier::label).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return label;
	}

}
