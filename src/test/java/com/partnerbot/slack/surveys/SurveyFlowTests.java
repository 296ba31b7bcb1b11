package com.partnerbot.slack.surveys;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.StubSlackApi.Failure;
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
		// once each, the retries of the failed tries included
		assertThat(slackApi.awaitExactly("chat.postMessage", c -> dana.equals(c.arg("channel")), 1)).hasSize(1);
		assertThat(slackApi.awaitExactly("chat.postMessage", c -> sam.equals(c.arg("channel")), 1)).hasSize(1);

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
		List<StubSlackApi.Call> alerts = slackApi.awaitExactly("chat.postMessage",
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
		assertThat(
				slackApi
					.awaitExactly(
							"chat.postMessage", c -> ALERTS_CHANNEL.equals(c.arg("channel"))
									&& c.arg("text").contains("<@" + dana + ">") && c.arg("text").contains("Low score"),
							1))
			.hasSize(1);
		// a second comment is refused in the form, with what was typed kept by Slack
		assertThat(comment(dana, danaInvitation, "again").body()).contains("response_action", "already");

		JsonObject sam0 = invitationFor(sam);
		answer(sam, sam0, "survey_sat_5");
		answer(sam, sam0, "survey_nps_10");

		JsonObject lee0 = invitationFor(lee);
		answer(lee, lee0, "survey_sat_4");
		answer(lee, lee0, "survey_nps_8");

		awaitRated(survey, 3);
		JsonObject results = awaitResults(survey, 3);
		assertThat(results.get("invited").getAsInt()).isEqualTo(3);
		assertThat(results.get("psat").getAsDouble()).isEqualTo(3.67);
		// one promoter (10), one passive (8), one detractor (3): NPS 0
		assertThat(results.get("nps").getAsDouble()).isEqualTo(0.0);
		assertThat(results.getAsJsonArray("partners")).hasSize(1);
		assertThat(results.getAsJsonArray("trend")).hasSize(1);
		assertThat(results.getAsJsonArray("comments").get(0).getAsJsonObject().get("text").getAsString())
			.isEqualTo("Deal approvals take far too long.");

		// three days on, no one who answered is reminded
		jdbc.sql("update survey_invitation set invited_at = now() - interval '4 days' where survey_id = :s::uuid")
			.param("s", survey)
			.update();
		assertThat(surveys.remindDue()).filteredOn(i -> i.surveyId().toString().equals(survey)).isEmpty();
	}

	@Test
	void onlyThoseWhoAnsweredNothingAreRemindedOnce() {
		String survey = sendSurvey(unique("Remind "), partnerId);
		JsonObject sam0 = invitationFor(sam);
		answer(sam, sam0, "survey_sat_5");
		awaitResults(survey, 1);
		jdbc.sql("update survey_invitation set invited_at = now() - interval '4 days' where survey_id = :s::uuid")
			.param("s", survey)
			.update();
		assertThat(surveys.remindDue()).extracting(i -> i.slackUserId()).containsExactlyInAnyOrder(dana, lee);
		assertThat(surveys.remindDue()).isEmpty();
		assertThat(slackApi.await("chat.postMessage",
				c -> lee.equals(c.arg("channel")) && c.arg("text").startsWith("Reminder"), 1))
			.hasSize(1);
	}

	@Test
	void oneResponseIsNotAScore() {
		String survey = sendSurvey(unique("Few "), partnerId);
		JsonObject dana0 = invitationFor(dana);
		answer(dana, dana0, "survey_sat_5");
		answer(dana, dana0, "survey_nps_10");
		JsonObject results = awaitResults(survey, 1);
		assertThat(results.get("responses").getAsInt()).isEqualTo(1);
		// a single person's rating is theirs, not the partner's or the program's figure
		assertThat(results.has("psat")).as(results.toString()).isFalse();
		assertThat(results.has("nps")).isFalse();
		assertThat(results.get("minResponses").getAsInt()).isEqualTo(3);
		assertThat(results.getAsJsonArray("partners").get(0).getAsJsonObject().has("psat")).isFalse();
	}

	@Test
	void aSendThatReachesNobodySaysSoAndPeopleKnownLaterAreInvited() {
		String newTeam = unique("T_NEW");
		String newPartner = registerPartner(unique("Brand New "), "Silver", newTeam, unique("C_NEW"));
		String name = unique("Too Early ");
		String survey = createSurvey("""
				{"name": "%s", "partnerIds": ["%s"]}""".formatted(name, newPartner));

		HttpResponse<String> sent = api("POST", "/api/surveys/" + survey + "/send", null);
		assertThat(sent.statusCode()).isEqualTo(200);
		JsonObject answer = JsonParser.parseString(sent.body()).getAsJsonObject();
		assertThat(answer.get("invited").getAsInt()).isZero();
		assertThat(answer.get("notice").getAsString()).contains("reached no one", "invited as they become known");
		// the admins hear it in Slack too
		assertThat(slackApi.await("chat.postMessage", c -> ALERTS_CHANNEL.equals(c.arg("channel"))
				&& c.arg("text").contains(name) && c.arg("text").contains("reached no one"), 1))
			.hasSize(1);

		// the partner's people become known while the campaign is open: they are invited
		String kim = unique("U_KIM");
		assertThat(partners.addMember(java.util.UUID.fromString(newPartner), kim, newTeam)).isTrue();
		List<StubSlackApi.Call> invited = slackApi.await("chat.postMessage",
				c -> kim.equals(c.arg("channel")) && c.arg("text").contains(name), 1);
		assertThat(invited).hasSize(1);
	}

	@Test
	void aSendFromSlackThatReachesNobodyTellsTheAdminWhoSentIt() {
		String empty = registerPartner(unique("Nobody Yet "), "Silver", unique("T_NOBODY"), unique("C_NOBODY"));
		String name = unique("Empty Send ");
		createSurvey("""
				{"name": "%s", "partnerIds": ["%s"]}""".formatted(name, empty));
		String admin = "W_ADMIN";
		assertThat(command(StubSlackApi.TEAM, admin, "survey send " + name).statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.postEphemeral", c -> admin.equals(c.arg("user")) && c.arg("text").contains(name)
				&& c.arg("text").contains("reached no one"), 1))
			.hasSize(1);
		assertThat(slackApi.await("chat.postMessage", c -> ALERTS_CHANNEL.equals(c.arg("channel"))
				&& c.arg("text").contains(name) && c.arg("text").contains("reached no one"), 1))
			.hasSize(1);
	}

	@Test
	void aSurveySentRightAfterAPartnerIsRegisteredReachesThePeopleStillBeingReadFromSlack() {
		// Slack is slow to list the shared channel's members (within the call's timeout):
		// the send comes first
		JustRegistered just = registerWhileSlackIsSlow("JUST", java.time.Duration.ofSeconds(1));
		String newPartner = just.partnerId();
		String ann = just.people().get(0);
		String bob = just.people().get(1);
		String name = unique("Right Away ");
		String survey = createSurvey("""
				{"name": "%s", "partnerIds": ["%s"]}""".formatted(name, newPartner));
		HttpResponse<String> sent = api("POST", "/api/surveys/" + survey + "/send", null);
		assertThat(sent.statusCode()).isEqualTo(200);

		// whoever the send found, everyone read from the channel afterwards is invited,
		// once
		for (String person : List.of(ann, bob)) {
			assertThat(slackApi.awaitExactly("chat.postMessage",
					c -> person.equals(c.arg("channel")) && c.arg("text").contains(name), 1))
				.as("invitation for " + person)
				.hasSize(1);
		}
		assertThat(jdbc.sql("select count(*) from survey_invitation where survey_id = :s::uuid")
			.param("s", survey)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void whenSlackFailsToListANewPartnersChannelItIsReadAgainSoonAndAnOpenSurveyReachesItsPeople() {
		// the first read of the channel's members times out (slack.call-timeout is 2 s)
		JustRegistered just = registerWhileSlackIsSlow("RETRY", java.time.Duration.ofSeconds(3));
		String channel = just.channel();
		String newPartner = just.partnerId();
		Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> slackApi.attempts("conversations.members")
				.stream()
				.anyMatch(c -> channel.equals(c.arg("channel"))));
		String name = unique("Meanwhile ");
		String survey = createSurvey("""
				{"name": "%s", "partnerIds": ["%s"]}""".formatted(name, newPartner));
		assertThat(api("POST", "/api/surveys/" + survey + "/send", null).statusCode()).isEqualTo(200);

		// read again within seconds, not at the six-hourly refresh: the open campaign
		// invites them
		for (String person : just.people()) {
			assertThat(slackApi.awaitExactly("chat.postMessage",
					c -> person.equals(c.arg("channel")) && c.arg("text").contains(name), 1))
				.as("invitation for " + person)
				.hasSize(1);
		}
	}

	private record JustRegistered(String partnerId, String channel, List<String> people) {
	}

	/**
	 * A partner registered with two people in its channel, while Slack takes {@code slow}
	 * to answer the first read of the channel's members.
	 */
	private JustRegistered registerWhileSlackIsSlow(String prefix, java.time.Duration slow) {
		String team = unique("T_" + prefix);
		String channel = unique("C_" + prefix);
		String ann = unique("U_ANN");
		String bob = unique("U_BOB");
		slackApi.members(channel, team, Map.of(ann, "Ann", bob, "Bob"));
		slackApi.failNext("conversations.members", channel, Failure.slowAnswer(slow));
		return new JustRegistered(registerPartner(unique(prefix + " "), "Silver", team, channel), channel,
				List.of(ann, bob));
	}

	@Test
	void aPersonGetsOneMicroSurveyPerQuietPeriodAndItNamesTheDeal() {
		String rival = registerPartner(unique("Rival "), "Silver", unique("T_RIVAL"), unique("C_RIVAL"));
		List<com.partnerbot.deals.Deal> deals = new java.util.ArrayList<>();
		for (String name : List.of("Alpha Widgets ", "Zeta Logistics ")) {
			String customer = unique(name);
			String domain = unique(name.strip().replace(" ", "-")).toLowerCase() + ".example";
			registrations.register(
					new NewDeal(java.util.UUID.fromString(rival), customer, domain, List.of("Analytics Suite"),
							new java.math.BigDecimal("50000"), "USD", com.partnerbot.TestClock.today().plusMonths(2)),
					"api", null);
			var registration = registrations.register(
					new NewDeal(java.util.UUID.fromString(partnerId), customer, domain, List.of("Analytics Suite"),
							new java.math.BigDecimal("50000"), "USD", com.partnerbot.TestClock.today().plusMonths(2)),
					dana, null);
			assertThat(registration.deal().status()).isEqualTo(DealStatus.CONFLICT);
			deals.add(registration.deal());
		}
		registrations.decide(deals.get(0).id(), DealStatus.REJECTED, "W_MANAGER", "test");
		List<StubSlackApi.Call> asked = slackApi.await("chat.postMessage",
				c -> dana.equals(c.arg("channel")) && c.arg("text").contains("Deal registration experience"), 1);
		assertThat(asked).hasSize(1);
		assertThat(asked.get(0).arg("text")).contains(deals.get(0).reference());
		assertThat(asked.get(0).arg("blocks")).contains(deals.get(0).reference());

		registrations.decide(deals.get(1).id(), DealStatus.REJECTED, "W_MANAGER", "test");
		awaitHandled(deals.get(1).id().toString());
		assertThat(jdbc.sql("""
				select count(*) from survey_invitation i join survey s on s.id = i.survey_id
				where s.kind = 'AFTER_DEAL_DECISION' and i.slack_user_id = :person""")
			.param("person", dana)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(slackApi.awaitExactly("chat.postMessage",
				c -> dana.equals(c.arg("channel")) && c.arg("text").contains("Deal registration experience"), 1))
			.hasSize(1);
	}

	@Test
	void aLowScoreAndItsLaterCommentReachTheChannelManagerDirectly() {
		String managerTeam = unique("T_CM");
		String manager = unique("W_CM");
		HttpResponse<String> created = api("POST", "/api/partners", """
				{"name": "%s", "tier": "Silver", "slackTeamIds": ["%s"], "slackChannelIds": ["%s"],
				 "channelManager": "%s"}""".formatted(unique("Managed "), managerTeam, unique("C_CM"), manager));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String managed = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
		String ana = unique("U_ANA");
		partners.addMember(java.util.UUID.fromString(managed), ana, managerTeam);
		sendSurvey(unique("Managed PSAT "), managed);
		JsonObject invitation = invitationFor(ana);
		// Ana is of the managed partner's workspace (each test has its own instance)
		team = managerTeam;
		answer(ana, invitation, "survey_sat_1");
		assertThat(slackApi.await("chat.postMessage",
				c -> manager.equals(c.arg("channel")) && c.arg("text").contains("Low score"), 1))
			.hasSize(1);
		comment(ana, invitation, "Nobody answered our MDF claim for a month.");
		assertThat(slackApi.await("chat.postMessage",
				c -> manager.equals(c.arg("channel")) && c.arg("text").contains("Nobody answered our MDF claim"), 1))
			.hasSize(1);
	}

	@Test
	void resultsExportAsCsvFromTheApiAndFromSlack() {
		String name = unique("Export ");
		String survey = sendSurvey(name, partnerId);
		JsonObject dana0 = invitationFor(dana);
		answer(dana, dana0, "survey_sat_4");
		comment(dana, dana0, "Good, \"mostly\", =fine");
		awaitResults(survey, 1);

		HttpResponse<String> csv = api("GET", "/api/surveys/" + survey + "/results.csv", null);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		String[] lines = csv.body().split("\r?\n");
		assertThat(lines[0]).startsWith("survey,");
		assertThat(lines).hasSize(4);
		// quotes doubled, and a leading = cannot become a spreadsheet formula
		assertThat(csv.body()).contains(dana, ",4,", "\"Good, \"\"mostly\"\", =fine\"");

		assertThat(command(StubSlackApi.TEAM, "W_ADMIN", "survey export " + name).statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.postMessage",
				c -> "W_ADMIN".equals(c.arg("channel")) && c.arg("text").contains("survey,partner"), 1))
			.hasSize(1);
		// and not for partners' people
		assertThat(command(team, dana, "survey export " + name).statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.postEphemeral",
				c -> dana.equals(c.arg("user")) && c.arg("text").contains("Only program admins"), 1))
			.isNotEmpty();
	}

	/** Waits until this many people of a survey gave both ratings. */
	private void awaitRated(String survey, int people) {
		Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> jdbc.sql("""
					select count(*) from survey_invitation
					where survey_id = :s::uuid and satisfaction is not null and recommend is not null""")
				.param("s", survey)
				.query(Integer.class)
				.single() >= people);
	}

	/**
	 * Waits until the survey jobs have handled the events about this id: their
	 * publications, stored with the change that published them, are completed (and, in
	 * the registry's delete mode, gone).
	 */
	private void awaitHandled(String id) {
		Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(15))
			.until(() -> jdbc.sql("""
					select count(*) from event_publication
					where serialized_event like :id and listener_id like '%SurveyJobs%' and completion_date is null""")
				.param("id", "%" + id + "%")
				.query(Integer.class)
				.single() == 0);
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
		return partnerCommand(teamId, user, unique("C_CMD"), text);
	}

	/** A campaign for one partner, sent. */
	private String sendSurvey(String name, String partner) {
		String survey = createSurvey("""
				{"name": "%s", "partnerIds": ["%s"]}""".formatted(name, partner));
		assertThat(api("POST", "/api/surveys/" + survey + "/send", null).statusCode()).isEqualTo(200);
		return survey;
	}

	/**
	 * The person clicks a rating button of their invitation, in their direct messages.
	 */
	private HttpResponse<String> answer(String person, JsonObject invitation, String actionId) {
		return click(team, person, "D" + person, invitation.get("ts").getAsString(), actionId,
				buttonValue(invitation, actionId));
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
		return Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> JsonParser.parseString(api("GET", "/api/surveys/" + survey + "/results", null).body())
				.getAsJsonObject(), results -> results.get("responses").getAsInt() >= responses);
	}

}
