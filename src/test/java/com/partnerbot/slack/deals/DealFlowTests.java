package com.partnerbot.slack.deals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.TestClock;
import com.partnerbot.slack.answers.HandOffSteps;

import static com.partnerbot.SlackPayloadFiles.encodeForm;
import static com.partnerbot.SlackPayloadFiles.form;
import static com.partnerbot.SlackPayloadFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deal registration through Slack: the description, the questions, the card, the
 * manager's decision, and the form.
 */
class DealFlowTests extends EndToEndTests {

	/** A shared channel of the test's partner that no step has taken yet. */
	private String ownChannel() {
		return acme.nextChannel();
	}

	private TestPartner acme;

	private String customer;

	@BeforeEach
	void partner() {
		acme = newPartner("Acme ", "Silver", 3);
		customer = unique("Initech");
	}

	/**
	 * A deal described in one message in a fresh channel and submitted from its card; the
	 * thread's ts once the card says how it went.
	 */
	private String submitted(String team, String channel, String ts, String description) {
		String thread = mentionBot(team, channel, ts, description);
		click(team, unique("U"), channel, ts.substring(0, ts.indexOf('.')) + ".000200", DealBlocks.SUBMIT,
				buttonValue(posts(channel, 1).get(0), DealBlocks.SUBMIT));
		slackApi.await("chat.update", c -> channel.equals(c.arg("channel")), 1);
		return thread;
	}

	/** The test's partner registered the customer's Secure Gateway; its channel. */
	private String acmeRegisteredSecureGateway(String ts) {
		String channel = ownChannel();
		submitted(acme.team(), channel, ts, "register " + customer + ", " + customer.toLowerCase()
				+ ".com, Secure Gateway, $80k, closing next month, contact Jane Roe, rep me");
		return channel;
	}

	/**
	 * The test's partner starts registering its customer, by name and domain, with these
	 * details; the thread.
	 */
	private String registering(String channel, String ts, String details) {
		return mentionBot(acme.team(), channel, ts,
				"register " + customer + ", " + customer.toLowerCase() + ".com, " + details);
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
		String thread = mentionBot(acme.team(), channel, "1700000100.000100",
				"register " + customer + ", " + customer.toLowerCase()
						+ ".com, 40 seats of Analytics Suite, about $120k, closing next month, contact Jane Roe jane@"
						+ customer.toLowerCase() + ".com, rep me");
		List<StubSlackApi.Call> card = posts(channel, 1);
		assertThat(card).hasSize(1);
		assertThat(card.get(0).arg("thread_ts")).isEqualTo(thread);
		assertThat(card.get(0).arg("blocks")).contains("Register this deal?", customer.toLowerCase() + ".com",
				"Analytics Suite", "40 seats", "120,000 USD", "Jane Roe", DealBlocks.SUBMIT);

		String key = buttonValue(card.get(0), DealBlocks.SUBMIT);
		assertThat(click(acme.team(), "U_ACME", channel, "1700000100.000200", DealBlocks.SUBMIT, key).statusCode())
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
		String thread = mentionBot(acme.team(), channel, "1700000200.000100",
				"register " + customer + " for Data Pipeline");
		List<StubSlackApi.Call> questions = posts(channel, 1);
		assertThat(questions.get(0).arg("text")).contains("web domain", "deal value", "close date")
			.doesNotContain("the products")
			.doesNotContain("company name");

		replyInBotThread(acme.team(), channel, thread, "it's " + customer.toLowerCase() + ".com, about 1.2M EUR");
		List<StubSlackApi.Call> second = posts(channel, 2);
		assertThat(second.get(1).arg("text")).contains("close date").doesNotContain("web domain");

		replyInBotThread(acme.team(), channel, thread, "closing 2027-02-30");
		List<StubSlackApi.Call> third = posts(channel, 3);
		assertThat(third.get(2).arg("text")).contains("not a real date");

		replyInBotThread(acme.team(), channel, thread,
				"closing next month, contact Jane Roe jane@" + customer.toLowerCase() + ".com; rep me");
		List<StubSlackApi.Call> card = posts(channel, 4);
		assertThat(card.get(3).arg("blocks")).contains("Register this deal?", customer.toLowerCase() + ".com",
				"Data Pipeline", "1,200,000 EUR");
	}

