package com.partnerbot.slack.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.SlackPayloadFiles;
import com.partnerbot.StubSlackApi;
import com.partnerbot.knowledge.ContentUploads;
import com.partnerbot.knowledge.KnowledgeBase;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin adds or replaces a library document by sharing the file with the bot in a
 * direct message (Slack's own {@code file_share} message event, signed, through
 * {@code /slack/events}); the bot downloads it from the stub Web API with its token.
 * Anyone else, and any file the library cannot take, gets a reply that says why, and
 * nothing is stored.
 */
class AdminDocumentsTests extends EndToEndTests {

	private static final String ADMIN = "W_ADMIN";

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	ContentUploads uploads;

	@BeforeEach
	void indexed() {
		awaitIndexed(knowledge);
	}

	@Test
	void anAdminAddsAndThenReplacesADocumentBySharingItInADirectMessage() {
		String path = "slack-uploads/" + unique("quillfeather-") + ".md";
		String partner = registerPartner(unique("Quillco "), "Silver", unique("TQ"));
		try {
			String url = slackApi.sharedFile("bonus.md", markdown("The Quillfeather bonus is 3 percent"));
			String added = reply(share(ADMIN, StubSlackApi.TEAM, path, "bonus.md", url, 60));
			assertThat(added).contains("Added `" + path + "`", "content version `" + knowledge.version() + "`",
					"chunks");
			assertThat(jdbc.sql("select uploaded_by from knowledge_document where path = ?")
				.param(path)
				.query(String.class)
				.list()).containsExactly("slack:" + ADMIN);
			assertThat(ask(partner, "What is the Quillfeather bonus?")).contains(path, "3 percent");

			String again = slackApi.sharedFile("bonus-v2.md", markdown("The Quillfeather bonus is 5 percent"));
			String replaced = reply(share(ADMIN, StubSlackApi.TEAM, path, "bonus-v2.md", again, 60));
			assertThat(replaced).contains("Replaced `" + path + "`", "content version `" + knowledge.version() + "`");
			assertThat(ask(partner, "What is the Quillfeather bonus?")).contains(path, "5 percent")
				.doesNotContain("3 percent");
		}
		finally {
			if (uploads.uploaded(path)) {
				uploads.remove(path, "test");
			}
		}
	}

	@Test
	void someoneWhoIsNotAnAdminHearsSoAndNothingIsDownloadedOrStored() {
		String partnerTeam = unique("TN");
		registerPartner(unique("Notadminco "), "Gold", partnerTeam);
		String partnerPerson = unique("U_P");
		slackApi.user(partnerPerson, partnerTeam);
		String staff = unique("W_STAFF");
		for (String[] who : new String[][] { { partnerPerson, partnerTeam }, { staff, StubSlackApi.TEAM } }) {
			String path = unique("not-admin-") + ".md";
			String url = slackApi.sharedFile(path, markdown("Nobody may read this"));
			assertThat(reply(share(who[0], who[1], "", path, url, 40))).contains("Only program admins");
			assertThat(slackApi.downloads(url)).isZero();
			assertThat(uploads.uploaded(path)).isFalse();
		}
	}

