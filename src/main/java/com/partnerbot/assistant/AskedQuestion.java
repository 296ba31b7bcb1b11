package com.partnerbot.assistant;

import java.util.UUID;

/**
 * A question as it was asked and received.
 *
 * @param id the answer's id
 * @param partnerId the partner it was answered for, if any
 * @param askedBy who asked
 * @param question the question
 * @param grounded whether it was answered from the library
 * @param feedback +1, -1, or 0 when none was given
 * @param handedOff whether it went to a channel manager
 * @param conversationId where it was asked, as the adapter that asked named it
 * @param handedTo the content owner it went to because the library had no answer, or null
 */
public record AskedQuestion(UUID id, UUID partnerId, String askedBy, String question, boolean grounded, int feedback,
		boolean handedOff, String conversationId, String handedTo) {

	/**
	 * New content answers a question the library could not answer when it was asked.
	 *
	 * @param question the question as it was asked
	 * @param answer the answer the library gives now, stored under its own id
	 */
	public record AnsweredByNewContent(AskedQuestion question, Answer answer) {
	}

}
