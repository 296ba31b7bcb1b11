package com.partnerbot.slack.bolt;

import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Bolt app. It is built on first use rather than at start-up: Bolt checks its token
 * with {@code auth.test} when its middleware is assembled, and the Web API (or the local
 * sandbox's emulator, served by this very process) may not answer yet while the context
 * starts.
 */
@Component
@RequiredArgsConstructor
class SlackBolt {

	private static final Logger log = LoggerFactory.getLogger(SlackBolt.class);

	private final SlackCredentials credentials;

	private final DeliveryGate gate;

	private final List<SlackFeature> features;

	private final SlackApi api;

	private volatile App app;

	/**
	 * Builds the app once the server listens, so the first delivery does not pay for it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		if (credentials.local()) {
			// the sandbox's Web API emulator is what answers here, and only once the
			// sandbox is used
			return;
		}
		Thread.ofVirtual().name("slack-bolt-warm-up").start(() -> {
			try {
				app();
			}
			catch (RuntimeException ex) {
				log.warn("Slack app not ready yet ({}); the first delivery will try again", ex.getMessage());
			}
		});
	}

	App app() {
		App ready = app;
		if (ready == null) {
			synchronized (this) {
				if (app == null) {
					app = build();
				}
				ready = app;
			}
		}
		return ready;
	}

	private App build() {
		App bolt = new App(AppConfig.builder()
			.slack(api.slack())
			.signingSecret(credentials.signingSecret())
			.singleTeamBotToken(credentials.botToken())
			.subtypedMessageEventsAutoAckEnabled(true)
			.allEventsApiAutoAckEnabled(true)
			.unmatchedRequestHandler(req -> Response.ok())
			// SlackEventsController checks every signature over the raw bytes before Bolt
			// sees the request; Socket Mode deliveries are not signed
			.requestVerificationEnabled(false)
			.build());
		bolt.use(gate);
		features.forEach(feature -> feature.register(bolt));
		log.info("Slack app ready: Web API at {}, {} handler groups", api.apiUrl(), features.size());
		return bolt;
	}

}
