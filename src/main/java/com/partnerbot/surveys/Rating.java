package com.partnerbot.surveys;

/**
 * What became of a rating or a comment.
 *
 * @param outcome whether it was recorded, or why not
 * @param invitation the invitation as it is now
 */
public record Rating(Outcome outcome, Invitation invitation) {

	public enum Outcome {

		/** Recorded now. */
		RECORDED,
		/** This question was answered before; the first answer stands. */
		ALREADY_ANSWERED,
		/** The survey closed. */
		CLOSED

	}

}
