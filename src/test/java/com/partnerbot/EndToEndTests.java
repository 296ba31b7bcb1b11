package com.partnerbot;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.partnerbot.platform.EmbeddedDatabase;
import com.partnerbot.platform.PingListener;
import com.partnerbot.platform.PlatformProperties;
import com.partnerbot.slack.answers.DraftReads;
import org.awaitility.Awaitility;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a random port, on the embedded PostgreSQL (or the one in
 * {@code SPRING_DATASOURCE_URL}), talking to the {@link StubSlackApi}, on the
 * {@link TestClock}. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "slack.signing-secret=" + SlackClientForTests.SIGNING_SECRET, "slack.bot-token=xoxb-test-token",
				"partnerbot.admin-token=" + EndToEndTests.ADMIN_TOKEN, "partnerbot.slack-admins=W_ADMIN",
				"partnerbot.alerts-channel=" + EndToEndTests.ALERTS_CHANNEL, "slack.call-timeout=2s",
				"partnerbot.outbox.lane-interval=300ms", "partnerbot.outbox.max-backoff=2s",
				"partnerbot.surveys.check-cron=-", "partnerbot.surveys.onboarding-cron=-",
				// the onboarding journey's welcome would be the first message in every
				// partner's
				// channel; OnboardingTests turns it on
				"partnerbot.program.onboarding-messages=false" })
@Import({ TestClock.Config.class, PingListener.Config.class, DraftReads.Config.class })
public abstract class EndToEndTests {

	public static final String ADMIN_TOKEN = "test-admin-token";

	public static final String ALERTS_CHANNEL = "C_ALERTS";

	protected static final StubSlackApi slackApi = StubSlackApi.shared();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected PlatformProperties platform;

	@DynamicPropertySource
	static void slackApiUrl(DynamicPropertyRegistry registry) {
		registry.add("slack.api-url", slackApi::url);
	}

	protected SlackClientForTests slack() {
		return new SlackClientForTests(port);
	}

	/** A call to the bot's own HTTP API; a null token sends no Authorization header. */
	protected HttpResponse<String> api(String method, String path, String json, String token) {
		return TestHttp.send(port, method, path, "application/json", json, token);
	}

	protected HttpResponse<String> api(String method, String path, String json) {
		return api(method, path, json, ADMIN_TOKEN);
	}

	/**
	 * An admin's call to the bot's API that must answer with this status; the JSON object
	 * it answers with.
	 */
	protected JsonObject apiJson(int status, String method, String path, String json) {
		HttpResponse<String> response = api(method, path, json);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
		return JsonParser.parseString(response.body()).getAsJsonObject();
	}

