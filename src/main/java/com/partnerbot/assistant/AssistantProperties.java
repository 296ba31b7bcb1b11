package com.partnerbot.assistant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param llmModel the chat model's name ({@code PARTNERBOT_LLM_MODEL}); the LLM is used
 * only when this and {@code OPENAI_BASE_URL} are set
 * @param llmTimeout how long to wait for the model
 * @param passages how many passages an answer is drawn from
 * @param minSimilarity the cosine similarity of question and best passage below which the
 * answer is "I don't know"
 * @param minCoverage the share of the question's own terms that the best passages must
 * hold to answer; both bounds were set on the tune part of the labelled questions
 * (src/test/resources/eval/answers-tune.jsonl, see docs/benchmarks.md)
 */
@ConfigurationProperties("partnerbot")
record AssistantProperties(String llmModel, @DefaultValue("30s") Duration llmTimeout, @DefaultValue("5") int passages,
		@DefaultValue("0.65") double minSimilarity, @DefaultValue("0.25") double minCoverage) {

	static AssistantProperties defaults() {
		return new AssistantProperties(null, Duration.ofSeconds(30), 5, 0.65, 0.25);
	}

}
