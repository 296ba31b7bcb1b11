package com.partnerbot.slack.bolt;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;

import com.partnerbot.partners.Requester;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The bot's fixed texts, as Block Kit with a plain-text fallback.
 */
public final class Messages {

	public static final String REFUSAL = "Sorry, I can only help people of registered partners of this program. "
			+ "If your company is a partner, ask your channel manager to connect your Slack workspace.";

	static final String WRONG_CHANNEL = "Sorry, I can't help you in this channel: it belongs to another partner. "
			+ "Ask me in your own company's shared channel or in a direct message.";

	public static final String PRIVATE_ELSEWHERE = "Deals, funds and scorecards are private to your company: ask me in your "
			+ "company's own shared channel or in a direct message.";

	public static final String ONE_MOMENT = "One moment: I'm still working on your earlier questions. "
			+ "Ask again once I've answered them.";

	private static final java.util.regex.Pattern QUOTE_MARK = java.util.regex.Pattern.compile("(?m)^&gt;");

	private Messages() {
	}

	public record Reply(String text, List<LayoutBlock> blocks) {

		public static Reply plain(String text) {
			return new Reply(text, List.of(section(s -> s.text(markdownText(text)))));
		}

	}

	/** At most {@code limit} characters, with an ellipsis when cut. */
	public static String truncate(String text, int limit) {
		return (text.length() <= limit) ? text : text.substring(0, limit - 1) + "…";
	}

	/** Text from people, safe inside mrkdwn: no mentions, links or formatting tags. */
	public static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * Text safe inside mrkdwn like {@link #escape}, keeping a {@code >} that starts a
	 * line (a quote): without a {@code <} no mention, link or broadcast can be formed.
	 */
	public static String escapeKeepingQuotes(String text) {
		return QUOTE_MARK.matcher(escape(text)).replaceAll(">");
	}

	public static Reply refusal(Requester.Stranger stranger) {
		return Reply.plain(stranger.reason().contains("another partner") ? WRONG_CHANNEL : REFUSAL);
	}

	public static Reply help(Requester requester) {
		List<String> lines = new ArrayList<>(List.of("*Here is what I can do:*",
				"• `/partner ask <question>` or mention me: answers from the enablement library, with sources",
				"• `/partner deal <customer, domain, products, amount, close date>`: register a deal (no text opens the form)",
				"• `/partner deals`: your deal registrations",
				"• `/partner mdf`: your market development funds; `/partner mdf request <activity, date, cost>` asks for some",
				"• `/partner scorecard`: where you stand and the gap to the next tier",
				"• `/partner training`: courses and certifications that close your gaps",
				"• `/partner help`: this list"));
		if (requester instanceof Requester.Staff) {
			lines.add(
					"*Program team:* `/partner program`: the program at a glance, with charts and each partner's health");
		}
		if (requester instanceof Requester.Staff staff && staff.admin()) {
			lines.add(
					"*Admin:* `/partner reindex` rebuilds the enablement index; `/partner survey` lists, creates, sends and shows the results of PSAT surveys; `/partner crm` shows the CRM sync");
		}
		String text = String.join("\n", lines);
		List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(text))),
				context(c -> c.elements(List.of(markdownText("In a thread with me, follow-ups need no mention.")))));
		return new Reply(text, blocks);
	}

}
