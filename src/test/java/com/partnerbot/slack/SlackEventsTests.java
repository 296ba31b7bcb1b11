package com.partnerbot.slack;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.SlackClientForTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.slack.bolt.PartnerSubcommand;

import org.springframework.beans.factory.annotation.Autowired;

import static com.partnerbot.SlackPayloadFiles.encodeForm;
import static com.partnerbot.SlackPayloadFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack's own payloads, signed and posted to {@code /slack/events}; replies are read from
 * the stub Web API.
 */
class SlackEventsTests extends EndToEndTests {

	/** A shared channel of the test's partner that no step has taken yet. */
	private String ownChannel() {
		return acme.nextChannel();
	}

	private TestPartner acme;

	private String partnerName;

	private String partnerTeam;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	DataSource dataSource;

	@Autowired
	List<PartnerSubcommand> subcommands;

	@BeforeEach
	void registerPartner() {
		awaitIndexed(knowledge);
		acme = newPartner("Acme ", "Silver", 3);
		partnerName = acme.name();
		partnerTeam = acme.team();
	}

	/**
	 * The Slack Connect mention, as said by a person of the partner, in a fresh channel.
	 */
	private JsonObject partnerMention(String channel) {
		JsonObject payload = json("event_callback.app_mention.ext_shared.json");
		payload.addProperty("event_id", unique("Ev"));
		JsonObject event = payload.getAsJsonObject("event");
		event.addProperty("team", partnerTeam);
		event.addProperty("channel", channel);
		event.addProperty("text", "<@U123> what's the protection period on a registered deal?");
		return payload;
	}

	/** A recorded message event, said by a person of the partner in this channel. */
	private String partnerMessage(String file, String channel) {
		JsonObject payload = json(file);
		payload.addProperty("event_id", unique("Ev"));
		payload.getAsJsonObject("event").addProperty("channel", channel);
		payload.getAsJsonObject("event").addProperty("user_team", partnerTeam);
		return payload.toString();
	}

	private List<StubSlackApi.Call> repliesIn(String channel, int atLeast) {
		return slackApi.await("chat.postMessage", c -> channel.equals(c.arg("channel")), atLeast);
	}

	@Test
	void aPartnersMentionIsAnsweredInItsThread() {
		String channel = ownChannel();
		JsonObject mention = partnerMention(channel);
		HttpResponse<String> ack = slack().json(mention.toString());
		assertThat(ack.statusCode()).isEqualTo(200);

		List<StubSlackApi.Call> replies = repliesIn(channel, 1);
		assertThat(replies).hasSize(1);
		StubSlackApi.Call reply = replies.get(0);
		assertThat(reply.arg("thread_ts")).isEqualTo(mention.getAsJsonObject("event").get("ts").getAsString());
		assertThat(reply.arg("text")).contains("90 days");
		assertThat(reply.token()).isEqualTo("xoxb-test-token");
	}

	@Test
	void staffOfTheInstalledWorkspaceAreAnswered() {
		JsonObject mention = json("event_callback.app_mention.shared_channels.json");
		String channel = ownChannel();
		mention.addProperty("event_id", unique("Ev"));
		mention.getAsJsonObject("event").addProperty("channel", channel);
		mention.getAsJsonObject("event").addProperty("text", "<@W111> help");
		assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);

