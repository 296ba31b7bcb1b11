package com.partnerbot.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.partnerbot.platform.LocalMode;
import com.partnerbot.slack.LocalSlack;

import lombok.RequiredArgsConstructor;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Slack's side of a delivery: the payload in its envelope, signed with the signing secret
 * as Slack signs it ({@code v0:timestamp:body}, HMAC-SHA256), posted to
 * {@code /slack/events}.
 */
@Component
@Conditional(LocalMode.class)
@RequiredArgsConstructor
class SignedDeliveries {

	static final String APP_ID = "A0SANDBOX";

	/** What the bot answered. */
	record Answer(int status, String body) {
	}

	private final LocalSlack slack;

	private final Environment environment;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final AtomicLong events = new AtomicLong();

	/** An Events API delivery of this event, from the installation's workspace. */
	Answer event(ObjectNode event) {
		ObjectNode envelope = json.createObjectNode()
			.put("token", "sandbox")
			.put("team_id", SandboxWorkspace.VENDOR_TEAM)
			.put("context_team_id", SandboxWorkspace.VENDOR_TEAM)
			.put("api_app_id", APP_ID)
			.put("type", "event_callback")
			.put("event_id",
					"Ev0SANDBOX" + events.incrementAndGet() + Long.toString(System.nanoTime(), 36).toUpperCase())
			.put("event_time", Instant.now().getEpochSecond())
			.put("is_ext_shared_channel", event.path("channel").asString("").startsWith("C"));
		envelope.set("event", event);
		envelope.putArray("authorizations")
			.addObject()
			.put("team_id", SandboxWorkspace.VENDOR_TEAM)
			.put("user_id", SandboxWorkspace.BOT_USER)
			.put("is_bot", true)
			.put("is_enterprise_install", false);
		return post("application/json", envelope.toString());
	}

	/** An interactivity delivery: {@code payload=<json>}, form-encoded. */
	Answer interaction(ObjectNode payload) {
		return post("application/x-www-form-urlencoded",
				"payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8));
	}

	Answer post(String contentType, String body) {
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", contentType)
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", slack.sign(timestamp, body.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (java.io.IOException ex) {
			return new Answer(502, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(503, null);
		}
	}

}
