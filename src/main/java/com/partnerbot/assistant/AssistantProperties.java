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
 * hold to answer
 * @param minSimilarityUnknown the similarity below which a question holding a word the
 * library never uses ("dog", "Bitcoin") is "I don't know": such a question is about a
 * topic the library lacks unless its passage is close in meaning all the same (a
 * paraphrase: "deal reg"); the three bounds are set by {@code eval answers --tune} on the
 * tune part of src/test/resources/eval/answers.jsonl (see docs/benchmarks.md)
 * @param maxUnknownTopicality how much more a question may be about a word the library
 * never uses than about the words its best passages hold (the cosine of each word's
 * embedding and the question's) before it is "I don't know": "invoices in Bitcoin" is
 * about Bitcoin, "when can we try again" is not about trying; set with the other bounds
 * by {@code eval answers --tune}
 * @param defaultOwner who gets a handed-off question the library could not answer when
 * the closest document names no {@code owner} ({@code PARTNERBOT_DEFAULT_OWNER}: a Slack
 * user id or an e-mail address); unset: the channel managers alone
 */
@ConfigurationProperties("partnerbot")
record AssistantProperties(String llmModel, @DefaultValue("30s") Duration llmTimeout, @DefaultValue("5") int passages,
		@DefaultValue("0.66") double minSimilarity, @DefaultValue("0.25") double minCoverage,
		@DefaultValue("0.66") double minSimilarityUnknown, @DefaultValue("0.0075") double maxUnknownTopicality,
		String defaultOwner) {

	static AssistantProperties defaults() {
		return new AssistantProperties(null, Duration.ofSeconds(30), 5, 0.66, 0.25, 0.66, 0.0075, null);
	}

	AssistantProperties withBounds(double similarity, double coverage, double similarityUnknown,
			double unknownTopicality) {
		return new AssistantProperties(llmModel, llmTimeout, passages, similarity, coverage, similarityUnknown,
				unknownTopicality, defaultOwner);
	}

}