	@Test
	void aConflictGoesToTheManagersWhoseDecisionReachesThePartner() {
		String first = ownChannel();
		String firstThread = submitted(acme.team(), first, "1700000300.000100", "register " + customer + ", "
				+ customer.toLowerCase() + ".com, Secure Gateway, $80k, closing next month, contact Jane Roe, rep me");

		String globexTeam = unique("TG");
		String globexName = unique("Globex ");
		String second = unique("C");
		registerPartner(globexName, "Gold", globexTeam, second);
		String thread = mentionBot(globexTeam, second, "1700000400.000100", "register " + customer + " Inc, www."
				+ customer.toLowerCase()
				+ ".com, Secure Gateway and Data Pipeline, 95k USD, closing next month, contact Joe Doe, rep me");
		StubSlackApi.Call card = posts(second, 1).get(0);
		assertThat(card.arg("blocks")).contains("Possible conflict", "same customer domain")
			.doesNotContain(acme.name());
		click(globexTeam, "U_GLOBEX", second, "1700000400.000200", DealBlocks.SUBMIT,
				buttonValue(card, DealBlocks.SUBMIT));
		// the product nobody else registered is approved at once, the contested one waits
		String split = slackApi.await("chat.update", c -> second.equals(c.arg("channel")), 1).get(0).arg("text");
		assertThat(split).containsPattern("DR-\\w{6} \\(Data Pipeline\\) is registered and approved")
			.containsPattern("DR-\\w{6} \\(Secure Gateway\\) is registered and waits for a channel manager")
			.doesNotContain(acme.name());

		List<StubSlackApi.Call> alerts = slackApi.await("chat.postMessage",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains(globexName), 1);
		assertThat(alerts).hasSize(1);
		String evidence = alerts.get(0).arg("blocks");
		assertThat(evidence).contains("Deal registration conflict", acme.name(), globexName, "protected until",
				DealBlocks.APPROVE, DealBlocks.REJECT, DealBlocks.CO_SELL);

		// a partner cannot decide
		String dealId = buttonValue(alerts.get(0), DealBlocks.REJECT);
		click(globexTeam, "U_GLOBEX", ALERTS_CHANNEL, "1700000500.000100", DealBlocks.APPROVE, dealId);
		assertThat(slackApi.await("chat.postEphemeral",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("Only the vendor"), 1))
			.hasSize(1);

		click(StubSlackApi.TEAM, "W_MANAGER", ALERTS_CHANNEL, "1700000500.000100", DealBlocks.CO_SELL, dealId);
		List<StubSlackApi.Call> decided = slackApi.await("chat.update", c -> ALERTS_CHANNEL.equals(c.arg("channel"))
				&& c.arg("text").contains("co-sell") && c.arg("text").contains(globexName), 1);
		assertThat(decided).hasSize(1);
		assertThat(decided.get(0).arg("ts")).isEqualTo("1700000500.000100");
		List<StubSlackApi.Call> notice = slackApi.await("chat.postMessage", c -> second.equals(c.arg("channel"))
				&& thread.equals(c.arg("thread_ts")) && c.arg("text").contains("co-selling"), 1);
		assertThat(notice).hasSize(1);
		assertThat(notice.get(0).arg("text")).contains("Another partner").doesNotContain(acme.name());
		// the partner who registered first hears of the co-sell too, without the other's
		// name
		List<StubSlackApi.Call> told = slackApi.await("chat.postMessage", c -> first.equals(c.arg("channel"))
				&& firstThread.equals(c.arg("thread_ts")) && c.arg("text").contains("co-sell"), 1);
		assertThat(told).hasSize(1);
		assertThat(told.get(0).arg("text")).contains("Another partner also registered").doesNotContain(globexName);
	}

	@Test
	void aReplyIsReadFirstAsTheFieldTheBotAskedFor() {
		String channel = ownChannel();
		String domain = customer.toLowerCase() + ".com";
		String thread = registering(channel, "1700000700.000100",
				"40 seats of Analytics Suite, 120k, closing next month");
		assertThat(posts(channel, 1).get(0).arg("text")).contains("the currency", "customer's contact", "sales rep");

		replyInBotThread(acme.team(), channel, thread, "USD");
		String second = posts(channel, 2).get(1).arg("text");
		assertThat(second).doesNotContain("the currency")
			.contains("customer's contact", customer + " (" + domain + ")", "120,000 USD");

		replyInBotThread(acme.team(), channel, thread, "add Secure Gateway");
		assertThat(posts(channel, 3).get(2).arg("text")).contains("Analytics Suite, Secure Gateway", "40 seats");

		// the contact's mail is at another domain (a group's, or a typo): the domain the
		// partner gave stays the customer's
		String contactMail = "jane@" + customer.toLowerCase() + "-group.com";
		replyInBotThread(acme.team(), channel, thread, "contact Jane Roe, CTO, " + contactMail + "; rep me");
		StubSlackApi.Call card = posts(channel, 4).get(3);
		assertThat(card.arg("blocks")).contains("Register this deal?", customer, "Analytics Suite, Secure Gateway",
				"40 seats", "120,000 USD", "Jane Roe, CTO", "*Domain*\\n" + domain);
		click(acme.team(), "W222", channel, "1700000700.000200", DealBlocks.SUBMIT,
				buttonValue(card, DealBlocks.SUBMIT));
		assertThat(slackApi.await("chat.update",
				c -> channel.equals(c.arg("channel")) && c.arg("text").contains("approved"), 1))
			.hasSize(1);
		Map<String, Object> stored = jdbc
			.sql("select customer_name, seats, products::text as products, customer_contact, sales_rep "
					+ "from deal_registration where customer_domain = ?")
			.param(domain)
			.query()
			.singleRow();
		assertThat(stored).containsEntry("customer_name", customer)
			.containsEntry("seats", 40)
			.containsEntry("products", "{\"Analytics Suite\",\"Secure Gateway\"}")
			.containsEntry("customer_contact", "Jane Roe, CTO, " + contactMail)
			.containsEntry("sales_rep", "W222");
	}

	@Test
	void oneReplyListingEveryAnswerInTurnFillsEachField() {
		String channel = ownChannel();
		String domain = customer.toLowerCase() + ".com";
		String thread = mentionBot(acme.team(), channel, "1700000750.000100",
				"new deal for " + customer + ", 120 seats of Analytics Suite, about 80k, closing next month");
		assertThat(posts(channel, 1).get(0).arg("text")).contains("web domain", "the currency", "customer's contact",
				"sales rep");

		replyInBotThread(acme.team(), channel, thread,
				domain + ", dollars, Bill Lumbergh, VP IT, bill@" + domain + ", me");
		StubSlackApi.Call card = posts(channel, 2).get(1);
		assertThat(card.arg("blocks"))
			.contains("Register this deal?", "80,000 USD", "120 seats", "Bill Lumbergh, VP IT, bill@" + domain)
			.doesNotContain("dollars, Bill")
			.doesNotContain(", me");
	}

