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
 */
public record AskedQuestion(UUID id, UUID partnerId, String askedBy, String question, boolean grounded, int feedback,
		boolean handedOff) {

}
