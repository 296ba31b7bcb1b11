package com.partnerbot.assistant;

import java.util.List;
import java.util.UUID;

/**
 * An answer, with where each statement came from.
 *
 * @param id identifies the answer for feedback and hand-off
 * @param text the answer, Slack mrkdwn
 * @param citations the documents it quotes, in the order of their markers [1], [2], ...
 * @param grounded false when the library had nothing good enough to answer from
 */
public record Answer(UUID id, String text, List<Citation> citations, boolean grounded) {

	/**
	 * A document an answer came from.
	 *
	 * @param title the document's title
	 * @param source its path relative to the content directory
	 * @param section the section within it
	 */
	public record Citation(String title, String source, String section) {
	}

}
