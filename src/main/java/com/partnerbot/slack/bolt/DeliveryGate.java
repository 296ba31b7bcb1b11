package com.partnerbot.slack.bolt;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Bolt middleware, after Bolt's signature check and authorization: acts on each
 * {@code event_id} once, across Slack's retries and across instances, and puts the
 * delivery and its event id where handlers and log lines find them.
 * <p>
 * An Events API delivery is acknowledged before anything touches the database: Slack
 * wants its answer within three seconds and only the status counts, and every event
 * handler only queues work. A retry this instance has already seen is recognised in
 * memory; everything else goes, in arrival order, to one thread that claims the
 * {@code event_id} in PostgreSQL (so a retry another instance received is not acted on
 * twice), storing its body under a lease, and then routes the event to its handler. The
 * delivery is done when the handler and the work it queued on {@link SlackWork} are; if
 * this instance dies first, {@link DeliveryRecovery} on another runs it again, since
 * Slack does not send an acknowledged delivery twice. (A delivery still waiting for that
 * thread when the instance dies, a few milliseconds' worth, is not yet stored and is
 * lost.) When too many deliveries wait for that thread, the delivery is refused with 503
 * and Slack retries it. Interactivity and slash commands carry no {@code event_id} and
 * pass straight through: their answer is the handler's.
 */
@Component
class DeliveryGate implements Middleware, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryGate.class);

	/** Slack retries a delivery three times within about five minutes. */
	private static final Duration REMEMBERED = Duration.ofMinutes(30);

	/** The delivery being run again on this thread, taken over from another instance. */
	private static final ThreadLocal<DeliveryWork> REPLAYING = new ThreadLocal<>();

	private final SlackDeliveries deliveries;

	/** Event ids this instance has acknowledged lately. */
	private final Cache<String, Boolean> seen = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(REMEMBERED)
		.build();

	/** Claims and routes events after their acknowledgement, one at a time, in order. */
	private final ThreadPoolExecutor afterAck;

	DeliveryGate(SlackDeliveries deliveries, SlackProperties properties) {
		this.deliveries = deliveries;
		this.afterAck = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.work().queue()),
				Thread.ofPlatform().name("slack-deliveries").daemon().factory());
	}

	@Override
	public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
		// over HTTP the controller has parsed and checked the body already; Socket Mode
		// comes here directly
		Delivery delivery = CurrentDelivery.get().orElseGet(() -> parse(req));
		boolean ownScope = CurrentDelivery.get().isEmpty();
		try (MDC.MDCCloseable e = MDC.putCloseable("event_id", delivery.eventId())) {
			DeliveryWork replay = REPLAYING.get();
			if (delivery.eventId() != null && replay != null && replay.eventId().equals(delivery.eventId())) {
				// taken over from an instance that died: acknowledged and claimed long
				// ago
				handle(delivery, req, chain, replay);
				return Response.ok();
			}
			if (delivery.eventId() != null) {
				return acknowledge(delivery, req, chain);
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

	private Response acknowledge(Delivery delivery, Request<?> req, MiddlewareChain chain) {
		String eventId = delivery.eventId();
		int retry = (req.getHeaders() != null) ? retryNum(req.getHeaders().getFirstValue("X-Slack-Retry-Num")) : 0;
		Map<String, String> context = MDC.getCopyOfContextMap();
		boolean repeat = seen.asMap().putIfAbsent(eventId, Boolean.TRUE) != null;
		try {
			afterAck.execute(() -> {
				if (context != null) {
					MDC.setContextMap(context);
				}
				try {
					if (repeat) {
						log.info("Repeated delivery of {} (retry {}) acknowledged, not acted on", eventId, retry);
						deliveries.repeated(eventId, retry);
					}
					else {
						route(delivery, req, chain, retry);
					}
				}
				catch (RuntimeException ex) {
					log.error("Slack delivery {} failed after its acknowledgement", eventId, ex);
				}
				finally {
					MDC.clear();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			if (!repeat) {
				seen.invalidate(eventId);
			}
			log.warn("Slack delivery {} refused: {} deliveries are waiting; Slack will retry it", eventId,
					afterAck.getQueue().size());
			return Response.builder()
				.statusCode(503)
				.contentType("application/json")
				.body("{\"ok\":false,\"error\":\"busy; try again later\"}")
				.build();
		}
		return Response.ok();
	}

	private void route(Delivery delivery, Request<?> req, MiddlewareChain chain, int retry) {
		String eventId = delivery.eventId();
		boolean first;
		try {
			first = deliveries.claim(eventId, delivery.text("event.type").orElse(null),
					delivery.text("team_id").orElse(null), retry, req.getRequestBodyAsString());
		}
		catch (DataAccessException ex) {
			// acknowledged already, so Slack will not send it again: acting on it risks a
			// second answer only if another instance also received it, losing it is worse
			log.error("Could not record Slack delivery {}; acting on it unrecorded", eventId, ex);
			first = true;
		}
		if (!first) {
			log.info("Delivery of {} (retry {}) was taken by another instance, not acted on", eventId, retry);
			return;
		}
		handle(delivery, req, chain, new DeliveryWork(eventId, deliveries, false));
	}

	/**
	 * Routes the event to its handler; the delivery is done when the handler and the work
	 * it queued on {@link SlackWork} are.
	 */
	private void handle(Delivery delivery, Request<?> req, MiddlewareChain chain, DeliveryWork work) {
		CurrentDelivery.set(delivery);
		CurrentDelivery.track(work);
		try {
			chain.next(req);
		}
		catch (Exception ex) {
			// a shape Bolt cannot route: Slack does not send such events
			log.warn("Slack event {} could not be handled: {}", delivery.eventId(), ex.toString());
		}
		finally {
			CurrentDelivery.clear();
			work.release();
		}
	}

	/**
	 * Runs Bolt's routing on this thread for a delivery taken over from another instance,
	 * straight to its handler.
	 */
	static void replaying(DeliveryWork work, Runnable routing) {
		REPLAYING.set(work);
		try {
			routing.run();
		}
		finally {
			REPLAYING.remove();
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

	@Override
	public void destroy() throws InterruptedException {
		afterAck.shutdown();
		if (!afterAck.awaitTermination(10, TimeUnit.SECONDS)) {
			log.warn("Slack deliveries still waiting at shutdown were abandoned: {}", afterAck.shutdownNow().size());
		}
	}

}
