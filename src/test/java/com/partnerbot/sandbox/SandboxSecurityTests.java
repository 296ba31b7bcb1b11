package com.partnerbot.sandbox;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.partnerbot.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox acts as anyone, so it answers this machine only: a page that rebinds its
 * own DNS name to 127.0.0.1, another site's page, a proxy, or a path spelled around the
 * rule all get nothing.
 */
class SandboxSecurityTests extends SandboxTests {

	static Stream<String> paths() {
		return Stream.of("/", "/sandbox/session", "/sandbox/feed", "/sandbox/assets/sandbox.js");
	}

	@ParameterizedTest
	@MethodSource("paths")
	void aLoopbackRequestToALoopbackNameIsServed(String path) {
		for (String host : new String[] { "127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port,
				"[::1]:" + port, "127.0.0.2:" + port }) {
			assertThat(RawHttp.send(port, "GET", path, Map.of("Host", host), null).status()).as(host).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@MethodSource("paths")
	void aForeignHostOriginOrProxyIsRefused(String path) {
		for (Map<String, String> headers : new Map[] { Map.of("Host", "evil.example:" + port),
				Map.of("Host", "evil.example"), Map.of("Host", "127.0.0.1.evil.example"),
				Map.of("Host", "localhost.evil.example"), Map.of("Host", "10.0.0.1:" + port),
				Map.of("Origin", "http://evil.example"), Map.of("Origin", "null"),
				Map.of("X-Forwarded-For", "203.0.113.7"), Map.of("Forwarded", "for=203.0.113.7"),
				Map.of("X-Real-IP", "203.0.113.7") }) {
			RawHttp.Response response = RawHttp.send(port, "GET", path, headers, null);
			assertThat(response.status()).as(path + " " + headers).isEqualTo(403);
			assertThat(response.body()).doesNotContain("Dana", "Acme", "xoxb-");
		}
	}

	@Test
	void aRebindingPageCannotActThroughTheSandbox() {
		RawHttp.Response sent = RawHttp.send(port, "POST", "/sandbox/send",
				Map.of("Host", "attacker.example:" + port, "Origin", "http://attacker.example:" + port),
				"{\"as\":\"U0VENDOR01\",\"channel\":\"C0ACME0001\",\"text\":\"@Partnerbot hi\"}");
		assertThat(sent.status()).isEqualTo(403);
		RawHttp.Response emulator = RawHttp.send(port, "POST", "/sandbox/api/auth.test",
				Map.of("Host", "attacker.example:" + port), "{}");
		assertThat(emulator.status()).isEqualTo(403);
	}

	@Test
	void theSandboxPathsCannotBeSpelledAroundTheRule() {
		for (String path : new String[] { "/%73andbox/session", "/sandbox;x/session", "/sandbox/./session",
				"/x/../sandbox/session", "//sandbox/session", "/SANDBOX/session" }) {
			RawHttp.Response response = RawHttp.send(port, "GET", path,
					Map.of("Host", "evil.example", "X-Forwarded-For", "203.0.113.7"), null);
			assertThat(response.status()).as(path).isBetween(400, 499);
			assertThat(response.body()).doesNotContain("Dana", "Acme");
		}
	}

}
