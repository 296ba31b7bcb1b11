package com.partnerbot.slack.bolt;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * Bolt middleware, after Bolt's signature check and authorization: acts on each
 * {@code event_id} once, across Slack's retries and across instances, and puts the
 * delivery and its event id where handlers and log lines find them.
 */
@Component
class DeliveryGate implements Middleware {

	private static final Logger log = LoggerFactory.getLogger(DeliveryGate.class);

	private final SlackDeliveries deliveries;

	DeliveryGate(SlackDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
		// over HTTP the controller has parsed and checked the body already; Socket Mode
		// comes here directly
		Delivery delivery = CurrentDelivery.get().orElseGet(() -> parse(req));
		boolean ownScope = CurrentDelivery.get().isEmpty();
		try (MDC.MDCCloseable e = MDC.putCloseable("event_id", delivery.eventId())) {
			if (delivery.eventId() != null) {
				int retry = req.getHeaders() != null ? retryNum(req.getHeaders().getFirstValue("X-Slack-Retry-Num"))
						: 0;
				boolean first = deliveries.claim(delivery.eventId(), delivery.text("event.type").orElse(null),
						delivery.text("team_id").orElse(null), retry);
				if (!first) {
					log.info("Repeated delivery of {} (retry {}) acknowledged, not acted on", delivery.eventId(),
							retry);
					return Response.ok();
				}
			}
			if (ownScope) {
				CurrentDelivery.set(delivery);
			}
			return chain.next(req);
		}
		finally {
			if (ownScope) {
				CurrentDelivery.clear();
			}
		}
	}

	private static Delivery parse(Request<?> req) {
		String body = req.getRequestBodyAsString();
		String type = body.stripLeading().startsWith("{") ? "application/json" : "application/x-www-form-urlencoded";
		return SlackPayloads.parse(type, body);
	}

	private static int retryNum(String header) {
		try {
			return (header != null) ? Integer.parseInt(header.strip()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
