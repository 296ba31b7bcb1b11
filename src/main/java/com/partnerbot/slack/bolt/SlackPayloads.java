package com.partnerbot.slack.bolt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads a request body the way Slack sends it (JSON for the Events API, a form for slash
 * commands and interactivity) and checks the fields every handler relies on, so Bolt is
 * only handed payloads it can route.
 */
public final class SlackPayloads {

	private SlackPayloads() {
	}

	/** Decodes bytes as UTF-8, refusing anything that is not. */
	/** A UUID from a button value or a form's metadata, if it is one. */
	public static Optional<UUID> uuid(String value) {
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	static String utf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new MalformedDeliveryException("the body is not valid UTF-8");
		}
	}

	static Delivery parse(String contentType, String body) {
		String type = (contentType != null) ? contentType.toLowerCase().split(";")[0].strip() : "";
		return switch (type) {
			case "application/json" -> events(object(body, "the body"));
			case "application/x-www-form-urlencoded" -> form(body);
			default -> throw new MalformedDeliveryException("unsupported content type '" + type
					+ "': Slack sends application/json or application/x-www-form-urlencoded");
		};
	}

	private static final int MAX_EVENT_ID = 255;

	private static Delivery events(JsonObject json) {
		String type = required(json, "type");
		if (type.equals("url_verification")) {
			required(json, "challenge");
		}
		if (type.equals("event_callback")) {
			String eventId = required(json, "event_id");
			// Slack's ids are short; a long one is not Slack's and would not fit
			// the index that makes deliveries idempotent
			if (eventId.length() > MAX_EVENT_ID) {
				throw new MalformedDeliveryException("'event_id' is longer than Slack's ids");
			}
			JsonObject event = objectField(json, "event");
			required(event, "type");
			if (json.get("team_id") instanceof JsonElement team && team.isJsonPrimitive()) {
				text(team.getAsString(), "team_id");
			}
			return new Delivery(eventId, json);
		}
		return new Delivery(null, json);
	}

	private static Delivery form(String body) {
		Map<String, String> fields = formFields(body);
		if (fields.containsKey("payload")) {
			JsonObject json = object(fields.get("payload"), "the payload field");
			String type = required(json, "type");
			switch (type) {
				case "block_actions" -> {
					required(objectField(json, "user"), "id");
					if (!(json.get("actions") instanceof com.google.gson.JsonArray actions) || actions.isEmpty()) {
						throw new MalformedDeliveryException("block_actions without actions");
					}
				}
				case "view_submission", "view_closed" -> {
					required(objectField(json, "user"), "id");
					objectField(json, "view");
				}
				case "shortcut", "message_action" -> required(objectField(json, "user"), "id");
				default -> {
				}
			}
			return new Delivery(null, json);
		}
		if (fields.containsKey("ssl_check")) {
			return new Delivery(null, toJson(fields));
		}
		if (fields.containsKey("command")) {
			JsonObject json = toJson(fields);
			for (String field : new String[] { "command", "user_id", "team_id" }) {
				required(json, field);
			}
			return new Delivery(null, json);
		}
		throw new MalformedDeliveryException("a form without payload or command");
	}

	private static JsonObject object(String text, String what) {
		try {
			JsonElement element = JsonParser.parseString(text);
			if (!element.isJsonObject()) {
				throw new MalformedDeliveryException(what + " is not a JSON object");
			}
			return element.getAsJsonObject();
		}
		catch (JsonParseException | IllegalStateException ex) {
			throw new MalformedDeliveryException(what + " is not valid JSON");
		}
	}

	private static JsonObject objectField(JsonObject json, String field) {
		JsonElement value = json.get(field);
		if (value == null || !value.isJsonObject()) {
			throw new MalformedDeliveryException("'" + field + "' is missing or not an object");
		}
		return value.getAsJsonObject();
	}

	private static String required(JsonObject json, String field) {
		JsonElement value = json.get(field);
		if (value == null || !value.isJsonPrimitive() || value.getAsString().isBlank()) {
			throw new MalformedDeliveryException("'" + field + "' is missing or not a string");
		}
		return text(value.getAsString(), field);
	}

	/** Slack's ids and types never hold a NUL, which PostgreSQL's text cannot store. */
	private static String text(String value, String field) {
		if (value.indexOf('\u0000') >= 0) {
			throw new MalformedDeliveryException("'" + field + "' holds a NUL character");
		}
		return value;
	}

	private static JsonObject toJson(Map<String, String> fields) {
		JsonObject json = new JsonObject();
		fields.forEach(json::addProperty);
		return json;
	}

	/** Splits a form body, decoding percent-escapes strictly as UTF-8. */
	static Map<String, String> formFields(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (body.isBlank()) {
			return fields;
		}
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			String name = decode(eq < 0 ? pair : pair.substring(0, eq));
			String value = (eq < 0) ? "" : decode(pair.substring(eq + 1));
			fields.putIfAbsent(name, value);
		}
		return fields;
	}

	private static String decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '+') {
				bytes.write(' ');
			}
			else if (c == '%') {
				if (i + 2 >= text.length()) {
					throw new MalformedDeliveryException("a truncated percent-escape in the form");
				}
				int hi = Character.digit(text.charAt(i + 1), 16);
				int lo = Character.digit(text.charAt(i + 2), 16);
				if (hi < 0 || lo < 0) {
					throw new MalformedDeliveryException("an invalid percent-escape in the form");
				}
				bytes.write((hi << 4) + lo);
				i += 2;
			}
			else {
				int codePoint = text.codePointAt(i);
				byte[] raw = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
				bytes.write(raw, 0, raw.length);
				i += Character.charCount(codePoint) - 1;
			}
		}
		return utf8(bytes.toByteArray());
	}

}
