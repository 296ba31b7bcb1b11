package com.partnerbot.slack.bolt;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.partnerbot.platform.ScheduledJobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slack does not send an acknowledged delivery again, so an instance that dies between
 * the acknowledgement and the end of the work would lose it. Each instance renews the
 * lease of the deliveries it works on; once across the cluster, a job runs again, through
 * the same Bolt routing, each delivery whose lease ran out unfinished, at most so many
 * times.
 */
@Component
class DeliveryRecovery {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRecovery.class);

	private final SlackDeliveries deliveries;

	private final ScheduledJobs jobs;

	private final SlackBolt bolt;

	private final int maxAttempts;

	DeliveryRecovery(SlackDeliveries deliveries, ScheduledJobs jobs, SlackBolt bolt,
			@Value("${partnerbot.slack.delivery-attempts:3}") int maxAttempts) {
		this.deliveries = deliveries;
		this.jobs = jobs;
		this.bolt = bolt;
		this.maxAttempts = maxAttempts;
	}

	@Scheduled(fixedDelayString = "${partnerbot.slack.delivery-lease-renewal:10s}")
	void renew() {
		deliveries.renew();
	}

	@Scheduled(fixedDelayString = "${partnerbot.slack.delivery-recovery-interval:15s}",
			initialDelayString = "${partnerbot.slack.delivery-recovery-interval:15s}")
	void recover() {
		recoverNow();
	}

	/**
	 * Runs again what the cluster left unfinished, unless another instance is at it;
	 * returns whether it ran here. Taking a delivery over is atomic, so the job need not
	 * hold its lock after it ends.
	 */
	boolean recoverNow() {
		return jobs.runExclusively("slack-delivery-recovery", Duration.ofMinutes(5), Duration.ZERO, () -> {
			for (String eventId : deliveries.giveUp(maxAttempts)) {
				log.error("Slack delivery {} given up after {} attempts: its work never finished", eventId,
						maxAttempts);
			}
			List<String> expired = deliveries.expired(100);
			for (String eventId : expired) {
				deliveries.takeOver(eventId, maxAttempts).ifPresent(this::runAgain);
			}
		});
	}

	private void runAgain(SlackDeliveries.Unfinished unfinished) {
		try (MDC.MDCCloseable e = MDC.putCloseable("event_id", unfinished.eventId())) {
			log.warn("Slack delivery {} was left unfinished by an instance that stopped; running it again (attempt {})",
					unfinished.eventId(), unfinished.attempts());
			DeliveryWork work = new DeliveryWork(unfinished.eventId(), deliveries, true);
			try {
				App app = bolt.app();
				Request<?> request = new SlackRequestParser(app.config()).parse(SlackRequestParser.HttpRequest.builder()
					.requestUri("/slack/events")
					.queryString(Map.of())
					.headers(new RequestHeaders(Map.of("Content-Type", List.of("application/json"))))
					.requestBody(unfinished.body())
					.build());
				DeliveryGate.replaying(work, () -> {
					try {
						app.run(request);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
			}
			catch (RuntimeException ex) {
				// its lease runs out again and the next attempt, or the last, tells
				work.abandon();
				log.error("Slack delivery {} could not be run again", unfinished.eventId(), ex);
			}
		}
	}

}
