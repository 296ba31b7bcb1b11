package com.partnerbot.sandbox;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.partnerbot.SlackPayloadFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Web API method the emulator answers, checked against the response schemas of
 * Slack's own OpenAPI document (on the test classpath under {@code slack/specs}): what
 * works against the sandbox gets the answers it would get from Slack.
 */
class WebApiEmulatorTests extends SandboxTests {

	private static JsonObject spec;

	@Autowired
	SandboxWorkspace workspace;

	@Autowired
	com.partnerbot.slack.LocalSlack slack;

	private final List<String> mismatches = new ArrayList<>();

	@BeforeAll
	static void readSpec() {
		spec = JsonParser.parseString(SlackPayloadFiles.resource("slack/specs/slack_web_openapi_v2.json"))
			.getAsJsonObject();
	}

	@Test
	void everyMethodAnswersAsTheWebApiDocumentSays() {
		JsonObject posted = call("chat.postMessage",
				Map.of("channel", "C0ACME0001", "text", "hello *partners*", "blocks",
						"[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"hello\"}}]", "metadata",
						"{\"event_type\":\"partnerbot_outbox\",\"event_payload\":{\"outbox_id\":\"1\"}}"));
		String ts = posted.get("ts").getAsString();
		call("chat.postMessage", Map.of("channel", "C0ACME0001", "text", "in the thread", "thread_ts", ts));
		call("chat.postMessage", Map.of("channel", "U0ACME0001", "text", "a direct message"));
		call("chat.update", Map.of("channel", "C0ACME0001", "ts", ts, "text", "edited"));
		call("chat.postEphemeral", Map.of("channel", "C0ACME0001", "user", "U0ACME0001", "text", "only you"));
		call("auth.test", Map.of());
		call("users.info", Map.of("user", "U0ACME0001"));
		call("users.info", Map.of("user", SandboxWorkspace.BOT_USER));
		call("conversations.open", Map.of("users", "U0ACME0001"));
		call("conversations.info", Map.of("channel", "C0ACME0001"));
		call("conversations.members", Map.of("channel", "C0ACME0001"));
		JsonObject history = call("conversations.history",
				Map.of("channel", "C0ACME0001", "include_all_metadata", "true", "oldest", "0"));
		assertThat(history.getAsJsonArray("messages").toString()).contains("partnerbot_outbox");
		call("conversations.replies", Map.of("channel", "C0ACME0001", "ts", ts));
		JsonObject opened = call("views.open", Map.of("trigger_id", workspace.trigger("U0ACME0001"), "view", """
				{"type":"modal","callback_id":"x","title":{"type":"plain_text","text":"A form"},
				 "blocks":[{"type":"input","block_id":"b","label":{"type":"plain_text","text":"L"},
				            "element":{"type":"plain_text_input","action_id":"a"}}]}"""));
		String viewId = opened.getAsJsonObject("view").get("id").getAsString();
		call("views.update", Map.of("view_id", viewId, "view", """
				{"type":"modal","title":{"type":"plain_text","text":"Updated"},"blocks":[]}"""));
		call("views.push", Map.of("trigger_id", workspace.trigger("U0ACME0001"), "view", """
				{"type":"modal","title":{"type":"plain_text","text":"Pushed"},"blocks":[]}"""));
		call("views.publish", Map.of("user_id", "U0ACME0001", "view", """
				{"type":"home","blocks":[{"type":"divider"}]}"""));
		call("chat.delete", Map.of("channel", "C0ACME0001", "ts", ts));
		// the forms opened here are closed again, as their person would
		workspace.closeViewsOf("U0ACME0001");
		// and errors as Slack gives them
		JsonObject missing = callFailing("chat.update", Map.of("channel", "C0ACME0001", "ts", "1.000001", "text", "x"));
		assertThat(missing.get("error").getAsString()).isEqualTo("message_not_found");
		JsonObject expired = callFailing("views.open", Map.of("trigger_id", "made.up", "view", "{\"type\":\"modal\"}"));
		assertThat(expired.get("error").getAsString()).isEqualTo("expired_trigger_id");
		// message metadata (Slack added it in 2022) postdates this document; the bot asks
		// for it (include_all_metadata) to find a message it is not sure it sent
		assertThat(mismatches).allMatch(
				m -> m.matches("conversations\\.history\\.messages\\[\\d+]\\.metadata: not in the document"),
				"only metadata, which the document does not know yet");
	}