	/** Waits until the enablement library (the shipped demo content) is indexed. */
	protected void awaitIndexed(com.partnerbot.knowledge.KnowledgeBase knowledge) {
		Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> knowledge.size() > 0);
	}

	/**
	 * Registers a partner through the API, with the shared channels given, and returns
	 * its id.
	 */
	protected String registerPartner(String name, String tier, String teamId, String... channels) {
		String channelList = String.join(",", java.util.Arrays.stream(channels).map(c -> "\"" + c + "\"").toList());
		HttpResponse<String> created = api("POST", "/api/partners", """
				{"name": "%s", "tier": "%s", "slackTeamIds": ["%s"], "slackChannelIds": [%s]}""".formatted(name, tier,
				teamId, channelList));
		if (created.statusCode() != 201) {
			throw new IllegalStateException("could not register " + name + ": " + created.body());
		}
		return com.google.gson.JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
	}

	/**
	 * A partner registered for one test through the API, with a unique name, Slack team
	 * and shared channels, so that other tests' traffic cannot be mistaken for its own.
	 */
	protected record TestPartner(String id, String name, String team, List<String> channels,
			java.util.Deque<String> unusedChannels) {

		/** Its first shared channel. */
		public String channel() {
			return channels.get(0);
		}

		/** One of its shared channels that no step of the test has taken yet. */
		public String nextChannel() {
			return unusedChannels.pop();
		}

	}

	/**
	 * Registers a partner whose name starts with {@code name}, with one shared channel.
	 */
	protected TestPartner newPartner(String name, String tier) {
		return newPartner(name, tier, 1);
	}

	/**
	 * Registers a partner whose name starts with {@code name}, with these many channels.
	 */
	protected TestPartner newPartner(String name, String tier, int channels) {
		String unique = unique(name);
		String team = unique("T");
		List<String> ids = java.util.stream.IntStream.range(0, channels).mapToObj(i -> unique("C")).toList();
		return new TestPartner(registerPartner(unique, tier, team, ids.toArray(String[]::new)), unique, team, ids,
				new java.util.ArrayDeque<>(ids));
	}

	/**
	 * Slack's own block_actions payload, as a click by this user on a button with this
	 * action and value.
	 */
	protected HttpResponse<String> click(String team, String user, String channel, String messageTs, String actionId,
			String value) {
		com.google.gson.JsonObject payload = SlackPayloadFiles.json("block_actions.json");
		payload.getAsJsonObject("user").addProperty("id", user);
		payload.getAsJsonObject("user").addProperty("team_id", team);
		payload.getAsJsonObject("team").addProperty("id", team);
		payload.getAsJsonObject("channel").addProperty("id", channel);
		com.google.gson.JsonObject container = payload.getAsJsonObject("container");
		container.addProperty("channel_id", channel);
		container.addProperty("message_ts", messageTs);
		container.addProperty("is_ephemeral", false);
		com.google.gson.JsonObject action = payload.getAsJsonArray("actions").get(0).getAsJsonObject();
		action.addProperty("action_id", actionId);
		action.addProperty("value", value);
		return slack().form(SlackPayloadFiles.encodeForm(Map.of("payload", payload.toString())));
	}

	/**
	 * Slack's own {@code /partner} slash command with this text, typed by this user of
	 * this workspace in this channel; a null user or channel keeps the recorded
	 * payload's.
	 */
	protected HttpResponse<String> partnerCommand(String team, String user, String channel, String text) {
		Map<String, String> command = new LinkedHashMap<>(SlackPayloadFiles.form("slash_command.form-urlencoded.txt"));
		command.put("command", "/partner");
		command.put("text", text);
		command.put("team_id", team);
		if (user != null) {
			command.put("user_id", user);
		}
		if (channel != null) {
			command.put("channel_id", channel);
			command.put("trigger_id", "trigger-" + channel);
		}
		return slack().form(SlackPayloadFiles.encodeForm(command));
	}

	/** Slack's app_home_opened event: this user opened the bot's Home tab. */
	protected void openAppHome(String user) {
		com.google.gson.JsonObject payload = SlackPayloadFiles.json("event_callback.app_mention.ext_shared.json");
		payload.addProperty("event_id", unique("Ev"));
		com.google.gson.JsonObject event = new com.google.gson.JsonObject();
		event.addProperty("type", "app_home_opened");
		event.addProperty("user", user);
		event.addProperty("channel", unique("D"));
		event.addProperty("tab", "home");
		event.addProperty("event_ts", "1700000000.000100");
		payload.add("event", event);
		HttpResponse<String> response = slack().json(payload.toString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("app_home_opened answered " + response.statusCode());
		}
	}

	/**
	 * Slack's app_mention of the bot by a person of this team in a channel, as the
	 * message at {@code ts}; returns the ts, which is the thread the bot answers in.
	 */
	protected String mentionBot(String team, String channel, String ts, String text) {
		com.google.gson.JsonObject mention = SlackPayloadFiles.json("event_callback.app_mention.ext_shared.json");
		mention.addProperty("event_id", unique("Ev"));
		com.google.gson.JsonObject event = mention.getAsJsonObject("event");
		event.addProperty("team", team);
		event.addProperty("channel", channel);
		event.addProperty("ts", ts);
		event.addProperty("text", "<@" + StubSlackApi.BOT_USER + "> " + text);
		return sent(slack().json(mention.toString()), ts);
	}

	/**
	 * Slack's message event: a person of this team replies in one of the bot's threads.
	 */
	protected String replyInBotThread(String team, String channel, String threadTs, String text) {
		com.google.gson.JsonObject message = SlackPayloadFiles
			.json("event_callback.message.channel.user_team_source_team.json");
		message.addProperty("event_id", unique("Ev"));
		com.google.gson.JsonObject event = message.getAsJsonObject("event");
		event.addProperty("user_team", team);
		event.addProperty("channel", channel);
		event.addProperty("thread_ts", threadTs);
		event.addProperty("ts", threadTs.substring(0, threadTs.indexOf('.')) + ".999999");
		event.addProperty("text", text);
		return sent(slack().json(message.toString()), threadTs);
	}

	private static String sent(HttpResponse<String> response, String ts) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Slack's event was answered " + response.statusCode());
		}
		return ts;
	}

	/** The answer's id, as its buttons carry it. */
	public static String answerId(StubSlackApi.Call reply) {
		com.google.gson.JsonArray blocks = JsonParser.parseString(reply.arg("blocks")).getAsJsonArray();
		for (var block : blocks) {
			JsonObject b = block.getAsJsonObject();
			if (b.get("type").getAsString().equals("actions")) {
				return b.getAsJsonArray("elements").get(0).getAsJsonObject().get("value").getAsString();
			}
		}
		throw new AssertionError("no buttons in " + blocks);
	}

	/** The value of the button with this action on a posted message. */
	protected static String buttonOn(StubSlackApi.Call message, String actionId) {
		for (com.google.gson.JsonElement block : com.google.gson.JsonParser.parseString(message.arg("blocks"))
			.getAsJsonArray()) {
			com.google.gson.JsonObject b = block.getAsJsonObject();
			if (b.get("type").getAsString().equals("actions")) {
				for (com.google.gson.JsonElement element : b.getAsJsonArray("elements")) {
					if (actionId.equals(element.getAsJsonObject().get("action_id").getAsString())) {
						return element.getAsJsonObject().get("value").getAsString();
					}
				}
			}
		}
		throw new AssertionError("no " + actionId + " in " + message.arg("blocks"));
	}

	/** Slack's slash command {@code /partner text} by this user of this team. */
	/**
	 * Another instance of the bot on this test's database, as in a deployment with
	 * several replicas: its own data directory, the same Slack app and stub, these
	 * properties besides, and these configurations besides the application's. Closing it
	 * stops it and lets go of the database.
	 */
	protected Instance anotherInstance(String dataDir, Map<String, Object> more, Class<?>... sources) {
		Path database = platform.dataDir().resolve("postgres");
		String url = EmbeddedDatabase.start(database);
		Map<String, Object> properties = new LinkedHashMap<>(Map.ofEntries(Map.entry("server.port", "0"),
				Map.entry("spring.datasource.url", url), Map.entry("spring.datasource.username", "postgres"),
				Map.entry("partnerbot.data-dir", dataDir), Map.entry("partnerbot.knowledge.reindex-cron", "-"),
				Map.entry("slack.signing-secret", SlackClientForTests.SIGNING_SECRET),
				Map.entry("slack.bot-token", "xoxb-test-token"), Map.entry("slack.api-url", slackApi.url()),
				Map.entry("slack.call-timeout", "2s"), Map.entry("partnerbot.alerts-channel", ALERTS_CHANNEL)));
		properties.putAll(more);
		List<Class<?>> all = new ArrayList<>(List.of(PartnerbotApplication.class));
		all.addAll(List.of(sources));
		try {
			return new Instance(new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).properties(properties).run(),
					database);
		}
		catch (RuntimeException ex) {
			EmbeddedDatabase.release(database);
			throw ex;
		}
	}

	/** A second instance of the bot, from {@link #anotherInstance}. */
	protected record Instance(ConfigurableApplicationContext context, Path database) implements AutoCloseable {

		public <T> T bean(Class<T> type) {
			return context.getBean(type);
		}

		public int port() {
			return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		}

		/** Stops it (again, if it was stopped) and lets go of the database. */
		@Override
		public void close() {
			try {
				context.close();
			}
			finally {
				EmbeddedDatabase.release(database);
			}
		}

	}

	/** A name or id no other test run has used, so tests never see each other's data. */
	/**
	 * The bot's answer in a direct message: posted, or put in place of the "looking…"
	 * placeholder it shows when an answer takes a while.
	 */
	protected static StubSlackApi.Call answerIn(String channel) {
		return Awaitility.await("the answer in " + channel)
			.atMost(Duration.ofSeconds(30))
			.until(() -> Stream
				.concat(slackApi.calls("chat.postMessage").stream(), slackApi.calls("chat.update").stream())
				.filter(c -> channel.equals(c.arg("channel"))
						&& !String.valueOf(c.arg("text")).startsWith(":hourglass"))
				.findFirst(), Optional::isPresent)
			.get();
	}

	protected static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36).toUpperCase();
	}

}
