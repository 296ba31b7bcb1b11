package com.partnerbot.crm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Our field names to a CRM's: the connector's defaults with an admin's overrides and
 * additions. Our names match in any case and spelling ({@code closeDate},
 * {@code close_date}, {@code CLOSEDATE}) because environment variables reach map keys in
 * lower case; a blank name on their side leaves the field out.
 */
final class FieldMapping {

	private final Map<String, String> theirs;

	FieldMapping(Map<String, String> defaults, Map<String, String> overrides) {
		Map<String, String> merged = new LinkedHashMap<>();
		defaults.forEach((ours, name) -> merged.put(key(ours), name));
		if (overrides != null) {
			overrides.forEach((ours, name) -> merged.put(key(ours), (name != null) ? name : ""));
		}
		this.theirs = Map.copyOf(merged);
	}

	/** The CRM's name for one of our fields, or null when it is left out. */
	String theirs(String ours) {
		String name = theirs.get(key(ours));
		return (name == null || name.isBlank()) ? null : name.strip();
	}

	/**
	 * Puts a value in a record under the CRM's name for our field, unless it is left out.
	 */
	void put(Map<String, Object> record, String ours, Object value) {
		String name = theirs(ours);
		if (name != null) {
			record.put(name, value);
		}
	}

	private static String key(String ours) {
		return ours.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

}
