package com.partnerbot.crm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.stereotype.Component;

/**
 * HTTP to either CRM: JSON in and out, one timeout, and the failures both vendors share
 * sorted into {@link CrmCallException} kinds (5xx and timeouts are transient, 429 waits
 * for {@code Retry-After}). Counts the calls, for the status and the benchmark.
 */
@Component
class CrmHttp {

	/** The wait after a 429 that does not say how long. */
	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final JsonMapper json;

	private final Duration timeout;

	private final AtomicLong calls = new AtomicLong();

	CrmHttp(JsonMapper json, CrmProperties properties) {
		this.json = json;
		this.timeout = properties.crmSync().callTimeout();
	}

	/** A CRM's answer; {@code body} is a missing node when there was none. */
	record Answer(int status, HttpResponse<String> response, JsonNode body) {

		String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		boolean ok() {
			return status >= 200 && status < 300;
		}

	}

	JsonMapper json() {
		return json;
	}

	long calls() {
		return calls.get();
	}

	/** Sends a request with a JSON body (null: none). */
	Answer send(String method, URI uri, Object body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return send(request.build());
	}

	/** Sends a form (OAuth token requests). */
	Answer sendForm(URI uri, String form) {
		return send(HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("Accept", "application/json")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	private Answer send(HttpRequest request) {
		calls.incrementAndGet();
		HttpResponse<String> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new CrmCallException(CrmCallException.Kind.TRANSIENT, request.method() + " " + request.uri().getPath()
					+ ": " + ex.getClass().getSimpleName() + (ex.getMessage() != null ? " " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CrmCallException(CrmCallException.Kind.TRANSIENT, "interrupted");
		}
		int status = response.statusCode();
		if (status == 429) {
			throw new CrmCallException(CrmCallException.Kind.RATE_LIMITED,
					request.uri().getPath() + " answered 429: " + brief(response.body()),
					retryAfter(response).orElse(DEFAULT_RETRY_AFTER));
		}
		if (status >= 500) {
			throw new CrmCallException(CrmCallException.Kind.TRANSIENT,
					request.uri().getPath() + " answered " + status + ": " + brief(response.body()),
					retryAfter(response).orElse(null));
		}
		return new Answer(status, response, parse(response.body()));
	}

	private JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return json.readTree(body);
		}
		catch (RuntimeException ex) {
			return MissingNode.getInstance();
		}
	}

	/** {@code Retry-After} in seconds or as an HTTP date. */
	static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
		// HubSpot's ten-second limit says how long its window is instead
		java.util.Optional<Duration> window = response.headers()
			.firstValue("X-HubSpot-RateLimit-Interval-Milliseconds")
			.filter(value -> value.strip().matches("\\d{1,9}"))
			.map(value -> Duration.ofMillis(Long.parseLong(value.strip())));
		return response.headers().firstValue("Retry-After").<Duration>flatMap(value -> {
			try {
				return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
			}
			catch (NumberFormatException ex) {
				try {
					ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
					return java.util.Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at));
				}
				catch (RuntimeException unparsable) {
					return java.util.Optional.empty();
				}
			}
		}).or(() -> window);
	}

	static String brief(String body) {
		if (body == null) {
			return "";
		}
		String flat = body.replaceAll("\\s+", " ").strip();
		return (flat.length() > 300) ? flat.substring(0, 300) + "…" : flat;
	}

}
