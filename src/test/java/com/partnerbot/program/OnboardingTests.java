package com.partnerbot.program;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.partnerbot.StubSlackApi;
import com.partnerbot.TestClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboarding journeys: the welcome, steps done by the events that do them, and the nudges
 * when a step is late or the journey stalls.
 */
// the shared test context keeps partners' channels free of the journey's messages
@org.springframework.test.context.TestPropertySource(properties = "partnerbot.program.onboarding-messages=true")
class OnboardingTests extends ProgramTests {

	@Autowired
	Onboarding onboarding;

	private Journey journey(String partnerId) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> onboarding.journey(UUID.fromString(partnerId)).orElse(null), j -> j != null);
	}

	private boolean done(String partnerId, String step) {
		return journey(partnerId).steps().stream().anyMatch(s -> s.name().equals(step) && s.done());
	}

	private void awaitDone(String partnerId, String step) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> done(partnerId, step));
	}

	@Test
	void aNewPartnerIsWelcomedInItsSharedChannelWithItsChecklist() {
		String channel = unique("C");
		String name = unique("Newco ");
		registerPartner(name, "Registered", unique("TN"), channel);

		List<StubSlackApi.Call> welcome = slackApi.awaitExactly("chat.postMessage",
				c -> channel.equals(c.arg("channel")) && String.valueOf(c.arg("text")).contains("Welcome"), 1);
		assertThat(welcome.get(0).arg("text")).contains(name);
		assertThat(welcome.get(0).arg("blocks")).contains("~Sign the program agreement~",
				"Get your first certification (by " + TestClock.today().plusDays(30) + ")", "Register your first deal",
				"Win your first deal");
	}

	@Test
	void aCertificationRecordedAndAFirstRegistrationDoTheirSteps() {
		String channel = unique("C");
		String partner = registerPartner(unique("Stepper "), "Registered", unique("TS"), channel);
		assertThat(done(partner, "agreement")).isTrue();
		assertThat(done(partner, "first-certification")).isFalse();

		// a course that certifies nothing does no step; the exam does
		complete(partner, "sales-essentials");
		complete(partner, "csp-exam");
		awaitDone(partner, "first-certification");
		slackApi
			.awaitExactly("chat.postMessage",
					c -> channel.equals(c.arg("channel"))
							&& String.valueOf(c.arg("text")).contains("Done: *Get your first certification* (2 of 4)"),
					1);

		assertThat(done(partner, "first-deal")).isFalse();
		String deal = registerDeal(partner);
		awaitDone(partner, "first-deal");
		assertThat(done(partner, "first-win")).isFalse();
		win(partner, deal);
		awaitDone(partner, "first-win");
		assertThat(journey(partner).complete()).isTrue();
	}

	@Test
	void aLateStepNudgesThePartnerAndAStallItsChannelManagerEachOnce() {
		String channel = unique("C");
		String name = unique("Sleepy ");
		String partner = registerPartner(name, "Registered", unique("TZ"), channel);
		String manager = unique("UCM");
		assertThat(api("PATCH", "/api/partners/" + partner, """
				{"channelManager": "%s"}""".formatted(manager)).statusCode()).isEqualTo(200);
		journey(partner);

		TestClock.get().advance(Duration.ofDays(31));
		onboarding.nudge();
		onboarding.nudge();

		List<StubSlackApi.Call> late = slackApi.awaitExactly("chat.postMessage",
				c -> channel.equals(c.arg("channel")) && String.valueOf(c.arg("text")).contains("late"), 1);
		assertThat(late.get(0).arg("text")).contains("Get your first certification");
		List<StubSlackApi.Call> stalled = slackApi.awaitExactly("chat.postMessage",
				c -> String.valueOf(c.arg("text")).contains(name + "* has done no onboarding step"), 1);
		assertThat(stalled.get(0).arg("channel")).endsWith(manager);
		assertThat(stalled.get(0).arg("text")).contains("for 31 days", "Register your first deal");
	}

	private void complete(String partnerId, String course) {
		HttpResponse<String> response = api("POST", "/api/training/completions", """
				{"partnerId": "%s", "person": "ana@stepper.example", "courseCode": "%s", "completedOn": "%s"}"""
			.formatted(partnerId, course, TestClock.today()));
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
	}

}
