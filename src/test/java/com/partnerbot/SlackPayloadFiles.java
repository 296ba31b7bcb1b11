package com.partnerbot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The real Slack payloads on the test classpath under {@code slack/payloads}, taken from
 * Slack's own SDK tests ({@code slack/PROVENANCE.tsv} says where each came from).
 */
public final class SlackPayloadFiles {

	private SlackPayloadFiles() {
	}

	public static String raw(String name) {
		return resource("slack/payloads/" + name);
	}

	/**
	 * A file of the test classpath, such as Slack's Web API document under
	 * {@code slack/specs}.
	 */
	public static String resource(String path) {
		try (InputStream in = SlackPayloadFiles.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException(path + " is not on the test classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(path, ex);
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
