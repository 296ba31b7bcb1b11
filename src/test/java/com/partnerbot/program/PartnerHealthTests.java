package com.partnerbot.program;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.partnerbot.StubSlackApi;
import com.partnerbot.TestClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's health over real deals, through {@code GET /api/partners/{id}/health}, and
 * the alert its channel manager gets when it turns at risk.
 */
class PartnerHealthTests extends ProgramTests {

	@Autowired
	HealthChecks checks;

	private JsonObject health(String partnerId) {
		return apiJson(200, "GET", "/api/partners/" + partnerId + "/health", null);
	}

	@Test
	void healthIsAScoreAStatusAndEverySignalWithItsWeightAndReason() {
		String partner = registerPartner(unique("Healthy "), "Registered", unique("TH"));
		win(partner, registerDeal(partner));
		registerDeal(partner);

		JsonObject health = health(partner);
		assertThat(health.keySet()).containsExactlyInAnyOrder("score", "status", "signals");
		assertThat(health.get("status").getAsString()).isEqualTo("HEALTHY");
		JsonObject registrations = health.getAsJsonArray("signals").get(0).getAsJsonObject();
		assertThat(registrations.keySet()).containsExactlyInAnyOrder("name", "value", "weight", "reason");
		assertThat(registrations.get("name").getAsString()).isEqualTo("registrations");
		assertThat(registrations.get("value").getAsDouble()).isEqualTo(2.0);
		assertThat(registrations.get("weight").getAsDouble()).isEqualTo(20.0);
		assertThat(registrations.get("reason").getAsString())
			.isEqualTo("2 deal registrations in the last 90 days (target 2)");
		assertThat(health.getAsJsonArray("signals").toString()).contains("1 won deal in the last 90 days",
				"too few survey answers", "its tier requires no certification", "no market development funds");
		assertThat(api("GET", "/api/partners/" + UUID.randomUUID() + "/health", null).statusCode()).isEqualTo(404);
		assertThat(api("GET", "/api/partners/" + partner + "/health", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void aPartnerWhoseSignalsCrossTheThresholdAlertsItsChannelManagerOnceWithTheReasons() {
		String name = unique("Fading ");
		String partner = registerPartner(name, "Registered", unique("TF"));
		String manager = unique("UCM");
		assertThat(api("PATCH", "/api/partners/" + partner, """
				{"channelManager": "%s"}""".formatted(manager)).statusCode()).isEqualTo(200);
		win(partner, registerDeal(partner));
		registerDeal(partner);
		UUID id = UUID.fromString(partner);
		assertThat(checks.check(id).status()).isEqualTo(PartnerHealth.Status.HEALTHY);

		// a quarter with no registration and no win
		TestClock.get().advance(Duration.ofDays(100));
		assertThat(checks.check(id).status()).isEqualTo(PartnerHealth.Status.AT_RISK);
		// the daily job checks again (checkAll would check every partner of the suite and
		// queue an alert for each one at risk ahead of other tests' alerts)
		checks.check(id);
		checks.check(id);

		List<StubSlackApi.Call> alerts = slackApi.awaitExactly("chat.postMessage",
				c -> String.valueOf(c.arg("text")).contains(name + "* is at risk"), 1);
		assertThat(alerts.get(0).arg("channel")).endsWith(manager);
		assertThat(alerts.get(0).arg("text")).contains("is at risk",
				"0 deal registrations in the last 90 days (target 2)", "0 won deals in the last 90 days");
	}

	@Test
	void aPartnerThatRecoversAndFallsAgainAlertsAgain() {
		String name = unique("Wobbly ");
		String partner = registerPartner(name, "Registered", unique("TW"));
		UUID id = UUID.fromString(partner);
		assertThat(checks.check(id).status()).isEqualTo(PartnerHealth.Status.AT_RISK);
		win(partner, registerDeal(partner));
		registerDeal(partner);
		assertThat(checks.check(id).status()).isEqualTo(PartnerHealth.Status.HEALTHY);
		TestClock.get().advance(Duration.ofDays(100));
		checks.check(id);

		// no channel manager: the alerts channel hears, once per spell at risk (counted
		// where the alerts are stored for delivery: the suite's alerts share that
		// channel's
		// lane, and delivery is the outbox's own tests' business)
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from slack_outbox where dedup_key like :key")
				.param("key", "health-at-risk:" + partner + ":%")
				.query(Integer.class)
				.single() == 2);
	}

}
