package com.partnerbot.slack.bolt;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.SmartLifecycle;
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
 * memory; everything else waits in memory for one of a few threads that claims the
 * {@code event_id} in PostgreSQL (so a retry another instance received is not acted on
 * twice), storing its body under a lease, and then routes the event to its handler. A
 * channel's deliveries are claimed and routed one at a time in the order they came (a
 * follow-up after its question), different channels side by side, so a handler held up by
 * the database holds up its own channel only. The delivery is done when the handler and
 * the work it queued on {@link SlackWork} are; if this instance dies first,
 * {@link DeliveryRecovery} on another runs it again, since Slack does not send an
 * acknowledged delivery twice.
 * <p>
 * A delivery still waiting for those threads is not yet stored. When the instance is
 * stopped (SIGTERM, a rolling deploy), it stops after the web server and Socket Mode have
 * stopped taking deliveries, and stores what still waits as claimed and left to another
 * instance, whose recovery runs it. Only a hard kill (SIGKILL, a crash, the machine lost)
 * loses what was waiting then: the time between an acknowledgement and its claim,
 * milliseconds unless the database is slow (docs/benchmarks.md). When too many deliveries
 * wait, the delivery is refused with 503 and Slack retries it. Interactivity and slash
 * commands carry no {@code event_id} and pass straight through: their answer is the
 * handler's.
 */
@Component
class DeliveryGate extends ShutdownStep implements Middleware {

	/**
	 * Stops after the web server (Spring Boot's graceful shutdown, then its stop) and
	 * Socket Mode, so no delivery is acknowledged after the queue was stored; before
	 * {@link SlackWork}, which the routing feeds.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger log = LoggerFactory.getLogger(DeliveryGate.class);

	/** Slack retries a delivery three times within about five minutes. */
	private static final Duration REMEMBERED = Duration.ofMinutes(30);

	/** How long a stop waits for the deliveries being claimed and routed. */
	private static final Duration ROUTING_AT_STOP = Duration.ofSeconds(10);

	/** The delivery being run again on this thread, taken over from another instance. */
	private static final ThreadLocal<DeliveryWork> REPLAYING = new ThreadLocal<>();

	private final SlackDeliveries deliveries;

	/** Event ids this instance has acknowledged lately. */
	private final Cache<String, Boolean> seen = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(REMEMBERED)
		.build();

	/** Claims and routes events after their acknowledgement, in order per channel. */
	private final ConversationLanes<Acknowledged> afterAck;

	DeliveryGate(SlackDeliveries deliveries, SlackProperties properties) {
		super(PHASE);
		this.deliveries = deliveries;
		this.afterAck = new ConversationLanes<>("slack-deliveries", properties.work().routingThreads(),
				properties.work().queue(), this::afterAcknowledgement);
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
		boolean repeat = seen.asMap().putIfAbsent(eventId, Boolean.TRUE) != null;
		Acknowledged acknowledged = new Acknowledged(delivery, req, chain, retry, repeat, MDC.getCopyOfContextMap());
		if (!afterAck.offer(conversation(delivery), acknowledged)) {
			if (!repeat) {
				seen.invalidate(eventId);
			}
			log.warn("Slack delivery {} refused: {}; Slack will retry it", eventId,
					routing() ? afterAck.queued() + " deliveries are waiting" : "this instance is stopping");
			return Response.builder()
				.statusCode(503)
				.contentType("application/json")
				.body("{\"ok\":false,\"error\":\"busy; try again later\"}")
				.build();
		}
		return Response.ok();
	}

	/**
	 * What must be routed in order: a channel's deliveries (a direct message's too);
	 * events outside any channel, by their person; else none.
	 */
	private static String conversation(Delivery delivery) {
		return delivery.first("event.channel", "event.channel.id", "event.item.channel", "event.user", "event.user.id")
			.orElse(delivery.eventId());
	}

	private void afterAcknowledgement(Acknowledged acknowledged) {
		String eventId = acknowledged.delivery().eventId();
		if (acknowledged.context() != null) {
			MDC.setContextMap(acknowledged.context());
		}
		try {
			if (acknowledged.repeat()) {
				log.info("Repeated delivery of {} (retry {}) acknowledged, not acted on", eventId,
						acknowledged.retry());
				deliveries.repeated(eventId, acknowledged.retry());
			}
			else {
				route(acknowledged.delivery(), acknowledged.request(), acknowledged.chain(), acknowledged.retry());
			}
		}
		catch (RuntimeException ex) {
			log.error("Slack delivery {} failed after its acknowledgement", eventId, ex);
		}
		finally {
			MDC.clear();
		}
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

	/** Whether acknowledged deliveries are still claimed and routed. */
	boolean routing() {
		return !afterAck.closed();
	}

	/**
	 * Lets the deliveries being routed finish, and stores the ones still waiting as left
	 * to another instance: acknowledged, they would be lost with this one.
	 */
	@Override
	void halt() {
		afterAck.close();
		List<Acknowledged> left = afterAck.drain(ROUTING_AT_STOP);
		int stored = 0;
		for (Acknowledged waiting : left) {
			if (waiting.repeat()) {
				continue;
			}
			Delivery delivery = waiting.delivery();
			try {
				deliveries.leave(delivery.eventId(), delivery.text("event.type").orElse(null),
						delivery.text("team_id").orElse(null), waiting.request().getRequestBodyAsString());
				stored++;
			}
			catch (DataAccessException ex) {
				log.error("Slack delivery {} could not be left to another instance and is lost", delivery.eventId(),
						ex);
			}
		}
		if (stored > 0) {
			log.warn("{} Slack deliveries acknowledged but not yet routed at shutdown were stored for another instance",
					stored);
		}
	}

	/** An acknowledged delivery waiting to be claimed and routed. */
	private record Acknowledged(Delivery delivery, Request<?> request, MiddlewareChain chain, int retry, boolean repeat,
			Map<String, String> context) {
	}

}
