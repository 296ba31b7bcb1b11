package com.partnerbot.sandbox;

import java.util.Map;

import com.partnerbot.platform.LocalMode;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In local mode the sandbox's channel managers' channel receives the alerts and its admin
 * may use admin commands, unless the configuration says otherwise.
 */
class SandboxDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (LocalMode.isLocal(environment)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("sandbox-defaults", Map.of("partnerbot.alerts-channel",
						SandboxWorkspace.ALERTS_CHANNEL, "partnerbot.slack-admins", SandboxWorkspace.ADMIN)));
		}
	}

}
