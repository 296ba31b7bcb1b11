package com.partnerbot.slack.answers;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerbot.assistant.Answer;
import com.partnerbot.slack.bolt.Messages;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerBlocksTests {

	@Test
	void aLongAnswerIsSplitIntoSectionsNotDropped() {
		String paragraph = "The protection period is ninety days from approval. ".repeat(40).strip();
		String text = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph));
		List<String> pieces = AnswerBlocks.split(text, AnswerBlocks.SECTION_LIMIT);
		assertThat(pieces).hasSizeGreaterThan(1).allMatch(p -> p.length() <= AnswerBlocks.SECTION_LIMIT);
		assertThat(String.join(" ", pieces).replaceAll("\\s+", " ")).isEqualTo(text.replaceAll("\\s+", " "));
	}

	@Test
	void aWordLongerThanASectionIsCut() {
		String text = "x".repeat(7000);
		List<String> pieces = AnswerBlocks.split(text, AnswerBlocks.SECTION_LIMIT);
		assertThat(pieces).hasSize(3).allMatch(p -> p.length() <= AnswerBlocks.SECTION_LIMIT);
		assertThat(String.join("", pieces)).isEqualTo(text);
	}

	@Test
	void theCardHasSourcesAndButtonsWithinSlacksLimits() {
		Answer answer = new Answer(UUID.randomUUID(), "A ".repeat(100_000),
				List.of(new Answer.Citation("Deal registration <rules>", "deals/rules.md", "Protection")), true);
		Messages.Reply reply = AnswerBlocks.of(answer, "https://partners.example.com/docs/");
		assertThat(reply.blocks()).hasSizeLessThanOrEqualTo(50);
		assertThat(reply.text()).hasSizeLessThanOrEqualTo(AnswerBlocks.SECTION_LIMIT);
		String blocks = reply.blocks().toString();
		assertThat(blocks)
			.contains("https://partners.example.com/docs/deals/rules.md|Deal registration &lt;rules&gt; › Protection");
		assertThat(blocks).contains(AnswerBlocks.UPVOTE, AnswerBlocks.DOWNVOTE, AnswerBlocks.HAND_OFF);
		assertThat(blocks).contains("longer than Slack shows");
	}

}
