package com.partnerbot.slack.answers;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

import com.partnerbot.assistant.Answer;
import com.partnerbot.slack.bolt.Messages;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * An answer as Block Kit: the text (split to fit Slack's 3,000-character sections, never
 * dropped), its sources, and buttons for feedback and for handing the question to a
 * channel manager.
 */
public final class AnswerBlocks {

	static final String UPVOTE = "answer_up";

	static final String DOWNVOTE = "answer_down";

	public static final String HAND_OFF = "answer_hand_off";

	/** Slack's limit on a section's text. */
	static final int SECTION_LIMIT = 3000;

	/** Slack allows 50 blocks; sources and buttons need a few. */
	private static final int MAX_TEXT_SECTIONS = 40;

	private AnswerBlocks() {
	}

	static Messages.Reply of(Answer answer, String contentBaseUrl) {
		return of(answer, contentBaseUrl, true);
	}

	static Messages.Reply of(Answer answer, String contentBaseUrl, boolean handOff) {
		List<LayoutBlock> blocks = new ArrayList<>();
		// the model's words, like people's, may not mention, link or ping: only the
		// citations below are the bot's own markup
		List<String> pieces = split(Messages.escapeKeepingQuotes(answer.text()), SECTION_LIMIT);
		if (pieces.size() > MAX_TEXT_SECTIONS) {
			pieces = new ArrayList<>(pieces.subList(0, MAX_TEXT_SECTIONS));
			pieces.add("_(The answer is longer than Slack shows; ask a narrower question for the rest.)_");
		}
		pieces.forEach(piece -> blocks.add(section(s -> s.text(markdownText(piece)))));
		if (!answer.citations().isEmpty()) {
			List<String> sources = new ArrayList<>();
			for (int i = 0; i < answer.citations().size(); i++) {
				sources.add("[" + (i + 1) + "] " + link(answer.citations().get(i), contentBaseUrl));
			}
			blocks.add(context(c -> c.elements(List
				.of(markdownText(Messages.truncate("*Sources:* " + String.join("  ·  ", sources), SECTION_LIMIT))))));
		}
		String id = answer.id().toString();
		List<BlockElement> buttons = new ArrayList<>();
		buttons.add(button(b -> b.actionId(UPVOTE).value(id).text(plainText("👍 Helpful"))));
		buttons.add(button(b -> b.actionId(DOWNVOTE).value(id).text(plainText("👎 Not helpful"))));
		if (handOff) {
			buttons.add(button(b -> {
				b.actionId(HAND_OFF).value(id).text(plainText("Ask a channel manager"));
				return answer.grounded() ? b : b.style("primary");
			}));
		}
		blocks.add(actions(a -> a.blockId("answer:" + id).elements(buttons)));
		return new Messages.Reply(Messages.truncate(answer.text(), SECTION_LIMIT), blocks);
	}

	private static String link(Answer.Citation citation, String contentBaseUrl) {
		String label = citation.title() + (citation.section().isBlank() ? "" : " › " + citation.section());
		if (contentBaseUrl != null && !contentBaseUrl.isBlank()) {
			return "<" + contentBaseUrl + citation.source() + "|" + escape(label) + ">";
		}
		return "*" + escape(label) + "* (`" + citation.source() + "`)";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "¦");
	}

	/**
	 * Splits at paragraph, then line, then word boundaries into pieces of at most
	 * {@code limit}.
	 */
	static List<String> split(String text, int limit) {
		List<String> pieces = new ArrayList<>();
		String rest = text.strip();
		while (rest.length() > limit) {
			int cut = rest.lastIndexOf("\n\n", limit);
			if (cut < limit / 2) {
				cut = rest.lastIndexOf('\n', limit);
			}
			if (cut < limit / 2) {
				cut = rest.lastIndexOf(' ', limit);
			}
			if (cut <= 0) {
				cut = limit;
			}
			pieces.add(rest.substring(0, cut).strip());
			rest = rest.substring(cut).strip();
		}
		if (!rest.isEmpty() || pieces.isEmpty()) {
			pieces.add(rest);
		}
		return pieces;
	}

}
