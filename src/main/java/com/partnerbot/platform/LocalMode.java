package com.partnerbot.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no Slack credentials are set: the bot then serves the local Slack sandbox
 * and seeds a demo program.
 */
public class LocalMode implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isLocal(context.getEnvironment());
	}

	public static boolean isLocal(Environment environment) {
		return !StringUtils.hasText(environment.getProperty("slack.signing-secret"))
				&& !StringUtils.hasText(environment.getProperty("slack.app-token"));
	}

}
