package com.partnerbot.assistant;

import dev.langchain4j.service.UserMessage;

/**
 * The LLM, turning a question asked in another language into English, because the library
 * is indexed and searched in English. No memory: each question stands alone.
 */
interface QuestionTranslator {

	@UserMessage(fromResource = "/prompts/translate-question.md")
	String english(String question);

}