	@Test
	void aFileTheLibraryCannotTakeIsExplainedAndNothingChanges() {
		String version = knowledge.version();
		// the recorded payload's own file: a PNG image
		JsonObject png = SlackPayloadFiles.json("event_callback.message.file_share.bolt_python.json")
			.getAsJsonObject("event")
			.getAsJsonArray("files")
			.get(0)
			.getAsJsonObject();
		String pngUrl = slackApi.sharedFile(png.get("name").getAsString(), new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		assertThat(reply(share(ADMIN, StubSlackApi.TEAM, "", png.get("name").getAsString(), pngUrl,
				png.get("size").getAsLong())))
			.contains("`file.png` was not added", "use .md, .markdown, .html, .htm, .pdf or .txt");
		assertThat(slackApi.downloads(pngUrl)).isZero();

		String big = unique("big-") + ".md";
		String bigUrl = slackApi.sharedFile(big, markdown("big"));
		assertThat(reply(share(ADMIN, StubSlackApi.TEAM, "", big, bigUrl, 11L * 1024 * 1024)))
			.contains("`" + big + "` was not added", "larger than 10 MB");
		assertThat(slackApi.downloads(bigUrl)).isZero();

		// a size Slack did not vouch for is checked on the bytes themselves
		String understated = unique("understated-") + ".md";
		String understatedUrl = slackApi.sharedFile(understated, new byte[ContentUploads.MAX_BYTES + 1]);
		assertThat(reply(share(ADMIN, StubSlackApi.TEAM, "", understated, understatedUrl, 100)))
			.contains("I could not download `" + understated + "`", "larger than 10 MB");

		String gone = unique("gone-") + ".md";
		String goneUrl = slackApi.url().replace("/api/", "/files-pri/" + StubSlackApi.TEAM + "-FGONE/download/" + gone);
		assertThat(reply(share(ADMIN, StubSlackApi.TEAM, "", gone, goneUrl, 100)))
			.contains("I could not download `" + gone + "`", "HTTP 404", "Nothing was changed");

		// the bot token goes to Slack's file host only
		String elsewhere = unique("elsewhere-") + ".md";
		assertThat(reply(share(ADMIN, StubSlackApi.TEAM, "", elsewhere, "https://files.example.com/" + elsewhere, 100)))
			.contains("I could not download `" + elsewhere + "`", "not on Slack's file host");

		for (String path : List.of("file.png", big, understated, gone, elsewhere)) {
			assertThat(uploads.uploaded(path)).as(path).isFalse();
		}
		assertThat(knowledge.version()).isEqualTo(version);
	}

	@Test
	void theMessageMayNameAFolderOrAPathAndSlackLinksAreReadAsText() {
		assertThat(AdminDocuments.target("", "MDF policy (v2).md", true)).isEqualTo("MDF policy -v2-.md");
		assertThat(AdminDocuments.target("marketing/", "mdf.md", true)).isEqualTo("marketing/mdf.md");
		assertThat(AdminDocuments.target("<http://mdf-policy.md|mdf-policy.md>", "x.md", true))
			.isEqualTo("mdf-policy.md");
		assertThat(AdminDocuments.target("here is the new policy", "mdf.md", true)).isEqualTo("mdf.md");
		assertThat(AdminDocuments.target("marketing/mdf.md", "a.md", false)).isEqualTo("a.md");
	}

	/**
	 * Slack's file_share message event as this person of this team shares one file in
	 * their direct messages with the bot; returns the message's ts.
	 */
	private String share(String user, String team, String text, String name, String url, long size) {
		JsonObject payload = SlackPayloadFiles.json("event_callback.message.file_share.bolt_python.json");
		payload.addProperty("event_id", unique("EvF"));
		payload.addProperty("team_id", StubSlackApi.TEAM);
		payload.getAsJsonArray("authorizations").get(0).getAsJsonObject().addProperty("team_id", StubSlackApi.TEAM);
		payload.getAsJsonArray("authorizations").get(0).getAsJsonObject().addProperty("user_id", StubSlackApi.BOT_USER);
		JsonObject event = payload.getAsJsonObject("event");
		String ts = (1_700_000_000L + System.nanoTime() / 1000 % 100_000_000L) + ".000100";
		event.addProperty("user", user);
		event.addProperty("team", team);
		event.addProperty("channel", "D" + user);
		event.addProperty("channel_type", "im");
		event.addProperty("text", text);
		event.addProperty("ts", ts);
		event.addProperty("event_ts", ts);
		JsonObject file = event.getAsJsonArray("files").get(0).getAsJsonObject();
		file.addProperty("user", user);
		file.addProperty("name", name);
		file.addProperty("title", name);
		file.addProperty("size", size);
		file.addProperty("url_private_download", url);
		assertThat(slack().json(payload.toString()).statusCode()).isEqualTo(200);
		return user + ":" + ts;
	}

	/** The bot's one reply in the shared file's thread. */
	private static String reply(String userAndTs) {
		String user = userAndTs.substring(0, userAndTs.indexOf(':'));
		String ts = userAndTs.substring(userAndTs.indexOf(':') + 1);
		List<StubSlackApi.Call> replies = slackApi.awaitExactly("chat.postMessage",
				c -> ("D" + user).equals(c.arg("channel")) && ts.equals(c.arg("thread_ts")), 1);
		assertThat(replies).hasSize(1);
		return replies.get(0).arg("text");
	}

	private String ask(String partner, String question) {
		return api("POST", "/api/ask", """
				{"question": "%s", "partnerId": "%s"}""".formatted(question, partner)).body();
	}

	private static byte[] markdown(String sentence) {
		return ("# Quillfeather\n\n" + sentence + " of the list price, for every partner tier.\n")
			.getBytes(StandardCharsets.UTF_8);
	}

}
