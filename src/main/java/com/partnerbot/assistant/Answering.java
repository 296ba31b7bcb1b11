package com.partnerbot.assistant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.knowledge.Audience;
import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.platform.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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

	/** How far back a question the library could not answer waits for new content. */
	private static final int UNANSWERED_DAYS = 30;

	private static final int UNANSWERED_LIMIT = 500;

	private final Questions questions;

	private final AnswerComposer composer;

	private final KnowledgeBase knowledge;

	private final AssistantProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	Answering(KnowledgeBase knowledge, Questions questions, AssistantProperties properties,
			ObjectProvider<GroundedAnswerer> llm, ObjectProvider<QuestionTranslator> translator,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.questions = questions;
		this.knowledge = knowledge;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
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
		return answer(question, retrievalQuery(question)).answer();
	}

	private Asked answer(Question question, String query) {
		AnswerComposer.Composed composed = AnswerComposer.forAudience(composer.compose(question, query),
				question.audience());
		Answer answer = new Answer(UUID.randomUUID(), composed.text(), composed.citations(), composed.grounded());
		questions.save(answer.id(), question, answer);
		log.info("Answered a question ({}, {} citations, best similarity {})", composed.kind(),
				answer.citations().size(), String.format("%.2f", composed.similarity()));
		return new Asked(answer, composed.kind());
	}

	private record Asked(Answer answer, AnswerComposer.Kind kind) {
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
	 * Hands a question to a channel manager; one the library could not answer goes to the
	 * owner of the closest document too (its front matter's {@code owner}), else to the
	 * default owner.
	 * @return the question, with the owner it went to; empty when it was handed off
	 * already
	 */
	public Optional<AskedQuestion> handOff(UUID answerId, UUID partnerId) {
		AskedQuestion asked = visible(answerId, partnerId);
		String owner = asked.grounded() ? null : ownerFor(asked);
		if (!questions.handOff(asked.id(), owner)) {
			return Optional.empty();
		}
		return questions.find(asked.id());
	}

	private String ownerFor(AskedQuestion asked) {
		Audience audience = questions.audienceTier(asked.id()).map(Audience::new).orElse(Audience.staff());
		return knowledge.search(asked.question(), audience, 1)
			.stream()
			.findFirst()
			.flatMap(passage -> knowledge.ownerOf(passage.source()))
			.or(() -> Optional.ofNullable(properties.defaultOwner()).filter(owner -> !owner.isBlank()))
			.orElse(null);
	}

	/**
	 * A staff member takes a handed-off question from its alert: the first to claim it
	 * keeps it.
	 * @param alertRef the alert, as the adapter names it; replies under it are answers
	 * @return who has the question now (the claimer, or whoever claimed it first); empty
	 * when it was never handed off
	 */
	public Optional<String> claim(UUID questionId, String staffUserId, String alertRef) {
		return questions.claim(questionId, staffUserId, alertRef);
	}

	/**
	 * A reply under a hand-off alert by the person who claimed it: the asker's answer.
	 * @return the question it answers, to deliver the answer to its asker; empty when the
	 * alert is not one of this person's claimed questions
	 */
	public Optional<AskedQuestion> answeredByPerson(String alertRef, String staffUserId) {
		return questions.answeredBy(alertRef, staffUserId);
	}

	/**
	 * Asks again the recent questions the library could not answer, after new content:
	 * each one it answers now is stored as a new answer in the same conversation and
	 * announced as {@link AskedQuestion.AnsweredByNewContent} for its asker.
	 * @return how many are answered now
	 */
	public int answerAgainFromNewContent() {
		int answered = 0;
		for (Questions.Unanswered unanswered : questions.unanswered(UNANSWERED_DAYS, UNANSWERED_LIMIT)) {
			AskedQuestion asked = unanswered.question();
			Audience audience = (unanswered.audienceTier() != null) ? new Audience(unanswered.audienceTier())
					: Audience.staff();
			Question question = new Question(asked.question(), audience, asked.partnerId(), asked.askedBy(),
					asked.conversationId());
			Boolean told = transactions.execute(status -> {
				Asked again = answer(question, asked.question());
				if (again.kind() != AnswerComposer.Kind.ANSWERED
						|| !questions.answeredByNewContent(asked.id(), again.answer().id())) {
					status.setRollbackOnly();
					return false;
				}
				events.publishEvent(new AskedQuestion.AnsweredByNewContent(asked, again.answer()));
				return true;
			});
			answered += Boolean.TRUE.equals(told) ? 1 : 0;
		}
		if (answered > 0) {
			log.info("New content answers {} question(s) the library could not answer before", answered);
		}
		return answered;
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
