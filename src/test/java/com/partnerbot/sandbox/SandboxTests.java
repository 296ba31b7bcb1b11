package com.partnerbot.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.partnerbot.TestClock;

/**
 * The application in local mode (no Slack credentials): the sandbox page, its Web API
 * emulator and the bot itself, on a database and index of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "partnerbot.data-dir=target/test-data/sandbox", "partnerbot.admin-token=test-admin-token",
				"partnerbot.outbox.lane-interval=300ms", "partnerbot.outbox.max-backoff=2s" })
@Import(TestClock.Config.class)
abstract class SandboxTests {

	static final String ADMIN_TOKEN = "test-admin-token";

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	String base() {
		return "http://127.0.0.1:" + port;
	}

	HttpResponse<String> post(String path, String contentType, String body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> get(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
