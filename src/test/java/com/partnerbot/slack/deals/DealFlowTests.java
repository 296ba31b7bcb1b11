package com.partnerbot.slack.deals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.TestClock;

import static com.partnerbot.SlackPayloadFiles.encodeForm;
import static com.partnerbot.SlackPayloadFiles.form;
import static com.partnerbot.SlackPayloadFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deal registration through Slack: the description, the questions, the card, the
 * manager's decision, and the form.
 */
class DealFlowTests extends EndToEndTests {

	/** Shared channels of the test's partner, fresh for each test. */
	private final java.util.Deque<String> ownChannels = new java.util.ArrayDeque<>();

	private String ownChannel() {
		return ownChannels.pop();
	}

	private String acmeName;

	private String acmeTeam;

	private String customer;

	@BeforeEach
	void partner() {
		acmeName = unique("Acme ");
		acmeTeam = unique("TA");
		for (int i = 0; i < 3; i++) {
			ownChannels.push(unique("C"));
		}
		registerPartner(acmeName, "Silver", acmeTeam, ownChannels.toArray(String[]::new));
		customer = unique("Initech");
	}

	private String mention(String team, String channel, String ts, String text) {
		JsonObject mention = json("event_callback.app_mention.ext_shared.json");
		mention.addProperty("event_id", unique("Ev"));
		JsonObject event = mention.getAsJsonObject("event");
		event.addProperty("team", team);
		event.addProperty("channel", channel);
		event.addProperty("ts", ts);
		event.addProperty("text", "<@W111> " + text);
		assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);
		return ts;
	}

	private void replyInThread(String team, String channel, String threadTs, String text) {
		JsonObject message = json("event_callback.message.channel.user_team_source_team.json");
		message.addProperty("event_id", unique("Ev"));
		JsonObject event = message.getAsJsonObject("event");
		event.addProperty("user_team", team);
		event.addProperty("channel", channel);
		event.addProperty("thread_ts", threadTs);
		event.addProperty("ts", threadTs.substring(0, threadTs.indexOf('.')) + ".999999");
		event.addProperty("text", text);
		assertThat(slack().json(message.toString()).statusCode()).isEqualTo(200);
	}

	private List<StubSlackApi.Call> posts(String channel, int count) {
		return slackApi.await("chat.postMessage", c -> channel.equals(c.arg("channel")), count);
	}

	private static String buttonValue(StubSlackApi.Call card, String actionId) {
		for (JsonElement block : JsonParser.parseString(card.arg("blocks")).getAsJsonArray()) {
			JsonObject b = block.getAsJsonObject();
			if (b.get("type").getAsString().equals("actions")) {
				for (JsonElement element : b.getAsJsonArray("elements")) {
					if (actionId.equals(element.getAsJsonObject().get("action_id").getAsString())) {
						return element.getAsJsonObject().get("value").getAsString();
					}
				}
			}
		}
		throw new AssertionError("no " + actionId + " in " + card.arg("blocks"));
	}

	@Test
	void aDealDescribedInOneMessageGetsACardAndIsRegisteredOnSubmit() {
		String channel = ownChannel();
		String thread = mention(acmeTeam, channel, "1700000100.000100", "register " + customer + ", "
				+ customer.toLowerCase() + ".com, 40 seats of Analytics Suite, about $120k, closing end of March");
		List<StubSlackApi.Call> card = posts(channel, 1);
		assertThat(card).hasSize(1);
		assertThat(card.get(0).arg("thread_ts")).isEqualTo(thread);
		assertThat(card.get(0).arg("blocks")).contains("Register this deal?", customer.toLowerCase() + ".com",
				"Analytics Suite", "120,000 USD", DealBlocks.SUBMIT);

		String key = buttonValue(card.get(0), DealBlocks.SUBMIT);
		assertThat(click(acmeTeam, "U_ACME", channel, "1700000100.000200", DealBlocks.SUBMIT, key).statusCode())
			.isEqualTo(200);
		List<StubSlackApi.Call> updated = slackApi.await("chat.update",
				c -> channel.equals(c.arg("channel")) && c.arg("text").contains("approved"), 1);
		assertThat(updated).hasSize(1);
		assertThat(updated.get(0).arg("ts")).isEqualTo("1700000100.000200");
		assertThat(jdbc.sql("select status from deal_registration where customer_domain = ?")
			.param(customer.toLowerCase() + ".com")
			.query(String.class)
			.single()).isEqualTo("APPROVED");
	}

	@Test
	void theBotAsksOnlyForWhatIsMissingAndKeepsWhatWasSaid() {
		String channel = ownChannel();
		String thread = mention(acmeTeam, channel, "1700000200.000100", "register " + customer + " for Data Pipeline");
		List<StubSlackApi.Call> questions = posts(channel, 1);
		assertThat(questions.get(0).arg("text")).contains("web domain", "deal value", "close date")
			.doesNotContain("the products")
			.doesNotContain("company name");

		replyInThread(acmeTeam, channel, thread, "it's " + customer.toLowerCase() + ".com, about 1.2M EUR");
		List<StubSlackApi.Call> second = posts(channel, 2);
		assertThat(second.get(1).arg("text")).contains("close date").doesNotContain("web domain");

		replyInThread(acmeTeam, channel, thread, "closing 2027-02-30");
		List<StubSlackApi.Call> third = posts(channel, 3);
		assertThat(third.get(2).arg("text")).contains("not a real date");

		replyInThread(acmeTeam, channel, thread, "closing Q2");
		List<StubSlackApi.Call> card = posts(channel, 4);
		assertThat(card.get(3).arg("blocks")).contains("Register this deal?", customer.toLowerCase() + ".com",
				"Data Pipeline", "1,200,000 EUR");
	}

	@Test
	void aConflictGoesToTheManagersWhoseDecisionReachesThePartner() {
		String first = ownChannel();
		mention(acmeTeam, first, "1700000300.000100",
				"register " + customer + ", " + customer.toLowerCase() + ".com, Secure Gateway, $80k, closing Q2");
		String firstKey = buttonValue(posts(first, 1).get(0), DealBlocks.SUBMIT);
		click(acmeTeam, "U_ACME", first, "1700000300.000200", DealBlocks.SUBMIT, firstKey);
		assertThat(slackApi.await("chat.update", c -> first.equals(c.arg("channel")), 1)).hasSize(1);

		String globexTeam = unique("TG");
		String globexName = unique("Globex ");
		String second = unique("C");
		registerPartner(globexName, "Gold", globexTeam, second);
		String thread = mention(globexTeam, second, "1700000400.000100", "register " + customer + " Inc, www."
				+ customer.toLowerCase() + ".com, Secure Gateway and Data Pipeline, 95k USD, closing end of June");
		StubSlackApi.Call card = posts(second, 1).get(0);
		assertThat(card.arg("blocks")).contains("Possible conflict", "same customer domain").doesNotContain(acmeName);
		click(globexTeam, "U_GLOBEX", second, "1700000400.000200", DealBlocks.SUBMIT,
				buttonValue(card, DealBlocks.SUBMIT));

		List<StubSlackApi.Call> alerts = slackApi.await("chat.postMessage",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains(globexName), 1);
		assertThat(alerts).hasSize(1);
		String evidence = alerts.get(0).arg("blocks");
		assertThat(evidence).contains("Deal registration conflict", acmeName, globexName, "protected until",
				DealBlocks.APPROVE, DealBlocks.REJECT, DealBlocks.CO_SELL);

		// a partner cannot decide
		String dealId = buttonValue(alerts.get(0), DealBlocks.REJECT);
		click(globexTeam, "U_GLOBEX", ALERTS_CHANNEL, "1700000500.000100", DealBlocks.APPROVE, dealId);
		assertThat(slackApi.await("chat.postEphemeral",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("Only the vendor"), 1))
			.hasSize(1);

		click(StubSlackApi.TEAM, "W_MANAGER", ALERTS_CHANNEL, "1700000500.000100", DealBlocks.CO_SELL, dealId);
		List<StubSlackApi.Call> decided = slackApi.await("chat.update",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("co-sell"), 1);
		assertThat(decided).hasSize(1);
		assertThat(decided.get(0).arg("ts")).isEqualTo("1700000500.000100");
		List<StubSlackApi.Call> notice = slackApi.await("chat.postMessage", c -> second.equals(c.arg("channel"))
				&& thread.equals(c.arg("thread_ts")) && c.arg("text").contains("co-selling"), 1);
		assertThat(notice).hasSize(1);
	}

	@Test
	void aPartnerWithItsOwnChannelManagerHasItsRegistrationsDecidedByThemOrAnAdmin() {
		assertThat(api("POST", "/api/partners", """
				{"name": "%s", "tier": "Gold", "channelManager": "maria"}""".formatted(unique("Bad "))).body())
			.contains("\"field\":\"channelManager\"");
		String name = unique("Owned ");
		String created = api("POST", "/api/partners", """
				{"name": "%s", "tier": "Gold", "slackTeamIds": ["%s"], "slackChannelIds": ["%s"],
				 "channelManager": "W_OWNER"}""".formatted(name, unique("TO"), unique("C"))).body();
		String partnerId = com.google.gson.JsonParser.parseString(created).getAsJsonObject().get("id").getAsString();
		String domain = unique("owned").toLowerCase() + ".com";
		assertThat(api("POST", "/api/direct-accounts", """
				{"name": "%s", "domain": "%s", "owner": "Direct"}""".formatted(name + " Customer", domain))
			.statusCode()).isEqualTo(201);
		String deal = api("POST", "/api/deals", """
				{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s", "products": ["Analytics Suite"],
				 "amount": 50000, "currency": "USD", "expectedCloseDate": "%s"}""".formatted(partnerId,
				name + " Customer", domain, TestClock.today().plusMonths(2)))
			.body();
		String dealId = com.google.gson.JsonParser.parseString(deal).getAsJsonObject().get("id").getAsString();
		assertThat(deal).contains("\"status\":\"CONFLICT\"");

		click(StubSlackApi.TEAM, "W_MANAGER", ALERTS_CHANNEL, "1700000600.000100", DealBlocks.APPROVE, dealId);
		assertThat(slackApi.await("chat.postEphemeral",
				c -> "W_MANAGER".equals(c.arg("user")) && c.arg("text").contains("<@W_OWNER>"), 1))
			.hasSize(1);
		assertThat(api("GET", "/api/deals/" + dealId, null).body()).contains("\"status\":\"CONFLICT\"");

		click(StubSlackApi.TEAM, "W_OWNER", ALERTS_CHANNEL, "1700000600.000100", DealBlocks.APPROVE, dealId);
		assertThat(slackApi.await("chat.update", c -> ALERTS_CHANNEL.equals(c.arg("channel"))
				&& c.arg("text").contains(name) && c.arg("text").contains("approved"), 1))
			.hasSize(1);
	}

	@Test
	void partnerDealWithoutTextOpensTheFormAndTheFormNamesWrongFields() {
		Map<String, String> command = form("slash_command.form-urlencoded.txt");
		String channel = ownChannel();
		command.put("command", "/partner");
		command.put("text", "deal");
		command.put("team_id", acmeTeam);
		command.put("channel_id", channel);
		command.put("trigger_id", "trigger-" + channel);
		assertThat(slack().form(encodeForm(command)).statusCode()).isEqualTo(200);
		List<StubSlackApi.Call> opened = slackApi.await("views.open",
				c -> ("trigger-" + channel).equals(c.arg("trigger_id")), 1);
		assertThat(opened).hasSize(1);
		JsonObject view = JsonParser.parseString(opened.get(0).arg("view")).getAsJsonObject();
		assertThat(view.get("callback_id").getAsString()).isEqualTo(DealBlocks.FORM);

		JsonObject submission = json("view_submission.slack_connect_channel.json");
		submission.getAsJsonObject("user").addProperty("team_id", acmeTeam);
		submission.getAsJsonObject("team").addProperty("id", acmeTeam);
		JsonObject submitted = submission.getAsJsonObject("view");
		submitted.addProperty("callback_id", DealBlocks.FORM);
		submitted.addProperty("private_metadata", view.get("private_metadata").getAsString());
		submitted.add("blocks", view.getAsJsonArray("blocks"));
		JsonObject values = new JsonObject();
		values.add("customer_name", input("plain_text_input", "value", customer));
		values.add("customer_domain", input("plain_text_input", "value", "not a domain"));
		values.add("amount", input("plain_text_input", "value", "lots"));
		values.add("close_date", input("datepicker", "selected_date", TestClock.today().plusMonths(4).toString()));
		JsonObject state = new JsonObject();
		state.add("values", values);
		submitted.add("state", state);
		HttpResponse<String> response = slack().form(encodeForm(Map.of("payload", submission.toString())));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonObject errors = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(errors.get("response_action").getAsString()).isEqualTo("errors");
		JsonObject fieldErrors = errors.getAsJsonObject("errors");
		assertThat(fieldErrors.keySet()).contains("customer_domain", "amount", "products", "currency")
			.doesNotContain("customer_name", "close_date");
		assertThat(fieldErrors.get("amount").getAsString()).contains("number");
	}

	private static JsonObject input(String type, String field, String value) {
		JsonObject element = new JsonObject();
		element.addProperty("type", type);
		element.addProperty(field, value);
		JsonObject block = new JsonObject();
		block.add("value", element);
		return block;
	}

}