	/**
	 * The assistant-thread methods postdate the document: Slack's reference page gives
	 * their arguments (channel_id, thread_ts, status; prompts of one to four).
	 */
	@Test
	void anAssistantThreadsStatusIsShownInItsThreadAndItsArgumentsAreChecked() {
		long before = workspace.feed(0).path("seq").asLong();
		JsonObject set = raw("assistant.threads.setStatus",
				Map.of("channel_id", "D0ACME0001", "thread_ts", "1700000000.000100", "status", "is thinking…"));
		assertThat(set.get("ok").getAsBoolean()).as(set.toString()).isTrue();
		assertThat(workspace.feed(before).path("entries").toString()).contains("\"type\":\"status\"")
			.contains("\"threadTs\":\"1700000000.000100\"")
			.contains("is thinking…");
		assertThat(
				raw("assistant.threads.setStatus", Map.of("channel_id", "D0NOWHERE", "thread_ts", "1.2", "status", "x"))
					.get("error")
					.getAsString())
			.isEqualTo("channel_not_found");
		assertThat(raw("assistant.threads.setStatus", Map.of("channel_id", "D0GLOBEX01", "status", "x")).get("error")
			.getAsString()).isEqualTo("invalid_arguments");
		JsonObject prompts = raw("assistant.threads.setSuggestedPrompts",
				Map.of("channel_id", "D0ACME0001", "thread_ts", "1700000000.000100", "prompts",
						"[{\"title\":\"Tiers\",\"message\":\"What are the tiers?\"}]"));
		assertThat(prompts.get("ok").getAsBoolean()).as(prompts.toString()).isTrue();
		assertThat(raw("assistant.threads.setSuggestedPrompts",
				Map.of("channel_id", "D0GLOBEX01", "thread_ts", "1700000000.000100", "prompts", "[]"))
			.get("error")
			.getAsString()).isEqualTo("invalid_arguments");
	}

	@Test
	void aWrongTokenIsRefusedAsSlackRefusesIt() {
		HttpResponse<String> response = post("/sandbox/api/auth.test", "application/x-www-form-urlencoded", "",
				"xoxb-wrong");
		JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(body.get("ok").getAsBoolean()).isFalse();
		assertThat(body.get("error").getAsString()).isEqualTo("invalid_auth");
		assertThat(validate(body, errorSchema("auth.test"), "auth.test")).isEmpty();
	}

	@Test
	void nothingOfTheSandboxAnswersARequestThatCameThroughAProxy() throws Exception {
		for (String path : List.of("/", "/sandbox/session", "/sandbox/api/auth.test")) {
			HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
					.header("X-Forwarded-For", "203.0.113.7")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(403);
		}
		assertThat(get("/sandbox/session").statusCode()).isEqualTo(200);
	}

	/**
	 * Calls a method as the bot does (form-encoded, bearer token) and checks the answer.
	 */
	/** A call that must succeed, checked against the method's success schema. */
	private JsonObject call(String method, Map<String, String> args) {
		JsonObject body = answer(method, args);
		assertThat(body.get("ok").getAsBoolean()).as(method + " answered " + body).isTrue();
		return body;
	}

	/** A call that must fail, checked against the method's error schema. */
	private JsonObject callFailing(String method, Map<String, String> args) {
		JsonObject body = answer(method, args);
		assertThat(body.get("ok").getAsBoolean()).as(method + " answered " + body).isFalse();
		return body;
	}

	private JsonObject answer(String method, Map<String, String> args) {
		JsonObject body = raw(method, args);
		JsonObject schema = body.get("ok").getAsBoolean() ? successSchema(method) : errorSchema(method);
		mismatches.addAll(validate(body, schema, method));
		return body;
	}

	/** A call as the bot makes it, its answer unchecked. */
	private JsonObject raw(String method, Map<String, String> args) {
		StringBuilder form = new StringBuilder();
		new LinkedHashMap<>(args).forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
			.append(k)
			.append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		HttpResponse<String> response = post("/sandbox/api/" + method, "application/x-www-form-urlencoded",
				form.toString(), slack.botToken());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonParser.parseString(response.body()).getAsJsonObject();
	}

