package com.partnerbot.slack.surveys;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi.Failure;
import com.partnerbot.StubSlackApi;
import com.partnerbot.TestClock;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.deals.NewDeal;
import com.partnerbot.surveys.Surveys;

import org.springframework.beans.factory.annotation.Autowired;

import static com.partnerbot.SlackPayloadFiles.encodeForm;
import static com.partnerbot.SlackPayloadFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PSAT campaign from the API to partner people's direct messages and back: ratings,
 * comments, low-score alerts, reminders, results; micro-surveys and schedules.
 */
class SurveyFlowTests extends EndToEndTests {

	@Autowired
	Surveys surveys;

	@Autowired
	DealRegistrations registrations;

	@Autowired
	com.partnerbot.partners.PartnerManagement partners;

	String team;

	String partnerId;

	String dana;

	String sam;

	String lee;

	@BeforeEach
	void partnerWithThreePeople() {
		team = unique("T_SV");
		partnerId = registerPartner(unique("Survey Partner "), "Gold", team, unique("C_SV"));
		dana = unique("U_DANA");
		sam = unique("U_SAM");
		lee = unique("U_LEE");
		for (String person : List.of(dana, sam, lee)) {
			assertThat(partners.addMember(java.util.UUID.fromString(partnerId), person, team)).isTrue();
		}
	}

	@Test
	void aCampaignReachesEveryPersonOnceAndCountsEachAnswerOnce() {
		String survey = createSurvey("""
				{"name": "%s", "partnerIds": ["%s"], "closesOn": "%s"}""".formatted(unique("Q4 PSAT "), partnerId,
				TestClock.today().plusDays(14)));
		// Slack fails the first tries of two of the three direct messages
		slackApi.failNext("chat.postMessage", dana, Failure.status(500), Failure.rateLimited(1));
		slackApi.failNext("chat.postMessage", sam, Failure.error("service_unavailable"));

		HttpResponse<String> sent = api("POST", "/api/surveys/" + survey + "/send", null);
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(JsonParser.parseString(sent.body()).getAsJsonObject().get("invited").getAsInt()).isEqualTo(3);

		JsonObject danaInvitation = invitationFor(dana);
		invitationFor(sam);
		invitationFor(lee);
		assertThat(slackApi.messages("D" + dana)).hasSize(1);
		assertThat(slackApi.messages("D" + sam)).hasSize(1);

		// a double click and Slack's retry of the same delivery record once
		String rating = buttonValue(danaInvitation, "survey_sat_2");
		String ts = danaInvitation.get("ts").getAsString();
		assertThat(click(team, dana, "D" + dana, ts, "survey_sat_2", rating).statusCode()).isEqualTo(200);
		assertThat(click(team, dana, "D" + dana, ts, "survey_sat_2", rating).statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.update", c -> ("D" + dana).equals(c.arg("channel")), 1)).hasSize(1);
		assertThat(slackApi.await("chat.postEphemeral", c -> dana.equals(c.arg("user")), 1)).first()
			.satisfies(c -> assertThat(c.arg("text")).contains("first answer stands"));
		// someone else cannot answer for Dana
		assertThat(click(team, sam, "D" + dana, ts, "survey_nps_10", buttonValue(danaInvitation, "survey_nps_10"))
			.statusCode()).isEqualTo(200);
		assertThat(click(team, dana, "D" + dana, ts, "survey_nps_3", buttonValue(danaInvitation, "survey_nps_3"))
			.statusCode()).isEqualTo(200);

		// a low score reaches the channel managers at once, once
		List<StubSlackApi.Call> alerts = slackApi.await("chat.postMessage",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("<@" + dana + ">"), 1);
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).arg("text")).contains("Low score", "2 / 5");

		// the comment comes later and lands under the alert
		HttpResponse<String> commented = comment(dana, danaInvitation, "Deal approvals take far too long.");
		assertThat(commented.statusCode()).isEqualTo(200);
		assertThat(commented.body()).doesNotContain("errors");
		List<StubSlackApi.Call> threaded = slackApi.await("chat.postMessage",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("far too long"), 1);
		assertThat(threaded).hasSize(1);
		String alertTs = slackApi.messages(ALERTS_CHANNEL)
			.stream()
			.filter(m -> m.get("text").getAsString().contains("<@" + dana + ">")
					&& m.get("text").getAsString().contains("Low score"))
			.findFirst()
			.orElseThrow()
			.get("ts")
			.getAsString();
		assertThat(threaded.get(0).arg("thread_ts")).isEqualTo(alertTs);
		// the comment came after the NPS of 3 (a detractor too): still one low-score
		// alert
		assertThat(slackApi.messages(ALERTS_CHANNEL)
			.stream()
			.filter(m -> m.get("text").getAsString().contains("<@" + dana + ">")
					&& m.get("text").getAsString().contains("Low score")))
			.hasSize(1);
		// a second comment is refused in the form, with what was typed kept by Slack
		assertThat(comment(dana, danaInvitation, "again").body()).contains("response_action", "already");

