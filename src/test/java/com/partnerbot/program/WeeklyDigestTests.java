package com.partnerbot.program;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;

import com.partnerbot.StubSlackApi;
import com.partnerbot.TestClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly digest reaches each channel manager once a week: however often the job runs,
 * here and on another instance of the bot on the same database that is started, stopped
 * and started again.
 */
class WeeklyDigestTests extends ProgramTests {

	@Autowired
	WeeklyDigests digests;

	@Autowired
	Onboarding onboarding;

	private String managed(String manager, String name) {
		String partner = registerPartner(name, "Silver", unique("TD"));
		assertThat(api("PATCH", "/api/partners/" + partner, """
				{"channelManager": "%s"}""".formatted(manager)).statusCode()).isEqualTo(200);
		return partner;
	}

	private List<StubSlackApi.Call> digestsTo(String manager, int count) {
		return slackApi.awaitExactly("chat.postMessage", c -> String.valueOf(c.arg("channel")).endsWith(manager)
				&& String.valueOf(c.arg("text")).contains("Your partners this week"), count);
	}

	@Test
	void eachManagerGetsTheirDigestOnceAWeekThroughARestart() throws Exception {
		String maria = unique("UDM");
		String omar = unique("UDO");
		String acme = unique("Acme Digest ");
		managed(maria, acme);
		managed(maria, unique("Globex Digest "));
		managed(omar, unique("Initech Digest "));
		String dealPartner = managed(omar, unique("Hooli Digest "));
		registerDeal(dealPartner);
		// three weeks on, the journeys without a step done have stalled
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> onboarding.journey(UUID.fromString(dealPartner)).isPresent());
		TestClock.get().advance(Duration.ofDays(22));

		digests.send();
		digests.send();
		// another instance on the same database runs the job, is stopped, and starts
		// again
		runOnAnotherInstance();
		runOnAnotherInstance();

		assertThat(digestsTo(maria, 1).get(0).arg("text")).contains("Onboarding stalled", acme.strip());
		digestsTo(omar, 1);
		// routine: it waits behind hand-offs and conflicts in the manager's lane (0 is
		// low)
		assertThat(jdbc.sql("select distinct priority from slack_outbox where dedup_key like 'digest:%' and lane = ?")
			.param("user:" + maria)
			.query(Integer.class)
			.list()).containsExactly(0);

		// the week after: the next one
		TestClock.get().advance(Duration.ofDays(7));
		digests.send();
		runOnAnotherInstance();
		digestsTo(maria, 2);
		digestsTo(omar, 2);
	}

	/** Starts a second instance of the bot, runs this week's digests there, stops it. */
	private void runOnAnotherInstance() throws Exception {
		Path content = Files.createDirectories(Path.of("target", "test-data", "digest-content"));
		try (Instance second = anotherInstance("target/test-data/digest-second", Map.of("partnerbot.content-dir",
				content.toString(), "spring.main.allow-bean-definition-overriding", "true"), TestClock.Config.class)) {
			second.bean(WeeklyDigests.class).send();
		}
	}

}
