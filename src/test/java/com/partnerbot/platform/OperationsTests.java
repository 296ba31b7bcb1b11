package com.partnerbot.platform;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.partnerbot.EndToEndTests;
import com.partnerbot.SlackClientForTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class OperationsTests extends EndToEndTests {

	@Autowired
	HealthEndpoint healthEndpoint;

	@Test
	void healthIncludesTheDatabase() {
		HttpResponse<String> health = api("GET", "/actuator/health", null, null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
		// ready once the index serves the cluster's content version (BEHIND while it
		// catches up after start-up)
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(api("GET", "/actuator/health/readiness", null, null).body()).contains("\"UP\""));
		// what the status stands on: the database, asked for a valid connection
		HealthDescriptor db = healthEndpoint.healthForPath("db");
		assertThat(db).isInstanceOfSatisfying(IndicatedHealthDescriptor.class, indicated -> {
			assertThat(indicated.getStatus()).isEqualTo(Status.UP);
			assertThat(indicated.getDetails()).containsEntry("database", "PostgreSQL");
		});
	}

	@Test
	void prometheusMetricsAreServedBehindTheAdminToken() {
		assertThat(api("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
		assertThat(api("GET", "/actuator/prometheus", null, "wrong").statusCode()).isEqualTo(401);
		HttpResponse<String> metrics = api("GET", "/actuator/prometheus", null, ADMIN_TOKEN);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests", "hikaricp_connections");
		// each request is timed once, not once more for every security filter it passes
		// (the requests above passed them)
		assertThat(metrics.body()).doesNotContain("spring_security_");
	}

	@Test
	void secretsNeverReachTheLogs(CapturedOutput output) {
		SlackClientForTests slack = slack();
		byte[] body = "{\"type\":\"event_callback\"}".getBytes();
		slack.post("application/json", body, Instant.now().getEpochSecond(), "not-the-secret", null);
		slack.post("application/json", body, Instant.now().getEpochSecond(), SlackClientForTests.SIGNING_SECRET, null);
		api("GET", "/api/partners", null, "guessed-token");
		assertThat(output.getAll()).isNotEmpty()
			.doesNotContain(SlackClientForTests.SIGNING_SECRET)
			.doesNotContain("xoxb-test-token")
			.doesNotContain(ADMIN_TOKEN)
			.doesNotContain("guessed-token");
	}

	@Test
	void logLinesAreJsonWithTheRequestAndEventIds(CapturedOutput output) {
		String eventId = unique("EvLog");
		String delivery = com.partnerbot.SlackPayloadFiles.json("event_callback.app_mention.ext_shared.json")
			.toString()
			.replace("Ev01FC50TXB6", eventId);
		slack().json(delivery);
		slack().retry(delivery, 1);
		// the repeat is recognised at once and logged after the acknowledgement
		String line = org.awaitility.Awaitility.await("the repeated delivery's log line")
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> output.getAll().lines().filter(l -> l.contains("Repeated delivery of " + eventId)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
		com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
		assertThat(json.get("event_id").getAsString()).isEqualTo(eventId);
		assertThat(json.get("request_id").getAsString()).isNotBlank();
		assertThat(json.get("level").getAsString()).isEqualTo("INFO");
	}

}
