package com.partnerbot.surveys;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;

import static com.partnerbot.Library.number;
import static com.partnerbot.Library.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey rules as configured ({@code partnerbot.surveys.*} with nothing set, as the
 * demo runs) are what the demo library's "Partner satisfaction (PSAT) survey explained"
 * tells partners: when a figure is shown, when people are reminded, the quiet period, and
 * which scores reach the channel manager.
 */
class SurveyRulesMatchTheLibraryTests {

	private final SurveysProperties rules = new Binder(List.of()).bindOrCreate("partnerbot.surveys",
			SurveysProperties.class);

	private final String library = read("content-index/program/psat-survey.md");

	@Test
	void oneAnswerIsNotAScore() {
		assertThat(number(library, "A figure is shown only from \\*\\*(\\d+) responses\\*\\* on"))
			.isEqualTo(rules.minResponses());
	}

	@Test
	void remindersAndTheQuietPeriod() {
		assertThat(Duration
			.ofDays(number(library, "One reminder is sent after (\\d+) days to those who have not answered")))
			.isEqualTo(rules.remindAfter());
		assertThat(Duration
			.ofDays(number(library, "after any survey you get no short survey for \\*\\*(\\d+) days\\*\\*")))
			.isEqualTo(rules.quietPeriod());
		assertThat(library).contains("You are never asked twice about the same moment");
	}

	@Test
	void whichScoresReachTheChannelManager() {
		Matcher low = Pattern.compile("a satisfaction of 1 or (\\d+), or a likelihood to recommend of (\\d+) or less")
			.matcher(library);
		assertThat(low.find()).as("the library says which scores are low").isTrue();
		assertThat(Integer.parseInt(low.group(1))).isEqualTo(rules.lowSatisfaction());
		assertThat(Integer.parseInt(low.group(2))).isEqualTo(Invitation.DETRACTOR_MAX);
		assertThat(number(library, "percentage of detractors \\(0-(\\d+)\\)")).isEqualTo(Invitation.DETRACTOR_MAX);
	}

}