		JsonObject sam0 = invitationFor(sam);
		click(team, sam, "D" + sam, sam0.get("ts").getAsString(), "survey_sat_5", buttonValue(sam0, "survey_sat_5"));
		click(team, sam, "D" + sam, sam0.get("ts").getAsString(), "survey_nps_10", buttonValue(sam0, "survey_nps_10"));

		JsonObject results = awaitResults(survey, 2);
		assertThat(results.get("invited").getAsInt()).isEqualTo(3);
		assertThat(results.get("psat").getAsDouble()).isEqualTo(3.5);
		// one promoter (10), one detractor (3): NPS 0
		assertThat(results.get("nps").getAsDouble()).isEqualTo(0.0);
		assertThat(results.getAsJsonArray("partners")).hasSize(1);
		assertThat(results.getAsJsonArray("trend")).hasSize(1);
		assertThat(results.getAsJsonArray("comments").get(0).getAsJsonObject().get("text").getAsString())
			.isEqualTo("Deal approvals take far too long.");

		// three days on, only Lee, who answered nothing, is reminded, once
		jdbc.sql("update survey_invitation set invited_at = now() - interval '4 days' where survey_id = :s::uuid")
			.param("s", survey)
			.update();
		assertThat(surveys.remindDue()).extracting(i -> i.slackUserId()).containsExactly(lee);
		assertThat(surveys.remindDue()).isEmpty();
		assertThat(slackApi.await("chat.postMessage",
				c -> lee.equals(c.arg("channel")) && c.arg("text").startsWith("Reminder"), 1))
			.hasSize(1);
	}

	@Test
	void badCampaignsAreRefusedFieldByField() {
		HttpResponse<String> refused = api("POST", "/api/surveys", """
				{"name": "", "tiers": ["Diamond"], "partnerIds": ["00000000-0000-4000-8000-000000000000"],
				 "closesOn": "2020-01-01", "schedule": "every monday"}""");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"name\"", "\"tiers\"", "Diamond", "\"partnerIds\"", "\"closesOn\"",
				"\"schedule\"");
		String closed = createSurvey("""
				{"name": "%s", "partnerIds": ["%s"], "closesOn": "%s"}""".formatted(unique("Closing "), partnerId,
				TestClock.today()));
		jdbc.sql("update survey set closes_on = :day where id = :s::uuid")
			.param("day", TestClock.today().minusDays(1))
			.param("s", closed)
			.update();
		HttpResponse<String> late = api("POST", "/api/surveys/" + closed + "/send", null);
		assertThat(late.statusCode()).isEqualTo(400);
		assertThat(late.body()).contains("closed");
	}

	@Test
	void aScheduledCampaignGoesOutOncePerFiring() {
		String survey = createSurvey("""
				{"name": "%s", "partnerIds": ["%s"], "schedule": "0 0 9 * * *"}""".formatted(unique("Daily "),
				partnerId));
		jdbc.sql("update survey set created_at = now() - interval '2 days' where id = :s::uuid")
			.param("s", survey)
			.update();
		assertThat(surveys.fireScheduled()).filteredOn(i -> i.surveyId().toString().equals(survey)).hasSize(3);
		assertThat(surveys.fireScheduled()).filteredOn(i -> i.surveyId().toString().equals(survey)).isEmpty();
		// and the round reaches people
		invitationFor(lee);
	}

	@Test
	void aDecidedDealAsksItsRegistrantAboutTheExperience() {
		String customer = unique("Micro Customer ");
		String domain = unique("micro").toLowerCase() + ".example";
		String rival = registerPartner(unique("Rival "), "Silver", unique("T_RIVAL"), unique("C_RIVAL"));
		registrations.register(new NewDeal(java.util.UUID.fromString(rival), customer, domain,
				List.of("Analytics Suite"), new java.math.BigDecimal("50000"), "USD", TestClock.today().plusMonths(2)),
				"api", null);
		var registration = registrations.register(new NewDeal(java.util.UUID.fromString(partnerId), customer, domain,
				List.of("Analytics Suite"), new java.math.BigDecimal("50000"), "USD", TestClock.today().plusMonths(2)),
				dana, null);
		assertThat(registration.deal().status()).isEqualTo(DealStatus.CONFLICT);
		registrations.decide(registration.deal().id(), DealStatus.REJECTED, "W_MANAGER", "test");
		List<StubSlackApi.Call> asked = slackApi.await("chat.postMessage",
				c -> dana.equals(c.arg("channel")) && c.arg("text").contains("Deal registration experience"), 1);
		assertThat(asked).hasSize(1);
	}

	@Test
	void adminsManageSurveysFromSlackAndOthersCannot() {
		String name = unique("Slack Survey ");
		createSurvey("""
				{"name": "%s", "partnerIds": ["%s"]}""".formatted(name, partnerId));
		assertThat(command(team, dana, "survey send " + name).statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.postEphemeral",
				c -> dana.equals(c.arg("user")) && c.arg("text").contains("Only program admins"), 1))
			.hasSize(1);

		HttpResponse<String> sent = command(StubSlackApi.TEAM, "W_ADMIN", "survey send " + name);
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.postEphemeral",
				c -> "W_ADMIN".equals(c.arg("user")) && c.arg("text").contains("on its way to 3 people"), 1))
			.hasSize(1);
		invitationFor(lee);
	}

	private HttpResponse<String> command(String teamId, String user, String text) {
		Map<String, String> command = new java.util.LinkedHashMap<>(
				com.partnerbot.SlackPayloadFiles.form("slash_command.form-urlencoded.txt"));
		command.put("team_id", teamId);
		command.put("user_id", user);
		command.put("command", "/partner");
		command.put("text", text);
		command.put("channel_id", unique("C_CMD"));
		return slack().form(encodeForm(command));
	}

	private String createSurvey(String json) {
		HttpResponse<String> created = api("POST", "/api/surveys", json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
	}

	/** The invitation in the person's direct messages, once it is there. */
	private JsonObject invitationFor(String person) {
		List<StubSlackApi.Call> posted = slackApi.await("chat.postMessage",
				c -> person.equals(c.arg("channel")) && c.arg("text").startsWith("Quick survey"), 1);
		assertThat(posted).as("invitation for " + person).hasSize(1);
		JsonObject message = slackApi.messages("D" + person).get(0);
		message.add("blocks", JsonParser.parseString(posted.get(0).arg("blocks")));
		return message;
	}

	private static String buttonValue(JsonObject message, String actionId) {
		for (JsonElement block : message.getAsJsonArray("blocks")) {
			JsonObject b = block.getAsJsonObject();
			if (b.get("type").getAsString().equals("actions")) {
				for (JsonElement element : b.getAsJsonArray("elements")) {
					if (actionId.equals(element.getAsJsonObject().get("action_id").getAsString())) {
						return element.getAsJsonObject().get("value").getAsString();
					}
				}
			}
		}
		throw new AssertionError("no " + actionId + " in " + message);
	}

	private HttpResponse<String> comment(String user, JsonObject invitation, String text) {
		String invitationId = buttonValue(invitation, "survey_comment");
		JsonObject submission = json("view_submission.slack_connect_channel.json");
		submission.getAsJsonObject("user").addProperty("id", user);
		submission.getAsJsonObject("user").addProperty("team_id", team);
		submission.getAsJsonObject("team").addProperty("id", team);
		JsonObject view = submission.getAsJsonObject("view");
		view.addProperty("callback_id", SurveyBlocks.COMMENT_FORM);
		view.addProperty("private_metadata", invitationId + "|D" + user + "|" + invitation.get("ts").getAsString());
		JsonObject element = new JsonObject();
		element.addProperty("type", "plain_text_input");
		element.addProperty("value", text);
		JsonObject block = new JsonObject();
		block.add("value", element);
		JsonObject values = new JsonObject();
		values.add("comment", block);
		JsonObject state = new JsonObject();
		state.add("values", values);
		view.add("state", state);
		return slack().form(encodeForm(Map.of("payload", submission.toString())));
	}

	private JsonObject awaitResults(String survey, int responses) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		JsonObject results;
		do {
			results = JsonParser.parseString(api("GET", "/api/surveys/" + survey + "/results", null).body())
				.getAsJsonObject();
			if (results.get("promoters").getAsInt() + results.get("passives").getAsInt()
					+ results.get("detractors").getAsInt() >= responses) {
				return results;
			}
		}
		while (System.nanoTime() < deadline);
		return results;
	}

}
