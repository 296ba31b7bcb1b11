package com.partnerbot.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi.Failure;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second instance of the bot on the same database, as in a deployment with two
 * replicas: a campaign goes out once to each person, and stopping one instance in the
 * middle of the batch loses nothing.
 */
class TwoInstancesTests extends EndToEndTests {

	@Autowired
	com.partnerbot.partners.PartnerManagement partners;

	@Test
	void twoInstancesSendEachInvitationOnceAndAStoppedOneLosesNothing() throws Exception {
		String team = unique("T_TWO");
		String partner = registerPartner(unique("Two Instances "), "Silver", team, unique("C_TWO"));
		List<String> people = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			String person = unique("U_TWO" + i + "_");
			people.add(person);
			partners.addMember(java.util.UUID.fromString(partner), person, team);
			// every answer takes a while, so the batch is still going when an instance
			// stops
			slackApi.failNext("chat.postMessage", person, Failure.slowAnswer(Duration.ofMillis(150)));
		}
		// the same library: its index comes from the cluster's stored vectors
		// stopped mid-batch: what it claimed and had not started goes back at once
		try (Instance second = anotherInstance("target/test-data/second",
				Map.of("partnerbot.outbox.lane-interval", "300ms", "partnerbot.outbox.batch", "3"))) {
			String survey = com.google.gson.JsonParser.parseString(api("POST", "/api/surveys", """
					{"name": "%s", "partnerIds": ["%s"]}""".formatted(unique("Twice "), partner)).body())
				.getAsJsonObject()
				.get("id")
				.getAsString();
			assertThat(api("POST", "/api/surveys/" + survey + "/send", null).statusCode()).isEqualTo(200);
			awaitSent(survey, 4);
		}
		for (String person : people) {
			assertThat(slackApi.await("chat.postMessage", c -> person.equals(c.arg("channel")), 1)).as(person)
				.hasSize(1);
		}
		// and no second message to anyone, however long the instances had to send one
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(people)
				.allSatisfy(person -> assertThat(slackApi.messages("D" + person)).as(person).hasSize(1)));
		assertThat(jdbc.sql("""
				select count(*) from slack_outbox o join survey_invitation i on o.dedup_key = 'survey:' || i.id
				where i.partner_id = :p::uuid and o.status = 'SENT'""")
			.param("p", partner)
			.query(Integer.class)
			.single()).isEqualTo(24);
	}

	private void awaitSent(String survey, int count) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc.sql("""
					select count(*) from slack_outbox o join survey_invitation i on o.dedup_key = 'survey:' || i.id
					where i.survey_id = :s::uuid and o.status = 'SENT'""")
				.param("s", survey)
				.query(Integer.class)
				.single() >= count);
	}

}
