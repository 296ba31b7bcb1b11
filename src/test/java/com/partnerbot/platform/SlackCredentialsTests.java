package com.partnerbot.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.partnerbot.PartnerbotApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A partial set of Slack credentials stops the start-up, naming what is missing: it never
 * runs unverified nor falls back to the sandbox, which acts as anyone.
 */
class SlackCredentialsTests {

	@ParameterizedTest
	@CsvSource({ "false, true, false, SLACK_SIGNING_SECRET is missing",
			"true, false, false, SLACK_BOT_TOKEN is missing", "false, false, true, SLACK_BOT_TOKEN is missing",
			"true, false, true, SLACK_BOT_TOKEN is missing" })
	void aPartialSetIsNamed(boolean signingSecret, boolean botToken, boolean appToken, String problem) {
		assertThat(SlackCredentialsCheck.problem(signingSecret, botToken, appToken)).startsWith(problem);
	}

	@ParameterizedTest
	@CsvSource({ "false, false, false", "true, true, false", "false, true, true", "true, true, true" })
	void aWholeSetOrNoneStarts(boolean signingSecret, boolean botToken, boolean appToken) {
		assertThat(SlackCredentialsCheck.problem(signingSecret, botToken, appToken)).isNull();
	}

	@Test
	void theApplicationRefusesToStartWithABotTokenAlone() {
		assertThatThrownBy(() -> start(Map.of("slack.bot-token", "xoxb-only")))
			.satisfies(ex -> assertThat(messages(ex)).contains("SLACK_SIGNING_SECRET is missing"));
	}

	@Test
	void theApplicationRefusesToStartWithASigningSecretAlone() {
		assertThatThrownBy(() -> start(Map.of("slack.signing-secret", "only-a-secret")))
			.satisfies(ex -> assertThat(messages(ex)).contains("SLACK_BOT_TOKEN is missing"));
	}

	private static String messages(Throwable ex) {
		StringBuilder all = new StringBuilder();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			all.append(t.getMessage()).append('\n');
		}
		return all.toString();
	}

	private static void start(Map<String, Object> properties) {
		SpringApplication application = new SpringApplication(PartnerbotApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(properties);
		application.run().close();
	}

}
