package com.partnerbot.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no Slack credential at all is set: the bot then serves the local Slack
 * sandbox and seeds a demo program. A partial set never falls back to the sandbox:
 * {@link SlackCredentialsCheck} stops the start-up first.
 */
public class LocalMode implements Condition {

	static final String SIGNING_SECRET = "slack.signing-secret";

	static final String BOT_TOKEN = "slack.bot-token";

	static final String APP_TOKEN = "slack.app-token";

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isLocal(context.getEnvironment());
	}

	public static boolean isLocal(Environment environment) {
		return !set(environment, SIGNING_SECRET) && !set(environment, BOT_TOKEN) && !set(environment, APP_TOKEN);
	}

	static boolean set(Environment environment, String property) {
		return StringUtils.hasText(environment.getProperty(property));
	}

}
