package com.partnerbot.slack.bolt;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import okhttp3.OkHttpClient;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

import com.partnerbot.platform.CpuSlots;

/**
 * The Slack Web API at {@code SLACK_API_URL}, with the bot token.
 */
@Component
@RequiredArgsConstructor
public class SlackApi {

	private final SlackCredentials credentials;

	private final SlackProperties properties;

	private volatile Slack slack;

	Slack slack() {
		Slack ready = slack;
		if (ready == null) {
			synchronized (this) {
				if (slack == null) {
					// built on first use: in local mode the URL names this process's own
					// port
					SlackConfig config = new SlackConfig();
					config.setMethodsEndpointUrlPrefix(credentials.apiUrl());
					config.setPrettyResponseLoggingEnabled(false);
					int timeout = (int) properties.callTimeout().toMillis();
					config.setHttpClientCallTimeoutMillis(timeout);
					config.setHttpClientReadTimeoutMillis(timeout);
					// a task computing on one of the cores' slots gives it up while Slack
					// answers
					OkHttpClient http = SlackHttpClient.buildOkHttpClient(config)
						.newBuilder()
						.addInterceptor((chain) -> CpuSlots.waiting(() -> chain.proceed(chain.request())))
						.build();
					SlackHttpClient client = new SlackHttpClient(http);
					client.setConfig(config);
					slack = Slack.getInstance(config, client);
				}
				ready = slack;
			}
		}
		return ready;
	}

	/** A Web API client with the bot token. */
	public MethodsClient client() {
		return slack().methods(credentials.botToken());
	}

	/**
	 * Opens a modal for the trigger of a click or command; whether Slack opened it (a
	 * failure is logged: the trigger lives three seconds only).
	 */
	public boolean openView(String triggerId, com.slack.api.model.view.View view) {
		try {
			var response = client().viewsOpen(r -> r.triggerId(triggerId).view(view));
			if (!response.isOk()) {
				org.slf4j.LoggerFactory.getLogger(SlackApi.class).warn("views.open failed: {}", response.getError());
			}
			return response.isOk();
		}
		catch (java.io.IOException | com.slack.api.methods.SlackApiException ex) {
			org.slf4j.LoggerFactory.getLogger(SlackApi.class).warn("views.open failed", ex);
			return false;
		}
	}

	String apiUrl() {
		return credentials.apiUrl();
	}

}
