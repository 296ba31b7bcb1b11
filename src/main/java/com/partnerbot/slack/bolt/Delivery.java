package com.partnerbot.slack.bolt;

import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One request from Slack as it arrived: the payload's JSON (for slash commands, the form
 * fields as JSON) and the Slack {@code event_id} when it has one.
 *
 * @param eventId the Events API {@code event_id}, or null
 * @param payload the parsed payload
 */
public record Delivery(String eventId, JsonObject payload) {

	/**
	 * A string at a dotted path, e.g. {@code event.user_team}; empty when absent or not a
	 * string.
	 */
	public Optional<String> text(String path) {
		JsonElement node = payload;
		for (String key : path.split("\\.")) {
			if (node != null && node.isJsonArray() && key.chars().allMatch(Character::isDigit)) {
				int index = Integer.parseInt(key);
				node = (index < node.getAsJsonArray().size()) ? node.getAsJsonArray().get(index) : null;
			}
			else if (node != null && node.isJsonObject()) {
				node = node.getAsJsonObject().get(key);
			}
			else {
				return Optional.empty();
			}
		}
		if (node == null || !node.isJsonPrimitive()) {
			return Optional.empty();
		}
		String value = node.getAsString();
		return value.isBlank() ? Optional.empty() : Optional.of(value);
	}

	/** The first of these paths that holds a string. */
	public Optional<String> first(String... paths) {
		for (String path : paths) {
			Optional<String> value = text(path);
			if (value.isPresent()) {
				return value;
			}
		}
		return Optional.empty();
	}

	/** The workspace the app is installed in, where the payload says it. */
	public Optional<String> installedTeam() {
		return first("authorizations.0.team_id", "view.app_installed_team_id");
	}

}
