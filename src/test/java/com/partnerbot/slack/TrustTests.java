package com.partnerbot.slack;

import java.time.Duration;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.slack.answers.AnswerBlocks;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.deals.DealBlocks;

import org.springframework.beans.factory.annotation.Autowired;

import static com.partnerbot.SlackPayloadFiles.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a guest, a bot, a prankster or a flood can do through Slack's real request path:
 * nothing more than a stranger, nothing, nothing that pings or phishes, and nothing that
 * slows other people down.
 */
class TrustTests extends EndToEndTests {

	/** Only in the Gold pricing sheet (audience Gold and Platinum). */
	private static final String GOLD_ONLY = "Gold registered deal";

	@Autowired
	KnowledgeBase knowledge;

	@BeforeEach
	void indexed() {
		awaitIndexed(knowledge);
	}

	private void mention(String user, String team, String channel, String text) {
		JsonObject mention = json("event_callback.app_mention.ext_shared.json");
		mention.addProperty("event_id", unique("Ev"));
		JsonObject event = mention.getAsJsonObject("event");
		event.addProperty("user", user);
		event.addProperty("team", team);
		event.remove("user_team");
		event.addProperty("channel", channel);
		event.addProperty("ts", "1700001000." + Long.toString(System.nanoTime() % 1_000_000));
		event.addProperty("text", "<@W111> " + text);
		assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);
	}

	@Test
	void aFullMemberOfTheVendorsWorkspaceSeesGoldContentAndAGuestSeesWhatAStrangerSees() {
		String question = "what price does a Gold partner pay on a registered deal for Analytics Suite?";
		String staffChannel = unique("C");
		mention(unique("W_STAFF"), StubSlackApi.TEAM, staffChannel, question);
		assertThat(answerIn(staffChannel).arg("text")).isNotEqualTo(Messages.REFUSAL);

		String guest = unique("W_GUEST");
		slackApi.guest(guest);
		String guestChannel = unique("C");
		mention(guest, StubSlackApi.TEAM, guestChannel, question);
		StubSlackApi.Call refusal = answerIn(guestChannel);
		assertThat(refusal.arg("text")).isEqualTo(Messages.REFUSAL);
		assertThat(refusal.arg("blocks")).doesNotContain("gold-pricing-sheet", GOLD_ONLY, "Sources");
	}

	@Test
	void aBotOfTheVendorsWorkspaceIsIgnored() {
		String bot = unique("W_BOT");
		slackApi.bot(bot);
		String botChannel = unique("C");
		mention(bot, StubSlackApi.TEAM, botChannel, "what price does a Gold partner pay?");
		// a message that carries a bot_id is ignored before anyone is looked up
		String otherChannel = unique("C");
		JsonObject mention = json("event_callback.app_mention.ext_shared.json");
		mention.addProperty("event_id", unique("Ev"));
		mention.getAsJsonObject("event").addProperty("team", StubSlackApi.TEAM);
		mention.getAsJsonObject("event").addProperty("bot_id", "B0OTHER");
		mention.getAsJsonObject("event").addProperty("channel", otherChannel);
		assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);
		// a person asking after both is answered: the bots' deliveries were handled by
		// then
		String after = unique("C");
		mention(unique("W_STAFF"), StubSlackApi.TEAM, after, "how long is a registered deal protected?");
		answerIn(after);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(slackApi.calls("chat.postMessage")
				.stream()
				.filter(c -> botChannel.equals(c.arg("channel")) || otherChannel.equals(c.arg("channel")))).isEmpty();
			assertThat(slackApi.calls("chat.postEphemeral")
				.stream()
				.filter(c -> botChannel.equals(c.arg("channel")) || otherChannel.equals(c.arg("channel")))).isEmpty();
		});
	}

	@Test
	void aQuestionThatPingsOrPhishesReachesTheManagersEscaped() {
		TestPartner prankco = newPartner("Prankco ", "Silver");
		String marker = unique("Ulaanbaatar");
		mention("U_PRANK", prankco.team(), prankco.channel(),
				"<!prankco.channel()> <!here> <!subteam^S0123|@sales> <@U0CEO> what is the capital of Mongolia "
						+ marker + "? " + "<https://evil.example/login|northwind.example/portal>");
		StubSlackApi.Call reply = answerIn(prankco.channel());
		String answerId = answerId(reply);
		click(prankco.team(), "U_PRANK", prankco.channel(), "1700001000.000001", AnswerBlocks.HAND_OFF, answerId);
		List<StubSlackApi.Call> alerts = slackApi.await("chat.postMessage",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains(marker), 1);
		assertThat(alerts).hasSize(1);
		String text = alerts.get(0).arg("text") + alerts.get(0).arg("blocks");
		assertThat(text)
			.doesNotContain("<!prankco.channel()>", "<!here>", "<!subteam", "<@U0CEO>", "<https://evil.example")
			.contains("&lt;!prankco.channel()&gt;", "&lt;https://evil.example/login|northwind.example/portal&gt;")
			// the bot's own mention of the asker still renders
			.contains("<@U_PRANK>");
	}

	@Test
	void aCustomerNameThatPingsOrPhishesReachesTheManagersCardEscaped() {
		String partnerId = registerPartner(unique("Namerco "), "Silver", unique("TN"), unique("C"));
		String domain = unique("pinged").toLowerCase() + ".com";
		String marker = unique("Pingco");
		String name = "<!channel> " + marker + " <https://evil.example/login|Open the deal desk> <@U0CEO>";
		String deal = conflictingRegistration(partnerId, name, domain);
		assertThat(deal).contains("\"status\":\"CONFLICT\"");
		List<StubSlackApi.Call> cards = slackApi.await("chat.postMessage",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && String.valueOf(c.arg("blocks")).contains(marker), 1);
		assertThat(cards).hasSize(1);
		String card = cards.get(0).arg("text") + JsonParser.parseString(cards.get(0).arg("blocks"));
		assertThat(card).doesNotContain("<!channel>", "<https://evil.example", "<@U0CEO>")
			.contains("&lt;!channel&gt;", "&lt;https://evil.example/login|Open the deal desk&gt;");
	}

	@Test
	void aFloodOfQuestionsFromOnePersonLeavesOthersTheirAnswersAndManagersTheirDecisions() {
		TestPartner flood = newPartner("Floodco ", "Silver");
		TestPartner other = newPartner("Patientco ", "Gold");
		String pending = pendingRegistration();
		// each answer to the flood takes a while to post, as under load: the queue fills
		StubSlackApi.Failure[] slow = new StubSlackApi.Failure[100];
		java.util.Arrays.fill(slow, StubSlackApi.Failure.slowAnswer(Duration.ofMillis(1500)));
		slackApi.failNext("chat.postMessage", flood.channel(), slow);

		for (int i = 0; i < 100; i++) {
			mention("U_FLOOD", flood.team(), flood.channel(), "question number " + i + " about deal registration?");
		}
		mention("U_PATIENT", other.team(), other.channel(), "how long is a registered deal protected?");
		click(StubSlackApi.TEAM, "W_ADMIN", ALERTS_CHANNEL, "1700001000.000002", DealBlocks.APPROVE, pending);

		assertThat(answerIn(other.channel()).arg("text")).contains("90 days");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(api("GET", "/api/deals/" + pending, null).body())
				.contains("\"status\":\"APPROVED\""));
		// the flood was cut short with a word to its sender, not queued to the end
		assertThat(slackApi.await("chat.postEphemeral",
				c -> flood.channel().equals(c.arg("channel")) && c.arg("text").equals(Messages.ONE_MOMENT), 1))
			.hasSize(1);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			long answered = slackApi.calls("chat.postMessage")
				.stream()
				.filter(c -> flood.channel().equals(c.arg("channel")))
				.count();
			// most were refused at once instead of queued: the person has 3 waiting at
			// most,
			// and each answer took 1.5 s while the other 99 arrived
			assertThat(answered).isBetween(1L, 30L);
		});
	}

	/**
	 * A registration that waits for a manager: it names no customer contact and no sales
	 * rep, which the rules of engagement require.
	 */
	private String pendingRegistration() {
		String team = unique("TR");
		String partnerId = registerPartner(unique("Waitco "), "Silver", team, unique("C"));
		String domain = unique("direct").toLowerCase() + ".com";
		String deal = api("POST", "/api/deals",
				"""
						{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s", "products": ["Analytics Suite"],
						 "amount": 50000, "currency": "USD", "expectedCloseDate": "%s"}"""
					.formatted(partnerId, unique("Waitingco "), domain, com.partnerbot.TestClock.today().plusMonths(2)))
			.body();
		assertThat(deal).contains("\"status\":\"PENDING\"");
		return JsonParser.parseString(deal).getAsJsonObject().get("id").getAsString();
	}

	/**
	 * The partner's registration of a customer another partner registered first, which
	 * waits for a channel manager; the API's answer.
	 */
	private String conflictingRegistration(String partnerId, String customer, String domain) {
		String registration = """
				{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s", "products": ["Analytics Suite"],
				 "amount": 50000, "currency": "USD", "expectedCloseDate": "%s"}""";
		String rival = registerPartner(unique("Rival "), "Silver", unique("TR"));
		assertThat(api("POST", "/api/deals", registration.formatted(rival, unique("Rivalled "), domain,
				com.partnerbot.TestClock.today().plusMonths(2)))
			.statusCode()).isEqualTo(201);
		return api("POST", "/api/deals",
				registration.formatted(partnerId, customer, domain, com.partnerbot.TestClock.today().plusMonths(2)))
			.body();
	}

}