	@Test
	void aSeatCountOrAProductGivenInItsOwnReplyIsKeptAndSaidBack() {
		String channel = ownChannel();
		String domain = customer.toLowerCase() + ".com";
		String thread = registering(channel, "1700000750.000100", "Analytics Suite, $120k, closing next month");
		assertThat(posts(channel, 1).get(0).arg("text")).contains("customer's contact").doesNotContain("seats");

		// said on its own while the bot asks for something else: kept, and said back
		replyInBotThread(acme.team(), channel, thread, "40 seats");
		assertThat(posts(channel, 2).get(1).arg("text")).contains("40 seats", "customer's contact",
				customer + " (" + domain + ")", "Analytics Suite");

		// the only product cannot go: said so, not ignored
		replyInBotThread(acme.team(), channel, thread, "remove Analytics Suite");
		assertThat(posts(channel, 3).get(2).arg("text")).contains("needs at least one product", "Analytics Suite",
				"40 seats");
		replyInBotThread(acme.team(), channel, thread, "add Data Pipeline");
		assertThat(posts(channel, 4).get(3).arg("text")).contains("Analytics Suite, Data Pipeline", "40 seats")
			.doesNotContain("at least one product");
		replyInBotThread(acme.team(), channel, thread, "remove Analytics Suite");
		assertThat(posts(channel, 5).get(4).arg("text")).contains("Data Pipeline", "40 seats")
			.doesNotContain("Analytics Suite");

		replyInBotThread(acme.team(), channel, thread, "contact Jane Roe, jane@" + domain + "; rep me");
		StubSlackApi.Call card = posts(channel, 6).get(5);
		assertThat(card.arg("blocks")).contains("Register this deal?", "Data Pipeline", "40 seats", "120,000 USD")
			.doesNotContain("Analytics Suite");
	}

	@Test
	void aDealFromTheSlashCommandIsRegisteredWhereTheTeamSeesIt() {
		String channel = ownChannel();
		String domain = customer.toLowerCase() + ".com";
		String person = unique("U");
		assertThat(partnerCommand(acme.team(), person, channel,
				"deal " + customer + ", " + domain
						+ ", Secure Gateway, $60k, closing next month, contact Jane Roe, rep me")
			.statusCode()).isEqualTo(200);
		// the team sees who is registering what, and the card in that message's thread
		StubSlackApi.Call opened = posts(channel, 1).get(0);
		assertThat(opened.arg("text")).contains("<@" + person + "> is registering a deal", customer);
		assertThat(opened.arg("thread_ts")).isNull();
		String thread = tsOf(channel, "is registering a deal");
		StubSlackApi.Call card = posts(channel, 2).get(1);
		assertThat(card.arg("thread_ts")).isEqualTo(thread);
		assertThat(card.arg("blocks")).contains("Register this deal?", "Secure Gateway");
		String cardTs = tsOf(channel, "Register this deal?");

		click(acme.team(), person, channel, cardTs, DealBlocks.SUBMIT, buttonValue(card, DealBlocks.SUBMIT));
		StubSlackApi.Call confirmed = slackApi
			.await("chat.update", c -> channel.equals(c.arg("channel")) && cardTs.equals(c.arg("ts")), 1)
			.get(0);
		assertThat(confirmed.arg("text")).contains("approved");
		// nothing of it was only for the person's eyes
		assertThat(slackApi.calls("chat.postEphemeral")).noneMatch(c -> channel.equals(c.arg("channel")));
		// and later notices go to that thread
		assertThat(jdbc.sql("select conversation_key from deal_registration where customer_domain = ?")
			.param(domain)
			.query(String.class)
			.single()).isEqualTo(channel + ":" + thread);
	}

