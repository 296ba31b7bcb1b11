package com.partnerbot.assistant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.platform.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The assistant module's API: answers from the enablement library, never beyond it.
 * Retrieval is filtered by the asker's audience before anything is ranked, so the LLM (or
 * the extractive answer) only ever sees passages the asker may see, and cites only those.
 */
@Service
public class Answering {

	private static final Logger log = LoggerFactory.getLogger(Answering.class);

	private static final int FOLLOW_UP_WORDS = 10;

	private static final Pattern FOLLOW_UP = Pattern.compile(
			"^(and|or|but|also|what about|how about|for|same)\\b|\\b(it|its|that|this|those|these|they|them|their|there|one)\\b",
			Pattern.CASE_INSENSITIVE);

	private final Questions questions;

	private final AnswerComposer composer;

	Answering(KnowledgeBase knowledge, Questions questions, AssistantProperties properties,
			ObjectProvider<GroundedAnswerer> llm, ObjectProvider<QuestionTranslator> translator) {
		this.questions = questions;
		this.composer = new AnswerComposer(knowledge, properties, llm.getIfAvailable(), translator.getIfAvailable());
	}

	/**
	 * How many questions a partner's people asked since then, and how many of them the
	 * library could not answer: a signal of the partner's health.
	 */
	public QuestionCounts questionCounts(UUID partnerId, java.time.Instant since) {
		return questions.counts(partnerId, since);
	}

	public Answer answer(Question question) {
		AnswerComposer.Composed composed = composer.compose(question, retrievalQuery(question));
		Answer answer = new Answer(UUID.randomUUID(), composed.text(), composed.citations(), composed.grounded());
		questions.save(answer.id(), question, answer);
		log.info("Answered a question ({}, {} citations, best similarity {})", composed.kind(),
				answer.citations().size(), String.format("%.2f", composed.similarity()));
		return answer;
	}

	/**
	 * A short follow-up that leans on what was asked before ("and for Gold?", "how long
	 * is it?") is searched together with the previous question; anything else stands
	 * alone.
	 */
	private String retrievalQuery(Question question) {
		String text = question.text().strip();
		if (text.split("\\s+").length > FOLLOW_UP_WORDS || !FOLLOW_UP.matcher(text).find()) {
			return text;
		}
		return questions.previousQuestion(question.conversationId(), question.partnerId())
			.map(previous -> previous + " " + text)
			.orElse(text);
	}

	/**
	 * Records a thumbs up (+1) or down (-1) on an answer.
	 * @param partnerId the partner of the person voting, null for staff
	 * @throws NotFoundException when there is no such answer for them
	 */
	public void feedback(UUID answerId, int vote, String userId, UUID partnerId) {
		AskedQuestion asked = visible(answerId, partnerId);
		questions.feedback(asked.id(), Integer.signum(vote), userId);
	}

	/**
	 * Hands a question to a channel manager.
	 * @return the question, or empty when it was handed off already
	 */
	public Optional<AskedQuestion> handOff(UUID answerId, UUID partnerId) {
		AskedQuestion asked = visible(answerId, partnerId);
		return questions.handOff(asked.id()) ? Optional.of(asked) : Optional.empty();
	}

	/** Unanswered and downvoted questions, newest first, for content owners. */
	public List<AskedQuestion> gaps(int limit) {
		return questions.gaps(Math.max(1, Math.min(limit, 500)));
	}

	private AskedQuestion visible(UUID answerId, UUID partnerId) {
		return questions.find(answerId)
			.filter(q -> partnerId == null || Objects.equals(q.partnerId(), partnerId))
			.orElseThrow(() -> new NotFoundException("no answer " + answerId));
	}

}
