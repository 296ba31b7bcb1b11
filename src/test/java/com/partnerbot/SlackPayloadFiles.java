package com.partnerbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The real Slack payloads in {@code ../shared/slack/payloads}, taken from Slack's own SDK
 * tests.
 */
public final class SlackPayloadFiles {

	private static final Path DIR = Path.of(System.getProperty("partnerbot.shared", "../shared"), "slack", "payloads");

	private SlackPayloadFiles() {
	}

	public static String raw(String name) {
		try {
			return Files.readString(DIR.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Slack payload " + name + " not found under " + DIR.toAbsolutePath(), ex);
		}
	}

	/** A JSON payload, to adjust for a scenario (ids, teams) before it is sent. */
	public static JsonObject json(String name) {
		return JsonParser.parseString(raw(name)).getAsJsonObject();
	}

	/** The fields of a form-encoded payload, in order. */
	public static Map<String, String> form(String name) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : raw(name).strip().split("&")) {
			int eq = pair.indexOf('=');
			fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return fields;
	}

	public static String encodeForm(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
