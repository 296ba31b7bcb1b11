package com.partnerbot.slack.bolt;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code SLACK_APP_TOKEN} set, the bot receives Slack's deliveries over a Socket
 * Mode connection instead of HTTP; they take the same Bolt path, deduplication included.
 */
@Component
@RequiredArgsConstructor
class SocketMode implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SocketMode.class);

	private final SlackProperties properties;

	private final SlackBolt bolt;

	private SocketModeApp socketModeApp;

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
	public void destroy() throws Exception {
		if (socketModeApp != null) {
			socketModeApp.close();
		}
	}

}
