package com.partnerbot.slack.bolt;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code SLACK_APP_TOKEN} set, the bot receives Slack's deliveries over a Socket
 * Mode connection instead of HTTP; they take the same Bolt path, deduplication included.
 * The connection closes, when the instance stops, before the deliveries it acknowledged
 * and did not route yet are stored for another instance ({@link DeliveryGate}).
 */
@Component
class SocketMode extends ShutdownStep {

	private static final Logger log = LoggerFactory.getLogger(SocketMode.class);

	private final SlackProperties properties;

	private final SlackBolt bolt;

	private volatile SocketModeApp socketModeApp;

	SocketMode(SlackProperties properties, SlackBolt bolt) {
		super(DeliveryGate.PHASE + 1024);
		this.properties = properties;
		this.bolt = bolt;
	}

	@EventListener(ApplicationReadyEvent.class)
	void connect() throws Exception {
		if (!properties.socketMode()) {
			return;
		}
		socketModeApp = new SocketModeApp(properties.appToken(), SocketModeClient.Backend.JavaWebSocket, bolt.app());
		socketModeApp.startAsync();
		log.info("Connected to Slack with Socket Mode");
	}

	@Override
	void halt() {
		SocketModeApp app = socketModeApp;
		if (app != null) {
			try {
				app.close();
			}
			catch (Exception ex) {
				log.warn("Socket Mode connection did not close cleanly", ex);
			}
		}
	}

}
