package com.partnerbot.slack.answers;

import com.google.gson.JsonObject;

import com.partnerbot.SlackClientForTests;
import com.partnerbot.StubSlackApi;

import static com.partnerbot.SlackPayloadFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of a hand-off through Slack, with Slack's own payloads, for tests in any
 * package: a partner's person asking in a direct message, the alert, a staff member's
 * reply in its thread.
 */
@lombok.RequiredArgsConstructor
public final class HandOffSteps {

	public static final String CLAIM = HandOffs.CLAIM;

	private final SlackClientForTests slack;

	private final StubSlackApi api;

	private final String alertsChannel;

	/**
	 * A partner's person asks in a direct message (no thread: a new conversation);
	 * returns the bot's answer.
	 */
	public StubSlackApi.Call askDirectly(String team, String user, String dm, String ts, String question) {
		JsonObject message = json("event_callback.message.im.assistant_thread.json");
		message.addProperty("event_id", "Ev" + Long.toString(System.nanoTime(), 36).toUpperCase());
		// the bot's direct messages are in the workspace it is installed in
		message.addProperty("team_id", StubSlackApi.TEAM);
		message.getAsJsonArray("authorizations").get(0).getAsJsonObject().addProperty("team_id", StubSlackApi.TEAM);
		JsonObject event = message.getAsJsonObject("event");
		event.remove("thread_ts");
		event.remove("parent_user_id");
		event.addProperty("user", user);
		event.addProperty("team", team);
		event.addProperty("user_team", team);
		event.addProperty("source_team", team);
		event.addProperty("channel", dm);
		event.addProperty("ts", ts);
		event.addProperty("text", question);
		assertThat(slack.json(message.toString()).statusCode()).isEqualTo(200);
		return api.await("chat.postMessage", c -> dm.equals(c.arg("channel")), 1).get(0);
	}

	/** A staff member's reply in the thread of an alert, from the vendor's workspace. */
	public void replyUnderAlert(String user, String alertTs, String text) {
		JsonObject message = json("event_callback.message.channel.user_team_source_team.json");
		message.addProperty("event_id", "Ev" + Long.toString(System.nanoTime(), 36).toUpperCase());
		message.addProperty("team_id", StubSlackApi.TEAM);
		message.getAsJsonArray("authorizations").get(0).getAsJsonObject().addProperty("team_id", StubSlackApi.TEAM);
		JsonObject event = message.getAsJsonObject("event");
		event.addProperty("user", user);
		event.addProperty("team", StubSlackApi.TEAM);
		event.addProperty("user_team", StubSlackApi.TEAM);
		event.addProperty("source_team", StubSlackApi.TEAM);
		event.addProperty("channel", alertsChannel);
		event.addProperty("thread_ts", alertTs);
		event.addProperty("ts", "1700009" + (System.nanoTime() % 1000) + ".000100");
		event.addProperty("text", text);
		assertThat(slack.json(message.toString()).statusCode()).isEqualTo(200);
	}

	/** The alert holding these words, as Slack keeps it (with its ts). */
	public JsonObject alertAbout(String words) {
		// the alerts channel is one lane of the outbox, shared by every test of the
		// suite: an
		// alert may wait behind others' for a while
		return org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(90))
			.until(() -> api.messages(alertsChannel)
				.stream()
				.filter(m -> m.get("text").getAsString().contains(words))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	/** The answer's id, as its buttons carry it. */
	public static String answerId(StubSlackApi.Call reply) {
		return com.partnerbot.EndToEndTests.answerId(reply);
	}

}
