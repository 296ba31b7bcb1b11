package com.partnerbot.assistant;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * The LLM, told to answer only from the numbered passages it is given. Earlier turns of
 * the same conversation are in its memory, so follow-ups keep their context.
 */
interface GroundedAnswerer {

	/** The model's reply when the passages do not hold the answer. */
	String NOT_IN_SOURCES = "NOT_IN_SOURCES";

	@SystemMessage(fromResource = "/prompts/answer-system.md")
	@UserMessage(fromResource = "/prompts/answer-user.md")
	String answer(@MemoryId String conversationId, @V("question") String question, @V("passages") String passages);

}
