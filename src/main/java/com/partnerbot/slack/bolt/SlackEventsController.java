package com.partnerbot.slack.bolt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import lombok.RequiredArgsConstructor;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every Slack delivery over HTTP. The signature and the body's shape are checked here,
 * before Bolt, so that an unsigned request is a 401 and a signed but broken one a 400
 * rather than an exception inside Bolt; then Bolt routes it and its handler acknowledges
 * at once.
 */
@RestController
@RequiredArgsConstructor
class SlackEventsController {

	private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);

	private final SlackBolt bolt;

	private final SlackCredentials credentials;

	private final SlackProperties properties;

	// a request's timestamp is checked against real time, not the business day's clock
	private final Clock clock = Clock.systemUTC();

	@PostMapping("/slack/events")
	ResponseEntity<String> events(HttpServletRequest request) throws IOException {
		try (MDC.MDCCloseable r = MDC.putCloseable("request_id", UUID.randomUUID().toString())) {
			return handle(request);
		}
	}

	private ResponseEntity<String> handle(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > properties.maxBodyBytes()) {
			return error(HttpStatus.BAD_REQUEST, "the body is larger than " + properties.maxBodyBytes() + " bytes");
		}
		byte[] body = read(request.getInputStream(), properties.maxBodyBytes());
		if (body == null) {
			return error(HttpStatus.BAD_REQUEST, "the body is larger than " + properties.maxBodyBytes() + " bytes");
		}
		String timestamp = request.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
		String signature = request.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
		String refusal = checkSignature(timestamp, signature, body);
		if (refusal != null) {
			log.warn("Refused a Slack request: {}", refusal);
			return error(HttpStatus.UNAUTHORIZED, refusal);
		}
		Delivery delivery;
		String text;
		try {
			text = SlackPayloads.utf8(body);
			delivery = SlackPayloads.parse(request.getContentType(), text);
		}
		catch (MalformedDeliveryException ex) {
			log.warn("Malformed Slack request: {}", ex.getMessage());
			return error(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		return run(request, text, delivery);
	}

	private ResponseEntity<String> run(HttpServletRequest request, String body, Delivery delivery) {
		App app;
		try {
			app = bolt.app();
		}
		catch (RuntimeException ex) {
			// Bolt checks its token with auth.test when it is built; Slack will retry the
			// delivery
			log.error("The Slack app is not ready: {}", ex.getMessage());
			return error(HttpStatus.SERVICE_UNAVAILABLE, "the Slack app is not ready; try again later");
		}
		try (MDC.MDCCloseable e = MDC.putCloseable("event_id", delivery.eventId())) {
			CurrentDelivery.set(delivery);
			Request<?> slackRequest;
			try {
				slackRequest = new SlackRequestParser(app.config()).parse(SlackRequestParser.HttpRequest.builder()
					.requestUri(request.getRequestURI())
					.queryString(Map.of())
					.headers(new RequestHeaders(headers(request)))
					.requestBody(body)
					.remoteAddress(request.getRemoteAddr())
					.build());
			}
			catch (RuntimeException ex) {
				// whatever Bolt's parser trips on is a shape Slack does not send
				log.warn("Slack request could not be parsed: {}", ex.toString());
				return error(HttpStatus.BAD_REQUEST, "the payload does not have the shape Slack sends");
			}
			if (slackRequest == null) {
				return error(HttpStatus.BAD_REQUEST, "not a Slack request Bolt can route");
			}
			Response response = app.run(slackRequest);
			return toEntity(response);
		}
		catch (JsonParseException | IllegalArgumentException | IllegalStateException | ClassCastException
				| NullPointerException | UnsupportedOperationException ex) {
			log.warn("Slack request could not be read: {}", ex.toString());
			return error(HttpStatus.BAD_REQUEST, "the payload does not have the shape Slack sends");
		}
		catch (DataAccessException ex) {
			log.error("Database unavailable while acknowledging a Slack request", ex);
			return error(HttpStatus.SERVICE_UNAVAILABLE, "try again later");
		}
		catch (Exception ex) {
			log.error("Slack request failed", ex);
			return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
		}
		finally {
			CurrentDelivery.clear();
		}
	}

	/**
	 * Null when the request is signed with our secret within the allowed clock skew; else
	 * why not.
	 */
	private String checkSignature(String timestamp, String signature, byte[] body) {
		String secret = credentials.signingSecret();
		if (secret == null) {
			return "no signing secret is configured";
		}
		if (timestamp == null || signature == null) {
			return "missing X-Slack-Request-Timestamp or X-Slack-Signature";
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			return "X-Slack-Request-Timestamp is not a number";
		}
		if (Math.abs(clock.instant().getEpochSecond() - seconds) > properties.maxClockSkewSeconds()) {
			return "stale request: timestamp " + seconds + " is more than " + properties.maxClockSkewSeconds()
					+ " s from now";
		}
		byte[] expected = RequestSignature.sign(secret, timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
			return "signature mismatch";
		}
		return null;
	}

	private static byte[] read(InputStream in, int limit) throws IOException {
		byte[] bytes = in.readNBytes(limit + 1);
		return (bytes.length > limit) ? null : bytes;
	}

	private static Map<String, List<String>> headers(HttpServletRequest request) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
		}
		return headers;
	}

	private static ResponseEntity<String> toEntity(Response response) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.getStatusCode());
		if (response.getHeaders() != null) {
			response.getHeaders().forEach((name, values) -> builder.header(name, values.toArray(String[]::new)));
		}
		String type = response.getContentType();
		if (type != null && type.contains("/") && !type.startsWith("plain/")) {
			builder.contentType(MediaType.parseMediaType(type));
		}
		else {
			builder.contentType(MediaType.TEXT_PLAIN);
		}
		return builder.body(response.getBody() != null ? response.getBody() : "");
	}

	private static ResponseEntity<String> error(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"ok\":false,\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "'") + "\"}");
	}

}
