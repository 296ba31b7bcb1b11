package com.partnerbot.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops the start-up when the Slack credentials are a partial set, naming what is
 * missing: a bot token with no way to verify requests would otherwise run unverified or
 * fall back to the sandbox, which acts as anyone.
 * <ul>
 * <li>none: the local sandbox;</li>
 * <li>{@code SLACK_BOT_TOKEN} and {@code SLACK_SIGNING_SECRET}: Slack over HTTP;</li>
 * <li>{@code SLACK_BOT_TOKEN} and {@code SLACK_APP_TOKEN}: Socket Mode.</li>
 * </ul>
 */
class SlackCredentialsCheck implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String problem = problem(LocalMode.set(environment, LocalMode.SIGNING_SECRET),
				LocalMode.set(environment, LocalMode.BOT_TOKEN), LocalMode.set(environment, LocalMode.APP_TOKEN));
		if (problem != null) {
			throw new IllegalStateException(problem);
		}
	}

	/** What is missing from a set of Slack credentials, or null when the set is whole. */
	static String problem(boolean signingSecret, boolean botToken, boolean appToken) {
		if (!signingSecret && !botToken && !appToken) {
			return null;
		}
		if (!botToken) {
			return "SLACK_BOT_TOKEN is missing: it is set with " + (signingSecret ? "SLACK_SIGNING_SECRET" : "")
					+ ((signingSecret && appToken) ? " and " : "") + (appToken ? "SLACK_APP_TOKEN" : "")
					+ ", and the bot cannot call Slack without it (unset every SLACK_ variable for the local sandbox)";
		}
		if (!signingSecret && !appToken) {
			return "SLACK_SIGNING_SECRET is missing: SLACK_BOT_TOKEN is set, and requests to /slack/events cannot be "
					+ "verified without it (or set SLACK_APP_TOKEN for Socket Mode; unset every SLACK_ variable for "
					+ "the local sandbox)";
		}
		return null;
	}

}
