package com.partnerbot.slack.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.knowledge.ReindexReport;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackReplies;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * An admin's {@code /partner reindex}: one message, updated as the reindex goes and
 * replaced by its report at the end.
 */
@Component
@RequiredArgsConstructor
public class Reindexing {

	private static final long UPDATE_EVERY_MILLIS = 1500;

	private final KnowledgeBase knowledge;

	private final SlackReplies replies;

	public void run(String channel, String user) {
		Messages.Reply start = Messages.Reply.plain(":hourglass_flowing_sand: Reindexing the enablement library…");
		// progress and the report name the library's files and failures: they go to the
		// admin's direct messages, never to a channel that partners may read
		String target = isDirect(channel) ? channel : user;
		Optional<String> ts = replies.post(target, null, start);
		if (ts.isEmpty()) {
			return;
		}
		String where = target;
		String messageTs = ts.get();
		long[] lastUpdate = { 0 };
		try {
			ReindexReport report = knowledge.reindex((done, total, current) -> {
				long now = System.currentTimeMillis();
				if (now - lastUpdate[0] >= UPDATE_EVERY_MILLIS && done < total) {
					lastUpdate[0] = now;
					replies.update(where, messageTs,
							Messages.Reply.plain(":hourglass_flowing_sand: Reindexing: %d of %d files (`%s`)"
								.formatted(done, total, current)));
				}
			});
			replies.update(where, messageTs, Messages.Reply.plain(report(report)));
		}
		catch (RuntimeException ex) {
			replies.update(where, messageTs, Messages.Reply
				.plain(":x: Reindex failed: " + ex.getMessage() + ". The previous index is still in use."));
		}
	}

	public static boolean isDirect(String channel) {
		return channel != null && channel.startsWith("D");
	}

	static String report(ReindexReport report) {
		List<String> lines = new ArrayList<>();
		lines.add((report.failures().isEmpty() ? ":white_check_mark:" : ":warning:") + " Reindex done: "
				+ report.summary());
		report.failures()
			.stream()
			.limit(20)
			.forEach(f -> lines.add("• `" + f.source() + "`: " + f.reason()
					+ (f.previousVersionKept() ? " (previous version kept)" : "")));
		if (report.failures().size() > 20) {
			lines.add("• … and " + (report.failures().size() - 20) + " more");
		}
		return String.join("\n", lines);
	}

}
