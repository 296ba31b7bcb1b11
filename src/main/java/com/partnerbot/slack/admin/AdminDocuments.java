package com.partnerbot.slack.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.knowledge.ContentUploads;
import com.partnerbot.knowledge.ReindexReport;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.platform.ApiError;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.slack.bolt.Delivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.people.SharedFileHandler;
import com.partnerbot.slack.people.SlackRequesters;

import lombok.RequiredArgsConstructor;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A file an admin shares with the bot in a direct message adds a document to the
 * enablement library, or replaces the one at its path, as {@code POST /api/content} does:
 * the same checks, stored for every instance, indexed at once. The message's text may
 * name the path ({@code marketing/mdf-policy.md}) or a folder ({@code marketing/});
 * otherwise the file's name is the path.
 * <p>
 * Files shared outside direct messages, or in the thread of a partner's MDF request (its
 * claim's proof), are left to others.
 */
@Component
@Order(2)
@RequiredArgsConstructor
class AdminDocuments implements SharedFileHandler {

	private static final Logger log = LoggerFactory.getLogger(AdminDocuments.class);

	private static final Pattern LABELLED_LINK = Pattern.compile("<[^>|]*\\|([^>]*)>");

	private static final Pattern LINK = Pattern.compile("<(?:https?://)?([^>]*)>");

	private static final Pattern NOT_IN_A_NAME = Pattern.compile("[^\\p{L}\\p{N} ._-]+");

	private final SlackRequesters requesters;

	private final SlackReplies replies;

	private final ContentUploads uploads;

	private final SlackFiles files;

	/** Files shared in a direct message with the bot; anywhere else they are not ours. */
	@Override
	public boolean take(Delivery delivery, SlackIdentity identity) {
		if (delivery.text("event.channel_type").filter("im"::equals).isEmpty()) {
			return false;
		}
		receive(delivery, identity);
		return true;
	}

	private void receive(Delivery delivery, SlackIdentity identity) {
		String channel = identity.channelId();
		String thread = delivery.first("event.thread_ts", "event.ts").orElse(null);
		Requester requester = requesters.identify(identity);
		if (requester instanceof Requester.Stranger stranger) {
			if (!SlackRequesters.BOT.equals(stranger.reason())) {
				replies.post(channel, thread, Messages.refusal(stranger));
			}
			return;
		}
		if (!(requester instanceof Requester.Staff staff && staff.admin())) {
			replies.post(channel, thread, Messages.Reply.plain("Only program admins can add documents to the "
					+ "enablement library, so I did not keep your file. Ask me a question in words instead, or send "
					+ "the document to a program admin."));
			return;
		}
		List<JsonObject> shared = new ArrayList<>();
		JsonElement listed = delivery.payload().getAsJsonObject("event").get("files");
		if (listed != null && listed.isJsonArray()) {
			listed.getAsJsonArray().forEach(file -> {
				if (file.isJsonObject()) {
					shared.add(file.getAsJsonObject());
				}
			});
		}
		String caption = delivery.text("event.text").orElse("");
		List<String> lines = new ArrayList<>();
		ReindexReport last = null;
		for (JsonObject file : shared) {
			String name = string(file, "name", string(file, "id", "the file"));
			try {
				String path = uploads.check(target(caption, name, shared.size() == 1), number(file, "size"));
				boolean replacing = uploads.uploaded(path);
				String url = string(file, "url_private_download", null);
				if (url == null) {
					throw new SlackFiles.DownloadFailed(
							"Slack gave me no way to download it (a file from another workspace?)");
				}
				last = uploads.upload(path, files.download(url, name, ContentUploads.MAX_BYTES),
						"slack:" + identity.userId());
				lines.add(":white_check_mark: " + (replacing ? "Replaced" : "Added") + " `" + Messages.escape(path)
						+ "`" + failure(last, path));
			}
			catch (InvalidInputException ex) {
				lines.add(":x: `" + Messages.escape(name) + "` was not added: "
						+ Messages
							.escape(String.join("; ", ex.errors().stream().map(ApiError.FieldError::message).toList()))
						+ ".");
			}
			catch (SlackFiles.DownloadFailed ex) {
				lines.add(":x: I could not download `" + Messages.escape(name) + "`: "
						+ Messages.escape(ex.getMessage()) + ". Nothing was changed; please share it again.");
			}
			catch (RuntimeException ex) {
				log.warn("Adding {} shared by {} failed", name, identity.userId(), ex);
				lines.add(":x: `" + Messages.escape(name) + "` could not be indexed: "
						+ Messages.escape(String.valueOf(ex.getMessage()))
						+ ". The library in use is unchanged; `/partner reindex` tries again.");
			}
		}
		if (shared.isEmpty()) {
			lines.add("I found no file in your message.");
		}
		if (last != null) {
			lines.add("The library now serves content version `%s`: %d files, %d chunks (%d embedded just now). "
				.formatted(last.version(), last.files(), last.chunks(), last.embedded())
					+ "Every instance follows within seconds.");
		}
		replies.post(channel, thread, Messages.Reply.plain(String.join("\n", lines)));
	}

	/**
	 * Where a shared file goes: the path or folder the message names (Slack may have
	 * turned it into a link), else the file's own name.
	 */
	static String target(String caption, String name, boolean onlyFile) {
		String given = LINK.matcher(LABELLED_LINK.matcher(caption).replaceAll("$1")).replaceAll("$1").strip();
		String fileName = NOT_IN_A_NAME.matcher(name).replaceAll("-");
		if (given.isEmpty() || given.chars().anyMatch(Character::isWhitespace)) {
			return fileName;
		}
		if (given.endsWith("/")) {
			return given + fileName;
		}
		boolean aPath = given.contains("/") || given.matches(".*\\.[A-Za-z]{2,8}");
		return (aPath && onlyFile) ? given : fileName;
	}

	/** The reason this path could not be read in the reindex, if it could not. */
	private static String failure(ReindexReport report, String path) {
		return report.failures()
			.stream()
			.filter(f -> f.source().equals(path))
			.map(f -> " (but it could not be indexed: " + Messages.escape(f.reason()) + ")")
			.findFirst()
			.orElse("");
	}

	private static String string(JsonObject file, String key, String otherwise) {
		JsonElement value = file.get(key);
		return (value != null && value.isJsonPrimitive() && !value.getAsString().isBlank()) ? value.getAsString()
				: otherwise;
	}

	private static long number(JsonObject file, String key) {
		JsonElement value = file.get(key);
		return (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) ? value.getAsLong()
				: 0;
	}

}