	private static JsonObject operation(String method) {
		JsonObject path = spec.getAsJsonObject("paths").getAsJsonObject("/" + method);
		assertThat(path).as("the document has " + method).isNotNull();
		return path.entrySet().iterator().next().getValue().getAsJsonObject();
	}

	private static JsonObject successSchema(String method) {
		return operation(method).getAsJsonObject("responses").getAsJsonObject("200").getAsJsonObject("schema");
	}

	private static JsonObject errorSchema(String method) {
		return operation(method).getAsJsonObject("responses").getAsJsonObject("default").getAsJsonObject("schema");
	}

	/**
	 * What in the value does not match the schema: missing, unknown or mistyped fields.
	 */
	static List<String> validate(JsonElement value, JsonObject schema, String path) {
		List<String> errors = new ArrayList<>();
		schema = resolve(schema);
		for (String combination : List.of("anyOf", "oneOf")) {
			if (schema.has(combination)) {
				for (JsonElement option : schema.getAsJsonArray(combination)) {
					if (validate(value, option.getAsJsonObject(), path).isEmpty()) {
						return errors;
					}
				}
				errors.add(path + ": matches none of its " + combination);
				return errors;
			}
		}
		if (schema.has("allOf")) {
			schema.getAsJsonArray("allOf")
				.forEach(part -> errors.addAll(validate(value, part.getAsJsonObject(), path)));
			return errors;
		}
		String type = schema.has("type") && schema.get("type").isJsonPrimitive() ? schema.get("type").getAsString()
				: null;
		if (value.isJsonNull()) {
			if (type != null && !"null".equals(type)) {
				errors.add(path + ": null where " + type + " is expected");
			}
			return errors;
		}
		if ("object".equals(type) || (type == null && schema.has("properties"))) {
			if (!value.isJsonObject()) {
				errors.add(path + ": not an object");
				return errors;
			}
			JsonObject object = value.getAsJsonObject();
			JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
			if (schema.has("required")) {
				schema.getAsJsonArray("required").forEach(name -> {
					if (!object.has(name.getAsString())) {
						errors.add(path + "." + name.getAsString() + ": required and missing");
					}
				});
			}
			for (Map.Entry<String, JsonElement> field : object.entrySet()) {
				if (properties.has(field.getKey())) {
					errors.addAll(validate(field.getValue(), properties.getAsJsonObject(field.getKey()),
							path + "." + field.getKey()));
				}
				else if (schema.has("additionalProperties") && schema.get("additionalProperties").isJsonPrimitive()
						&& !schema.get("additionalProperties").getAsBoolean()) {
					errors.add(path + "." + field.getKey() + ": not in the document");
				}
			}
		}
		else if ("array".equals(type)) {
			if (!value.isJsonArray()) {
				errors.add(path + ": not an array");
			}
			else if (schema.has("items")) {
				int i = 0;
				for (JsonElement item : value.getAsJsonArray()) {
					errors.addAll(validate(item, schema.getAsJsonObject("items"), path + "[" + i++ + "]"));
				}
			}
		}
		else if ("string".equals(type) && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
			errors.add(path + ": not a string");
		}
		else if ("boolean".equals(type) && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())) {
			errors.add(path + ": not a boolean");
		}
		else if (("integer".equals(type) || "number".equals(type))
				&& !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())) {
			errors.add(path + ": not a number");
		}
		if (schema.has("enum") && value.isJsonPrimitive()) {
			boolean listed = false;
			for (JsonElement allowed : schema.getAsJsonArray("enum")) {
				listed |= allowed.equals(value);
			}
			if (!listed) {
				errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
			}
		}
		if (schema.has("pattern") && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
				&& !value.getAsString().matches(schema.get("pattern").getAsString())) {
			errors.add(path + ": '" + value.getAsString() + "' does not match " + schema.get("pattern").getAsString());
		}
		return errors;
	}

	private static JsonObject resolve(JsonObject schema) {
		while (schema.has("$ref")) {
			String ref = schema.get("$ref").getAsString();
			schema = spec.getAsJsonObject("definitions").getAsJsonObject(ref.substring("#/definitions/".length()));
		}
		return schema;
	}

}
