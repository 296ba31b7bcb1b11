package com.partnerbot.sandbox;

import java.net.http.HttpResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.partnerbot.TestClock;
import com.partnerbot.TestHttp;

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

	@LocalServerPort
	int port;

	String base() {
		return "http://127.0.0.1:" + port;
	}

	HttpResponse<String> post(String path, String contentType, String body, String token) {
		return TestHttp.send(port, "POST", path, contentType, body, token);
	}

	HttpResponse<String> get(String path) {
		return TestHttp.send(port, "GET", path, null, null, null);
	}

	/** A GET of the admin API, with the admin token. */
	HttpResponse<String> adminGet(String path) {
		return TestHttp.send(port, "GET", path, null, null, ADMIN_TOKEN);
	}

}