	@Test
	void theHomeOffersTheExtensionWhenItAppliesAndTheTeamHearsItWasGranted() {
		String channel = ownChannel();
		String domain = customer.toLowerCase() + ".com";
		String thread = submitted(acme.team(), channel, "1700001500.000100", "register " + customer + ", " + domain
				+ ", Data Pipeline, $80k, closing next month, contact Jane Roe, rep me");
		String person = unique("U");
		slackApi.user(person, acme.team());

		// ninety days ahead, no extension yet: the Home says when it opens, with no
		// button
		openAppHome(person);
		String early = slackApi.await("views.publish", c -> person.equals(c.arg("user_id")), 1).get(0).arg("view");
		assertThat(early).contains(customer, "You may ask for the extension from").doesNotContain(DealBlocks.EXTEND);

		java.time.LocalDate soon = TestClock.today().plusDays(5);
		String dealId = jdbc
			.sql("update deal_registration set protected_until = ? where customer_domain = ? returning id::text")
			.params(soon, domain)
			.query(String.class)
			.single();
		openAppHome(person);
		StubSlackApi.Call home = slackApi.await("views.publish", c -> person.equals(c.arg("user_id")), 2).get(1);
		assertThat(home.arg("view")).contains(customer, DealBlocks.EXTEND, "Request an extension");

		// another partner's person, sent the button's value, learns nothing and extends
		// nothing
		String otherTeam = unique("TX");
		registerPartner(unique("Other "), "Gold", otherTeam);
		String other = unique("U");
		slackApi.user(other, otherTeam);
		clickOnHome(otherTeam, other, DealBlocks.EXTEND, dealId);
		assertThat(slackApi.await("chat.postMessage", c -> other.equals(c.arg("channel")), 1).get(0).arg("text"))
			.doesNotContain(customer)
			.doesNotContain(jdbc.sql("select reference from deal_registration where id = ?::uuid")
				.param(dealId)
				.query(String.class)
				.single());
		assertThat(jdbc.sql("select extensions from deal_registration where id = ?::uuid")
			.param(dealId)
			.query(Integer.class)
			.single()).isZero();

		// clicked on the Home (no channel): granted, and the team hears it in the
		// registration's thread
		clickOnHome(acme.team(), person, DealBlocks.EXTEND, dealId);
		assertThat(slackApi
			.await("chat.postMessage",
					c -> channel.equals(c.arg("channel")) && thread.equals(c.arg("thread_ts"))
							&& c.arg("text").contains("extended"),
					1)
			.get(0)
			.arg("text")
			.replace("*", "")).contains("<@" + person + "> extended", "protected until " + soon.plusDays(30));
		assertThat(jdbc.sql("select extensions from deal_registration where id = ?::uuid")
			.param(dealId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		openAppHome(person);
		assertThat(slackApi.await("views.publish", c -> person.equals(c.arg("user_id")), 3).get(2).arg("view"))
			.contains("It has had its extension")
			.doesNotContain(DealBlocks.EXTEND);

	}

	/** The ts Slack gave the channel's first message whose text has this in it. */
	private static String tsOf(String channel, String text) {
		return slackApi.messages(channel)
			.stream()
			.filter(m -> m.get("text").getAsString().contains(text))
			.findFirst()
			.orElseThrow()
			.get("ts")
			.getAsString();
	}

	/** Slack's block_actions payload for a button on the App Home: a view, no channel. */
	private void clickOnHome(String team, String user, String actionId, String value) {
		JsonObject payload = json("block_actions.json");
		payload.getAsJsonObject("user").addProperty("id", user);
		payload.getAsJsonObject("user").addProperty("team_id", team);
		payload.getAsJsonObject("team").addProperty("id", team);
		payload.remove("channel");
		payload.remove("response_url");
		JsonObject container = new JsonObject();
		container.addProperty("type", "view");
		container.addProperty("view_id", unique("V"));
		payload.add("container", container);
		JsonObject action = payload.getAsJsonArray("actions").get(0).getAsJsonObject();
		action.addProperty("action_id", actionId);
		action.addProperty("value", value);
		assertThat(slack().form(encodeForm(Map.of("payload", payload.toString()))).statusCode()).isEqualTo(200);
	}

	@Test
	void theBotAsksThePartnersPartWhenOthersTakePartAndTheCrmGetsIt() {
		String globexName = unique("Globex ");
		String globex = registerPartner(globexName, "Gold", unique("TG"));
		String channel = ownChannel();
		String domain = customer.toLowerCase() + ".com";
		String thread = mentionBot(acme.team(), channel, "1700003000.000100", "register " + customer + ", " + domain
				+ ", Data Pipeline, $80k, closing next month, contact Jane Roe, rep me, co-selling with Nobody Known");
		// a name the program does not know is said back; who found it is asked
		assertThat(posts(channel, 1).get(0).arg("text")).contains("no other partner of the program is called",
				"Nobody Known", "whether you sourced this opportunity", "which other partners sell it with you");

		replyInBotThread(acme.team(), channel, thread, "influenced");
		assertThat(posts(channel, 2).get(1).arg("text")).contains("which other partners sell it with you")
			.doesNotContain("whether you sourced");

		replyInBotThread(acme.team(), channel, thread, globexName.toLowerCase());
		StubSlackApi.Call card = posts(channel, 3).get(2);
		assertThat(card.arg("blocks")).contains("Register this deal?", "Influenced, co-selling with " + globexName);
		click(acme.team(), "U_ACME", channel, "1700003000.000200", DealBlocks.SUBMIT,
				buttonValue(card, DealBlocks.SUBMIT));
		slackApi.await("chat.update", c -> channel.equals(c.arg("channel")) && c.arg("text").contains("approved"), 1);
		Map<String, Object> stored = jdbc
			.sql("select partner_role, co_sell_partners::text as co_sellers from deal_registration "
					+ "where customer_domain = ?")
			.param(domain)
			.query()
			.singleRow();
		assertThat(stored).containsEntry("partner_role", "INFLUENCED").containsEntry("co_sellers", "{" + globex + "}");

		// a deal of the partner's own asks nothing of it
		String plain = ownChannel();
		mentionBot(acme.team(), plain, "1700003100.000100", "register " + unique("Umbrella") + ", " + unique("umbrella")
				+ ".com, Data Pipeline, $80k, closing next month, contact Jane Roe, rep me");
		assertThat(posts(plain, 1).get(0).arg("blocks")).contains("Register this deal?").doesNotContain("Your part");
	}

	@Test
	void aRejectionCarriesItsReasonAndOnlyItsPartnerCanAskAboutIt() {
		String domain = customer.toLowerCase() + ".com";
		String acmeChannel = acmeRegisteredSecureGateway("1700000800.000100");

		String globexTeam = unique("TG");
		String globexChannel = unique("C");
		registerPartner(unique("Globex "), "Gold", globexTeam, globexChannel);
		String thread = submitted(globexTeam, globexChannel, "1700000900.000100", "register " + customer + ", " + domain
				+ ", Secure Gateway, $90k, closing next month, contact Joe Doe, rep me");
		StubSlackApi.Call alert = slackApi
			.await("chat.postMessage",
					c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("conflict")
							&& c.arg("blocks").contains(domain),
					1)
			.get(0);
		assertThat(alert.arg("blocks")).contains("decision due by");
		String dealId = buttonValue(alert, DealBlocks.REJECT);
		String reference = jdbc.sql("select reference from deal_registration where id = ?::uuid")
			.param(dealId)
			.query(String.class)
			.single();

		// Reject asks for the reason first
		click(StubSlackApi.TEAM, "W_MANAGER", ALERTS_CHANNEL, "1700000950.000100", DealBlocks.REJECT, dealId);
		StubSlackApi.Call opened = slackApi
			.await("views.open",
					c -> c.arg("view").contains(DealBlocks.REJECT_FORM) && c.arg("view").contains(reference), 1)
			.get(0);
		JsonObject view = JsonParser.parseString(opened.arg("view")).getAsJsonObject();
		HttpResponse<String> empty = submitView(view, "reason", "  ");
		assertThat(JsonParser.parseString(empty.body()).getAsJsonObject().getAsJsonObject("errors").keySet())
			.containsExactly("reason");
		assertThat(jdbc.sql("select status from deal_registration where id = ?::uuid")
			.param(dealId)
			.query(String.class)
			.single()).isEqualTo("CONFLICT");
		assertThat(submitView(view, "reason", "an earlier registration covers Secure Gateway").statusCode())
			.isEqualTo(200);
		assertThat(slackApi.await("chat.update", c -> ALERTS_CHANNEL.equals(c.arg("channel"))
				&& c.arg("text").contains(reference) && c.arg("text").contains("rejected"), 1))
			.hasSize(1);
		List<StubSlackApi.Call> notice = slackApi.await("chat.postMessage", c -> globexChannel.equals(c.arg("channel"))
				&& thread.equals(c.arg("thread_ts")) && c.arg("text").contains("rejected"), 1);
		assertThat(notice.get(0).arg("text")).contains("an earlier registration covers Secure Gateway");

		// the partner asks in plain words; another partner learns nothing of it
		mentionBot(globexTeam, globexChannel, "1700000960.000100", "why was " + reference + " rejected?");
		assertThat(
				slackApi
					.await("chat.postMessage",
							c -> globexChannel.equals(c.arg("channel"))
									&& "1700000960.000100".equals(c.arg("thread_ts")),
							1)
					.get(0)
					.arg("text"))
			.contains(reference, "rejected: an earlier registration covers Secure Gateway");
		mentionBot(acme.team(), acmeChannel, "1700000970.000100", "why was " + reference + " rejected?");
		assertThat(slackApi
			.await("chat.postMessage",
					c -> acmeChannel.equals(c.arg("channel")) && "1700000970.000100".equals(c.arg("thread_ts")), 1)
			.get(0)
			.arg("text")).contains("I don't know a registration " + reference + " of yours")
			.doesNotContain(customer)
			.doesNotContain("earlier registration");
	}

	/** The text of the bot's one reply in this thread. */
	private String replyText(String channel, String threadTs) {
		return slackApi
			.await("chat.postMessage", c -> channel.equals(c.arg("channel")) && threadTs.equals(c.arg("thread_ts")), 1)
			.get(0)
			.arg("text");
	}

	/** The test's customer registered for Data Pipeline in the channel: its reference. */
	private String registeredDataPipeline(String channel, String ts) {
		String domain = customer.toLowerCase() + ".com";
		submitted(acme.team(), channel, ts, "register " + customer + ", " + domain
				+ ", Data Pipeline, $80k, closing next month, contact Jane Roe, rep me");
		return jdbc.sql("select reference from deal_registration where customer_domain = ?")
			.param(domain)
			.query(String.class)
			.single();
	}

	@Test
	void aWishToRegisterIsTakenForARegistrationAndThePartnersListAndAMistypedReferenceAreAnswered() {
		String channel = ownChannel();
		String reference = registeredDataPipeline(channel, "1700001500.000100");
		mentionBot(acme.team(), channel, "1700001600.000100", "what’s the status of our deals?");
		StubSlackApi.Call list = slackApi
			.await("chat.postMessage",
					c -> channel.equals(c.arg("channel")) && "1700001600.000100".equals(c.arg("thread_ts")), 1)
			.get(0);
		assertThat(list.arg("text")).startsWith("Deal registrations of");
		assertThat(list.arg("blocks")).contains(reference);
		mentionBot(acme.team(), channel, "1700001650.000100", "can I see the deals we registered last month?");
		assertThat(replyText(channel, "1700001650.000100")).startsWith("Deal registrations of");

		mentionBot(acme.team(), channel, "1700001700.000100", "extend DR-1001");
		assertThat(replyText(channel, "1700001700.000100")).contains("“DR-1001” is not a registration reference",
				"e.g. DR-7K3Q9A", "/partner deals");

		mentionBot(acme.team(), channel, "1700001400.000100",
				"we'd like to register a deal with " + customer + " Labs for 40k of Secure Gateway closing next month");
		assertThat(replyText(channel, "1700001400.000100")).contains("To register this deal I still need", "web domain",
				customer, "Secure Gateway", "40,000");
		mentionBot(acme.team(), channel, "1700001450.000100",
				"new deal: " + customer + " Holdings, about 120k of Analytics Suite, should close end of Q1");
		assertThat(replyText(channel, "1700001450.000100")).contains(customer + " Holdings", "Analytics Suite")
			.doesNotContain("company name");
	}

	@Test
	void aPartnerAsksWhenProtectionEndsAndExtendsItFromSlack() {
		String channel = ownChannel();
		String reference = registeredDataPipeline(channel, "1700001000.000100");
		String until = jdbc.sql("select protected_until::text from deal_registration where reference = ?")
			.param(reference)
			.query(String.class)
			.single();

		mentionBot(acme.team(), channel, "1700001100.000100", "when does " + reference + "'s protection end?");
		assertThat(replyText(channel, "1700001100.000100").replace("*", "")).contains(reference,
				"protected until " + until, "extension from");

		// near its end, the partner asks for the extension in plain words
		java.time.LocalDate soon = TestClock.today().plusDays(5);
		jdbc.sql("update deal_registration set protected_until = ? where reference = ?")
			.params(soon, reference)
			.update();
		mentionBot(acme.team(), channel, "1700001200.000100", "please extend " + reference);
		assertThat(replyText(channel, "1700001200.000100").replace("*", ""))
			.contains(reference + " is now protected until " + soon.plusDays(30));
		mentionBot(acme.team(), channel, "1700001300.000100", "extend " + reference + " again please");
		assertThat(replyText(channel, "1700001300.000100")).contains("extension(s) already");
	}

	@Test
	void aQuestionAboutThisRegistrationInItsThreadIsAnsweredAboutIt() {
		String channel = ownChannel();
		String thread = "1700001800.000100";
		String reference = registeredDataPipeline(channel, thread);
		replyInBotThread(acme.team(), channel, thread, "what's the status of this registration?");
		List<StubSlackApi.Call> inThread = slackApi.await("chat.postMessage",
				c -> channel.equals(c.arg("channel")) && thread.equals(c.arg("thread_ts")), 2);
		assertThat(inThread.get(1).arg("text").replace("*", "")).contains(reference, "protected until",
				"extension from");
		// asked for too early, the extension is refused in the rule's words
		replyInBotThread(acme.team(), channel, thread, "can we extend this deal?");
		String refused = slackApi
			.await("chat.postMessage", c -> channel.equals(c.arg("channel")) && thread.equals(c.arg("thread_ts")), 3)
			.get(2)
			.arg("text");
		assertThat(refused).contains("extensions open").doesNotContain("protectedUntil");
		// outside its thread, "this registration" names none
		mentionBot(acme.team(), channel, "1700001900.000100", "what's the status of this registration?");
		assertThat(replyText(channel, "1700001900.000100")).startsWith("Which registration?");
	}

	@Test
	void theHomeListsThePartnersRegistrationsAndStaffSeeWhatIsOverdue() {
		String channel = ownChannel();
		String domain = customer.toLowerCase() + ".com";
		// a small deal waits for a manager (below the minimum); made to have waited ten
		// days
		mentionBot(acme.team(), channel, "1700001400.000100", "register " + customer + ", " + domain
				+ ", Data Pipeline, $3k, closing next month, contact Jane Roe, rep me");
		StubSlackApi.Call card = posts(channel, 1).get(0);
		assertThat(card.arg("blocks")).contains("Against the rules of engagement", "minimum of 5000 USD");
		click(acme.team(), "U_ACME", channel, "1700001400.000200", DealBlocks.SUBMIT,
				buttonValue(card, DealBlocks.SUBMIT));
		assertThat(slackApi.await("chat.update", c -> channel.equals(c.arg("channel")), 1).get(0).arg("text"))
			.contains("waits for a channel manager", "minimum", "a decision is due by");
		String reference = jdbc
			.sql("update deal_registration set created_at = now() - interval '10 days' "
					+ "where customer_domain = ? returning reference")
			.param(domain)
			.query(String.class)
			.single();
		// against a rule, not another registration: the managers' card says so
		assertThat(slackApi
			.await("chat.postMessage",
					c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains(reference), 1)
			.get(0)
			.arg("text")).startsWith("Deal registration awaiting approval");

		String person = unique("U");
		slackApi.user(person, acme.team());
		openAppHome(person);
		String home = slackApi.await("views.publish", c -> person.equals(c.arg("user_id")), 1).get(0).arg("view");
		assertThat(home).contains("Deal registrations", reference, "waits for a channel manager");

		// one written by another system without the domain the product asks for, overdue
		// too, so it is among the first shown whatever else waits
		String undomained = unique("Nodomain ");
		jdbc.sql("""
				insert into deal_registration (id, reference, partner_id, registered_by, customer_name,
				    customer_name_key, products, amount, currency, expected_close_date, status, created_at)
				values (gen_random_uuid(), ?, ?::uuid, 'crm', ?, lower(?), '{Data Pipeline}', 9000, 'USD',
				    current_date + 30, 'PENDING', now() - interval '11 days')
				""").params(unique("DR-N"), acme.id(), undomained, undomained).update();

		String manager = unique("W");
		slackApi.user(manager, StubSlackApi.TEAM);
		openAppHome(manager);
		String queue = slackApi.await("views.publish", c -> manager.equals(c.arg("user_id")), 1).get(0).arg("view");
		assertThat(queue).contains("Registrations waiting for a decision", "3 business days", "overdue", reference,
				acme.name(), undomained);
		// and why it waits, in words rather than a status code
		assertThat(queue)
			.contains("breaks the rules of engagement: the amount is below the program", "minimum of 5000 USD")
			.doesNotContain("PENDING");

		// and in plain words, in a direct message
		String dm = unique("D");
		new HandOffSteps(slack(), slackApi, unique("C")).askDirectly(StubSlackApi.TEAM, manager, dm,
				"1700001450.000100", "which deals are waiting for a decision?");
		StubSlackApi.Call asked = answerIn(dm);
		assertThat(asked.arg("text")).doesNotContain("I don't know");
		assertThat(asked.arg("blocks")).contains("Registrations waiting for a decision", reference);
	}

	@Test
	void aRegistrationFromTheFormIsConfirmedInTheTeamsChannel() {
		String channel = ownChannel();
		JsonObject view = openDealForm(channel);
		JsonObject values = new JsonObject();
		values.add("customer_name", input("plain_text_input", "value", customer));
		values.add("customer_domain", input("plain_text_input", "value", customer.toLowerCase() + ".com"));
		JsonObject products = new JsonObject();
		products.addProperty("type", "multi_static_select");
		JsonArray selected = new JsonArray();
		JsonObject option = new JsonObject();
		option.addProperty("value", "Analytics Suite");
		selected.add(option);
		products.add("selected_options", selected);
		JsonObject productsBlock = new JsonObject();
		productsBlock.add("value", products);
		values.add("products", productsBlock);
		values.add("amount", input("plain_text_input", "value", "60000"));
		JsonObject currency = new JsonObject();
		currency.addProperty("type", "static_select");
		JsonObject usd = new JsonObject();
		usd.addProperty("value", "USD");
		currency.add("selected_option", usd);
		JsonObject currencyBlock = new JsonObject();
		currencyBlock.add("value", currency);
		values.add("currency", currencyBlock);
		values.add("close_date", input("datepicker", "selected_date", TestClock.today().plusDays(40).toString()));
		values.add("seats", input("plain_text_input", "value", "25"));
		values.add("customer_contact", input("plain_text_input", "value", "Jane Roe, CTO"));
		values.add("sales_rep", input("plain_text_input", "value", "Sam Rep"));
		assertThat(submitDealForm(view, values).statusCode()).isEqualTo(200);
		List<StubSlackApi.Call> posted = slackApi.await("chat.postMessage",
				c -> channel.equals(c.arg("channel")) && c.arg("text").contains("registered a deal"), 1);
		assertThat(posted).hasSize(1);
		assertThat(posted.get(0).arg("text")).contains("approved");
		// later notices go to that message's thread: the key is noted once the post is
		// answered
		String key = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> jdbc
				.sql("select coalesce(conversation_key, '') from deal_registration where customer_domain = ?")
				.param(customer.toLowerCase() + ".com")
				.query(String.class)
				.single(), k -> !k.isEmpty());
		assertThat(key).startsWith(channel + ":");
	}

	/**
	 * {@code /partner deal} with no text in the channel: the form Slack was asked to
	 * open.
	 */
	private JsonObject openDealForm(String channel) {
		Map<String, String> command = form("slash_command.form-urlencoded.txt");
		command.put("command", "/partner");
		command.put("text", "deal");
		command.put("team_id", acme.team());
		command.put("channel_id", channel);
		command.put("trigger_id", "trigger-" + channel);
		assertThat(slack().form(encodeForm(command)).statusCode()).isEqualTo(200);
		List<StubSlackApi.Call> opened = slackApi.await("views.open",
				c -> ("trigger-" + channel).equals(c.arg("trigger_id")), 1);
		assertThat(opened).hasSize(1);
		return JsonParser.parseString(opened.get(0).arg("view")).getAsJsonObject();
	}

	/** Slack's view_submission of the deal form, by a person of the test's partner. */
	private HttpResponse<String> submitDealForm(JsonObject view, JsonObject values) {
		JsonObject submission = json("view_submission.slack_connect_channel.json");
		submission.getAsJsonObject("user").addProperty("team_id", acme.team());
		submission.getAsJsonObject("team").addProperty("id", acme.team());
		JsonObject submitted = submission.getAsJsonObject("view");
		submitted.addProperty("callback_id", DealBlocks.FORM);
		submitted.addProperty("private_metadata", view.get("private_metadata").getAsString());
		submitted.add("blocks", view.getAsJsonArray("blocks"));
		JsonObject state = new JsonObject();
		state.add("values", values);
		submitted.add("state", state);
		return slack().form(encodeForm(Map.of("payload", submission.toString())));
	}

	/** Slack's view_submission of a modal the bot opened, with one text input filled. */
	private HttpResponse<String> submitView(JsonObject view, String block, String text) {
		JsonObject values = new JsonObject();
		values.add(block, input("plain_text_input", "value", text));
		return submitView(view, values);
	}

	/** Slack's view_submission of a modal the bot opened, by the channel manager. */
	private HttpResponse<String> submitView(JsonObject view, JsonObject values) {
		JsonObject submission = json("view_submission.json");
		submission.getAsJsonObject("user").addProperty("id", "W_MANAGER");
		submission.getAsJsonObject("user").addProperty("team_id", StubSlackApi.TEAM);
		submission.getAsJsonObject("team").addProperty("id", StubSlackApi.TEAM);
		JsonObject submitted = submission.getAsJsonObject("view");
		submitted.addProperty("callback_id", view.get("callback_id").getAsString());
		submitted.addProperty("private_metadata", view.get("private_metadata").getAsString());
		submitted.addProperty("team_id", StubSlackApi.TEAM);
		submitted.addProperty("app_installed_team_id", StubSlackApi.TEAM);
		JsonObject state = new JsonObject();
		state.add("values", values);
		submitted.add("state", state);
		return slack().form(encodeForm(Map.of("payload", submission.toString())));
	}

	@Test
	void aManagerDecidesEachProductOfARegistrationFromTheCard() {
		String domain = customer.toLowerCase() + ".com";
		acmeRegisteredSecureGateway("1700002000.000100");

		// another partner's registration of both products, closing too late to be
		// approved on its own: the whole of it waits
		String globexTeam = unique("TG");
		String globexName = unique("Globex ");
		String globexChannel = unique("C");
		registerPartner(globexName, "Gold", globexTeam, globexChannel);
		String thread = submitted(globexTeam, globexChannel, "1700002100.000100",
				"register " + customer + ", " + domain + ", Secure Gateway and Data Pipeline, $95k, closing "
						+ TestClock.today().plusMonths(10) + ", contact Joe Doe, rep me");
		StubSlackApi.Call alert = slackApi
			.await("chat.postMessage",
					c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains(globexName), 1)
			.get(0);
		String dealId = buttonValue(alert, DealBlocks.BY_PRODUCT);

		// the partner cannot open the form
		String partnerPerson = unique("U");
		click(globexTeam, partnerPerson, ALERTS_CHANNEL, "1700002200.000100", DealBlocks.BY_PRODUCT, dealId);
		assertThat(slackApi.await("chat.postEphemeral",
				c -> partnerPerson.equals(c.arg("user")) && c.arg("text").contains("Only the vendor"), 1))
			.hasSize(1);

		click(StubSlackApi.TEAM, "W_MANAGER", ALERTS_CHANNEL, "1700002200.000100", DealBlocks.BY_PRODUCT, dealId);
		JsonObject view = JsonParser.parseString(
				slackApi
					.await("views.open",
							c -> c.arg("view").contains(DealBlocks.BY_PRODUCT_FORM) && c.arg("view")
								.contains(jdbc.sql("select reference from deal_registration where id = ?::uuid")
									.param(dealId)
									.query(String.class)
									.single()),
							1)
					.get(0)
					.arg("view"))
			.getAsJsonObject();
		JsonObject unexplained = new JsonObject();
		unexplained.add(DealBlocks.PRODUCT_BLOCK + "Secure Gateway", choice("REJECTED"));
		unexplained.add(DealBlocks.PRODUCT_BLOCK + "Data Pipeline", choice(DealBlocks.WAIT));
		assertThat(JsonParser.parseString(submitView(view, unexplained).body())
			.getAsJsonObject()
			.getAsJsonObject("errors")
			.keySet()).containsExactly("reason");

		JsonObject values = new JsonObject();
		values.add(DealBlocks.PRODUCT_BLOCK + "Secure Gateway", choice(DealBlocks.WAIT));
		values.add(DealBlocks.PRODUCT_BLOCK + "Data Pipeline", choice("APPROVED"));
		assertThat(submitView(view, values).statusCode()).isEqualTo(200);

		// the card shows the approved part and keeps the buttons for the waiting one
		StubSlackApi.Call card = slackApi
			.await("chat.update",
					c -> ALERTS_CHANNEL.equals(c.arg("channel")) && "1700002200.000100".equals(c.arg("ts")), 1)
			.get(0);
		assertThat(card.arg("text")).contains("approved by <@W_MANAGER>", "Data Pipeline",
				"Secure Gateway still waits");
		assertThat(buttonValue(card, DealBlocks.REJECT)).isEqualTo(dealId);
		Map<String, Object> waiting = jdbc
			.sql("select status, products::text as products, created_at from deal_registration where id = ?::uuid")
			.param(dealId)
			.query()
			.singleRow();
		assertThat(waiting).containsEntry("status", "CONFLICT").containsEntry("products", "{\"Secure Gateway\"}");
		Map<String, Object> part = jdbc
			.sql("select status, products::text as products, created_at from deal_registration "
					+ "where split_from = ?::uuid")
			.param(dealId)
			.query()
			.singleRow();
		assertThat(part).containsEntry("status", "APPROVED")
			.containsEntry("products", "{\"Data Pipeline\"}")
			.containsEntry("created_at", waiting.get("created_at"));
		// the partner hears in its thread which product was approved, and of no one else
		List<StubSlackApi.Call> notice = slackApi.await("chat.postMessage", c -> globexChannel.equals(c.arg("channel"))
				&& thread.equals(c.arg("thread_ts")) && c.arg("text").contains("was approved"), 1);
		assertThat(notice.get(0).arg("text")).contains(": Data Pipeline)").doesNotContain(acme.name());
	}

	private static JsonObject choice(String value) {
		JsonObject chosen = new JsonObject();
		chosen.addProperty("value", value);
		JsonObject select = new JsonObject();
		select.addProperty("type", "static_select");
		select.add("selected_option", chosen);
		JsonObject block = new JsonObject();
		block.add("value", select);
		return block;
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
		// another partner registered this customer first
		String registration = """
				{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s", "products": ["Analytics Suite"],
				 "amount": 50000, "currency": "USD", "expectedCloseDate": "%s"}""";
		String rival = registerPartner(unique("Rival "), "Silver", unique("TR"));
		assertThat(api("POST", "/api/deals",
				registration.formatted(rival, name + " Customer", domain, TestClock.today().plusMonths(2)))
			.statusCode()).isEqualTo(201);
		String deal = api("POST", "/api/deals",
				registration.formatted(partnerId, name + " Customer", domain, TestClock.today().plusMonths(2)))
			.body();
		String dealId = com.google.gson.JsonParser.parseString(deal).getAsJsonObject().get("id").getAsString();
		assertThat(deal).contains("\"status\":\"CONFLICT\"");

		click(StubSlackApi.TEAM, "W_MANAGER", ALERTS_CHANNEL, "1700000600.000100", DealBlocks.APPROVE, dealId);
		assertThat(slackApi.await("chat.postEphemeral",
				c -> "W_MANAGER".equals(c.arg("user")) && c.arg("text").contains("<@W_OWNER>"), 1))
			.hasSize(1);
		assertThat(api("GET", "/api/deals/" + dealId, null).body()).contains("\"status\":\"CONFLICT\"");

		click(StubSlackApi.TEAM, "W_OWNER", ALERTS_CHANNEL, "1700000600.000100", DealBlocks.CO_SELL, dealId);
		assertThat(slackApi.await("chat.update", c -> ALERTS_CHANNEL.equals(c.arg("channel"))
				&& c.arg("text").contains(name) && c.arg("text").contains("co-sell"), 1))
			.hasSize(1);
	}

	@Test
	void partnerDealWithoutTextOpensTheFormAndTheFormNamesWrongFields() {
		String channel = ownChannel();
		JsonObject view = openDealForm(channel);
		assertThat(view.get("callback_id").getAsString()).isEqualTo(DealBlocks.FORM);
		JsonObject values = new JsonObject();
		values.add("customer_name", input("plain_text_input", "value", customer));
		values.add("customer_domain", input("plain_text_input", "value", "not a domain"));
		values.add("amount", input("plain_text_input", "value", "lots"));
		values.add("close_date", input("datepicker", "selected_date", TestClock.today().plusMonths(4).toString()));
		HttpResponse<String> response = submitDealForm(view, values);
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
