package com.partnerbot.slack.bolt;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;

import com.partnerbot.partners.Requester;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

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

	/**
	 * A modal form: its callback, the metadata that rides along to the submission, its
	 * title, the label of its submit button, and Cancel to close it.
	 */
	public static View form(String callbackId, String metadata, String title, String submit, List<LayoutBlock> blocks) {
		return view(v -> v.type("modal")
			.callbackId(callbackId)
			.privateMetadata(metadata)
			.title(viewTitle(t -> t.type("plain_text").text(title)))
			.submit(viewSubmit(t -> t.type("plain_text").text(submit)))
			.close(viewClose(t -> t.type("plain_text").text("Cancel")))
			.blocks(blocks));
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

}
