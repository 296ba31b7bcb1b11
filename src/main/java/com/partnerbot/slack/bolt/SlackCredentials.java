package com.partnerbot.slack.bolt;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.partnerbot.platform.LocalMode;
import com.partnerbot.slack.LocalSlack;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The credentials the bot runs with. In local mode there are none configured: the bot
 * makes up a signing secret that only the sandbox knows, and talks to the sandbox's Web
 * API emulator.
 */
@Component
class SlackCredentials implements LocalSlack {

	static final String SANDBOX_API_PATH = "/sandbox/api/";

	private final SlackProperties properties;

	private final Environment environment;

	private final boolean local;

	private final String signingSecret;

	private final String localBotToken;

	SlackCredentials(SlackProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
		this.local = LocalMode.isLocal(environment);
		SecureRandom random = new SecureRandom();
		this.signingSecret = local ? HexFormat.of().formatHex(random.generateSeed(16)) : properties.signingSecret();
		this.localBotToken = "xoxb-sandbox-" + HexFormat.of().formatHex(random.generateSeed(12));
	}

	boolean local() {
		return local;
	}

	/**
	 * The secret requests to {@code /slack/events} are signed with; null refuses them
	 * all.
	 */
	@Override
	public String sign(String timestamp, byte[] body) {
		return RequestSignature.sign(signingSecret(), timestamp, body);
	}

	String signingSecret() {
		return StringUtils.hasText(signingSecret) ? signingSecret : null;
	}

	@Override
	public String botToken() {
		return local ? localBotToken : properties.botToken();
	}

	/** The Web API base URL, ending in {@code /}. */
	String apiUrl() {
		if (local && !environment.containsProperty("slack.api-url")) {
			String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
			return URI.create("http://127.0.0.1:" + port + SANDBOX_API_PATH).toString();
		}
		return properties.apiUrl().toString();
	}

}
