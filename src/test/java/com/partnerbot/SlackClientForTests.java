package com.partnerbot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts deliveries to {@code /slack/events} the way Slack does: signed with the signing
 * secret.
 */
public final class SlackClientForTests {

	public static final String SIGNING_SECRET = "test-signing-secret-0123456789abcdef";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String url;

	public SlackClientForTests(int port) {
		this.url = "http://127.0.0.1:" + port + "/slack/events";
	}

	public static String sign(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> json(String body) {
		return post("application/json", body.getBytes(StandardCharsets.UTF_8), Instant.now().getEpochSecond(),
				SIGNING_SECRET, null);
	}

	public HttpResponse<String> form(String body) {
		return post("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
				Instant.now().getEpochSecond(), SIGNING_SECRET, null);
	}

	public HttpResponse<String> retry(String body, int retryNum) {
		return post("application/json", body.getBytes(StandardCharsets.UTF_8), Instant.now().getEpochSecond(),
				SIGNING_SECRET, retryNum);
	}

	/**
	 * A request signed with the given secret and time; a null secret sends no signature
	 * at all.
	 */
	public HttpResponse<String> post(String contentType, byte[] body, long timestamp, String secret, Integer retryNum) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (secret != null) {
			request.header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
				.header("X-Slack-Signature", sign(secret, timestamp, body));
		}
		if (retryNum != null) {
			request.header("X-Slack-Retry-Num", String.valueOf(retryNum))
				.header("X-Slack-Retry-Reason", "http_timeout");
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