		List<StubSlackApi.Call> replies = repliesIn(channel, 1);
		assertThat(replies).hasSize(1);
		assertThat(replies.get(0).arg("text")).contains("/partner ask");
	}

	@Test
	void someoneOfAnUnknownOrganisationGetsAPoliteRefusal() {
		String channel = ownChannel();
		JsonObject mention = partnerMention(channel);
		mention.getAsJsonObject("event").addProperty("team", "T_STRANGER");
		assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);

		List<StubSlackApi.Call> replies = repliesIn(channel, 1);
		assertThat(replies).hasSize(1);
		assertThat(replies.get(0).arg("text")).contains("only help people of registered partners")
			.doesNotContain(partnerName)
			.doesNotContain("Silver");
	}

	@Test
	void aRetriedEventIsActedOnOnce() {
		String channel = ownChannel();
		JsonObject mention = partnerMention(channel);
		assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);
		assertThat(repliesIn(channel, 1)).hasSize(1);

		assertThat(slack().retry(mention.toString(), 1).statusCode()).isEqualTo(200);
		assertThat(slack().retry(mention.toString(), 2).statusCode()).isEqualTo(200);

		// a later event in the same channel is answered: by then a reply to the retries
		// would be too
		answerLater(channel, "1605835999.000100");
		assertThat(slackApi.awaitExactly("chat.postMessage", c -> channel.equals(c.arg("channel")), 2)).hasSize(2);
		assertThat(repeats(mention)).isEqualTo(2);
	}

	/** Mentions the bot again in the channel, under this ts, and waits for its answer. */
	private void answerLater(String channel, String ts) {
		JsonObject later = partnerMention(channel);
		later.getAsJsonObject("event").addProperty("ts", ts);
		assertThat(slack().json(later.toString()).statusCode()).isEqualTo(200);
		assertThat(slackApi.await("chat.postMessage",
				c -> channel.equals(c.arg("channel")) && ts.equals(c.arg("thread_ts")), 1))
			.hasSize(1);
	}

	private int repeats(JsonObject delivery) {
		return jdbc.sql("select repeats from slack_delivery where event_id = ?")
			.param(delivery.get("event_id").getAsString())
			.query(Integer.class)
			.single();
	}

	@Test
	void aDeliveryAnotherInstanceTookIsAcknowledgedButNotActedOn() {
		// acknowledgements come before the database: this instance has never seen the
		// event, only the durable claim after the acknowledgement can tell it is taken
		String channel = ownChannel();
		JsonObject taken = partnerMention(channel);
		String eventId = taken.get("event_id").getAsString();
		jdbc.sql("insert into slack_delivery (event_id, event_type, team_id) values (?, 'app_mention', ?)")
			.params(eventId, taken.get("team_id").getAsString())
			.update();

		assertThat(slack().retry(taken.toString(), 1).statusCode()).isEqualTo(200);

		// deliveries are claimed in the order they came: once a later one is answered,
		// the taken one was looked at
		answerLater(channel, "1605835999.000200");
		assertThat(slackApi.awaitExactly("chat.postMessage", c -> channel.equals(c.arg("channel")), 1)).hasSize(1);
		assertThat(repeats(taken)).isEqualTo(1);
	}

	@Test
	void theAcknowledgementDoesNotWaitForTheDatabase() throws Exception {
		String channel = ownChannel();
		JsonObject mention = partnerMention(channel);
		String body = mention.toString();
		// another instance is claiming the same event and has not committed: the claim
		// here waits on its row lock, which the acknowledgement must not
		try (Connection other = claimingElsewhere(mention)) {
			CompletableFuture<HttpResponse<String>> acknowledged = CompletableFuture
				.supplyAsync(() -> slack().json(body));
			try {
				assertThat(acknowledged).succeedsWithin(Duration.ofSeconds(20))
					.extracting(HttpResponse::statusCode)
					.isEqualTo(200);
			}
			finally {
				// that instance fails before it commits: this one acts on the event
				other.rollback();
			}
		}
		assertThat(slackApi.awaitExactly("chat.postMessage", c -> channel.equals(c.arg("channel")), 1)).hasSize(1);
	}

	/**
	 * Another instance's claim of this delivery, begun and not committed: a claim here
	 * waits on its row lock until the connection commits or rolls back.
	 */
	private Connection claimingElsewhere(JsonObject delivery) throws SQLException {
		Connection other = dataSource.getConnection();
		other.setAutoCommit(false);
		try (PreparedStatement claim = other
			.prepareStatement("insert into slack_delivery (event_id, event_type, team_id) values (?, ?, ?)")) {
			claim.setString(1, delivery.get("event_id").getAsString());
			claim.setString(2, "app_mention");
			claim.setString(3, delivery.get("team_id").getAsString());
			claim.executeUpdate();
		}
		return other;
	}

	@Test
	void aDeliveryHeldUpByTheDatabaseHoldsUpOnlyItsOwnChannel() throws Exception {
		String held = ownChannel();
		String elsewhere = ownChannel();
		JsonObject first = partnerMention(held);
		JsonObject next = partnerMention(held);
		next.getAsJsonObject("event").addProperty("ts", "1605835999.000300");
		try (Connection other = claimingElsewhere(first)) {
			try {
				assertThat(slack().json(first.toString()).statusCode()).isEqualTo(200);
				assertThat(slack().json(next.toString()).statusCode()).isEqualTo(200);
				// while the first one's claim waits, another channel's delivery is
				// claimed
				// and answered
				assertThat(slack().json(partnerMention(elsewhere).toString()).statusCode()).isEqualTo(200);
				assertThat(repliesIn(elsewhere, 1)).hasSize(1);
				// and the held channel's next delivery waits its turn
				assertThat(slackApi.calls("chat.postMessage").stream().filter(c -> held.equals(c.arg("channel"))))
					.isEmpty();
			}
			finally {
				other.rollback();
			}
		}
		assertThat(slackApi.awaitExactly("chat.postMessage", c -> held.equals(c.arg("channel")), 2)).hasSize(2);
		// claimed in the order they came
		assertThat(jdbc.sql("select event_id from slack_delivery where event_id in (?, ?) order by received_at")
			.params(first.get("event_id").getAsString(), next.get("event_id").getAsString())
			.query(String.class)
			.list()).containsExactly(first.get("event_id").getAsString(), next.get("event_id").getAsString());
	}

	@Test
	void aFollowUpInTheBotsThreadNeedsNoMention() {
		String channel = ownChannel();
		JsonObject mention = partnerMention(channel);
		mention.getAsJsonObject("event").addProperty("ts", "1726133698.626339");
		assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);
		assertThat(repliesIn(channel, 1)).hasSize(1);

		assertThat(slack().json(partnerMessage("event_callback.message.channel.user_team_source_team.json", channel))
			.statusCode()).isEqualTo(200);

		List<StubSlackApi.Call> replies = repliesIn(channel, 2);
		assertThat(replies).hasSize(2);
		assertThat(replies.get(1).arg("thread_ts")).isEqualTo("1726133698.626339");
		// "When Slack was released?" is not in the enablement library
		assertThat(replies.get(1).arg("text")).startsWith("I don't know");
	}

	@Test
	void aDirectMessageFromAPartnerIsAnswered() {
		String channel = unique("D");
		assertThat(
				slack().json(partnerMessage("event_callback.message.im.assistant_thread.json", channel)).statusCode())
			.isEqualTo(200);

		List<StubSlackApi.Call> replies = repliesIn(channel, 1);
		assertThat(replies).hasSize(1);
		assertThat(replies.get(0).arg("thread_ts")).isEqualTo("1726133698.626339");
		assertThat(replies.get(0).arg("text")).doesNotContain("only help people of registered partners");
	}

	@Test
	void botMessagesAndUnrelatedChannelMessagesGetNoReply() {
		String channel = ownChannel();
		JsonObject bot = json("event_callback.message.ext_shared.bot.json");
		bot.addProperty("event_id", unique("Ev"));
		bot.getAsJsonObject("event").addProperty("channel", channel);
		assertThat(slack().json(bot.toString()).statusCode()).isEqualTo(200);

		JsonObject chatter = json("event_callback.message.channel.user_team_source_team.json");
		chatter.addProperty("event_id", unique("Ev"));
		chatter.getAsJsonObject("event").addProperty("channel", channel);
		assertThat(slack().json(chatter.toString()).statusCode()).isEqualTo(200);

		// a mention afterwards is answered; nothing before it was
		assertThat(slack().json(partnerMention(channel).toString()).statusCode()).isEqualTo(200);
		assertThat(slackApi.awaitExactly("chat.postMessage", c -> channel.equals(c.arg("channel")), 1)).hasSize(1);
	}

	@Test
	void partnerHelpListsTheCommands() {
		HttpResponse<String> ack = partnerCommand(partnerTeam, null, null, "help");
		assertThat(ack.statusCode()).isEqualTo(200);
		JsonObject body = JsonParser.parseString(ack.body()).getAsJsonObject();
		assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(body.get("text").getAsString()).contains("/partner ask", "/partner deal", "/partner scorecard")
			.doesNotContain("/partner reindex");
	}

	@Test
	void adminsSeeTheAdminCommands() {
		HttpResponse<String> ack = partnerCommand(StubSlackApi.TEAM, "W_ADMIN", null, "");
		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(ack.body()).contains("/partner reindex");
	}

	@Test
	void partnerHelpListsExactlyTheRegisteredCommandsEachRequesterMayRun() {
		java.util.Set<String> registered = subcommands.stream()
			.map(PartnerSubcommand::name)
			.collect(java.util.stream.Collectors.toSet());
		java.util.Set<String> adminOnly = java.util.Set.of("reindex", "survey", "crm");
		java.util.Set<String> staffOnly = java.util.Set.of("program");
		assertThat(registered).containsAll(adminOnly).containsAll(staffOnly);

		java.util.Set<String> forAdmins = registered;
		java.util.Set<String> forStaff = new java.util.HashSet<>(registered);
		forStaff.removeAll(adminOnly);
		java.util.Set<String> forPartners = new java.util.HashSet<>(forStaff);
		forPartners.removeAll(staffOnly);

		assertThat(commandsInHelp(partnerCommand(partnerTeam, null, null, "help"))).isEqualTo(forPartners);
		assertThat(commandsInHelp(partnerCommand(StubSlackApi.TEAM, unique("W"), null, "help"))).isEqualTo(forStaff);
		assertThat(commandsInHelp(partnerCommand(StubSlackApi.TEAM, "W_ADMIN", null, "help"))).isEqualTo(forAdmins);
	}

	/** The subcommands {@code /partner help} names in its private answer. */
	private static java.util.Set<String> commandsInHelp(HttpResponse<String> ack) {
		assertThat(ack.statusCode()).isEqualTo(200);
		JsonObject body = JsonParser.parseString(ack.body()).getAsJsonObject();
		assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
		return java.util.regex.Pattern.compile("`/partner ([a-z]+)")
			.matcher(body.get("text").getAsString())
			.results()
			.map(m -> m.group(1))
			.collect(java.util.stream.Collectors.toSet());
	}

	@Test
	void aSlashCommandFromAnUnknownWorkspaceIsRefused() {
		HttpResponse<String> ack = partnerCommand("T_STRANGER", null, null, "scorecard");
		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(ack.body()).contains("only help people of registered partners");
	}

	@Test
	void interactivityPayloadsAreAcknowledged() {
		String actions = com.partnerbot.SlackPayloadFiles.raw("block_actions.form-urlencoded.txt").strip();
		assertThat(slack().form(actions).statusCode()).isEqualTo(200);
		String submission = encodeForm(
				Map.of("payload", json("view_submission.slack_connect_channel.json").toString()));
		assertThat(slack().form(submission).statusCode()).isEqualTo(200);
	}

	@Test
	void urlVerificationEchoesTheChallenge() {
		HttpResponse<String> response = slack().json(
				"{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
	}

	@Test
	void unsignedWronglySignedAndStaleRequestsAre401() {
		byte[] body = partnerMention(unique("C")).toString().getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();
		SlackClientForTests client = slack();
		assertThat(client.post("application/json", body, now, null, null).statusCode()).isEqualTo(401);
		assertThat(client.post("application/json", body, now, "another-secret", null).statusCode()).isEqualTo(401);
		assertThat(
				client.post("application/json", body, now - 400, SlackClientForTests.SIGNING_SECRET, null).statusCode())
			.isEqualTo(401);
		assertThat(
				client.post("application/json", body, now + 400, SlackClientForTests.SIGNING_SECRET, null).statusCode())
			.isEqualTo(401);
	}

	@Test
	void signedButMalformedRequestsAre400AndTheServiceStaysUp() {
		SlackClientForTests client = slack();
		long now = Instant.now().getEpochSecond();
		String secret = SlackClientForTests.SIGNING_SECRET;
		JsonObject noEvent = partnerMention(unique("C"));
		noEvent.remove("event");
		JsonObject noEventId = partnerMention(unique("C"));
		noEventId.remove("event_id");
		JsonObject eventNotObject = partnerMention(unique("C"));
		eventNotObject.addProperty("event", "surprise");

		assertThat(client.json("{\"type\": \"event_callback\", ").statusCode()).isEqualTo(400);
		assertThat(client.json("[1, 2, 3]").statusCode()).isEqualTo(400);
		assertThat(client.json(noEvent.toString()).statusCode()).isEqualTo(400);
		assertThat(client.json(noEventId.toString()).statusCode()).isEqualTo(400);
		assertThat(client.json(eventNotObject.toString()).statusCode()).isEqualTo(400);
		assertThat(client.form("payload=%7Bnot-json").statusCode()).isEqualTo(400);
		assertThat(client.form("payload=%ZZ").statusCode()).isEqualTo(400);
		assertThat(client.form("hello=world").statusCode()).isEqualTo(400);
		assertThat(client.form("command=%2Fpartner").statusCode()).isEqualTo(400);
		assertThat(client.post("application/json", new byte[] { '{', (byte) 0xC3, (byte) 0x28, '}' }, now, secret, null)
			.statusCode()).isEqualTo(400);
		assertThat(client.post("text/xml", "<event/>".getBytes(StandardCharsets.UTF_8), now, secret, null).statusCode())
			.isEqualTo(400);
		byte[] huge = ("{\"type\":\"event_callback\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(client.post("application/json", huge, now, secret, null).statusCode()).isEqualTo(400);

		HttpResponse<String> health = api("GET", "/actuator/health", null, null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(slack().json(partnerMention(unique("C")).toString()).statusCode()).isEqualTo(200);
	}

}
