package com.partnerbot.slack.scorecards;

import java.util.Locale;
import java.util.regex.Pattern;

import com.partnerbot.partners.Requester;
import com.partnerbot.scorecards.ScorecardsProperties;
import com.partnerbot.slack.bolt.Messages;

import org.springframework.stereotype.Component;

/**
 * Questions about the asker's own standing in plain words ("what's our tier?", "what do
 * we need for Gold?", "which courses should we take?"): the partner's scorecard or its
 * training, not the program's documents, which only say what a tier requires in general.
 */
@Component
public class ScorecardQuestions {

	// "our tier", "our scorecard", "where do we stand", "how far are we from gold"
	private static final String STANDING = "\\bour (current )?(tier|scorecard|standing|status|level|gaps?|progress)\\b"
			+ "|\\bwhere (do|does) (we|our company) stand\\b" + "|\\bhow (far|close) (are|is) (we|our company)\\b";

	// "which courses should we take", "what training do I need", "recommend training"
	private static final Pattern TRAINING = Pattern.compile(
			"\\b(what|which) (training|courses?|certifications?|certs?)\\b[^.!]*\\b(should|do|would|can|must) (we|i)\\b"
					+ "|\\brecommend(ed)? (a )?(training|courses?|certifications?)\\b"
					+ "|\\btraining (for|to close) (us|our|me|my)\\b",
			Pattern.CASE_INSENSITIVE);

	private final Pattern standing;

	private final ScorecardsInSlack scorecards;

	ScorecardQuestions(ScorecardsProperties properties, ScorecardsInSlack scorecards) {
		this.scorecards = scorecards;
		// "what do we need for Gold", "what does our company still need to reach
		// platinum":
		// the tiers are the program's own
		String tiers = String.join("|", properties.tiers().keySet().stream().map(Pattern::quote).toList());
		this.standing = Pattern
			.compile(STANDING + "|\\b(do|does|would|will) (we|i|our company) (still )?(need|lack|miss)\\b"
					+ "[^.!?]*\\b(" + tiers + "|next tier|the next level)\\b", Pattern.CASE_INSENSITIVE);
	}

	/** Whether the message asks about the asker's own standing or training. */
	public boolean wants(String text) {
		return training(text) || this.standing.matcher(text).find();
	}

	/** The asker's scorecard, or the training that closes its gaps when that is asked. */
	public Messages.Reply answer(Requester requester, String text) {
		return training(text) ? this.scorecards.training(requester) : this.scorecards.scorecard(requester);
	}

	private static boolean training(String text) {
		return TRAINING.matcher(text.toLowerCase(Locale.ROOT)).find();
	}

}
