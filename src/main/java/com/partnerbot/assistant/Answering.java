package com.partnerbot.assistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.knowledge.Passage;
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

	static final String DONT_KNOW = "I don't know: I couldn't find this in the enablement library, and I'd rather not guess. "
			+ "A channel manager can answer it for you.";

	private static final Logger log = LoggerFactory.getLogger(Answering.class);

	private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,2})]");

	private static final int FOLLOW_UP_WORDS = 10;

	private static final Pattern FOLLOW_UP = Pattern.compile(
			"^(and|or|but|also|what about|how about|for|same)\\b|\\b(it|its|that|this|those|these|they|them|their|there|one)\\b",
			Pattern.CASE_INSENSITIVE);

	private final KnowledgeBase knowledge;

	private final Questions questions;

	private final AssistantProperties properties;

	private final ObjectProvider<GroundedAnswerer> llm;

	Answering(KnowledgeBase knowledge, Questions questions, AssistantProperties properties,
			ObjectProvider<GroundedAnswerer> llm) {
		this.knowledge = knowledge;
		this.questions = questions;
		this.properties = properties;
		this.llm = llm;
	}

	public Answer answer(Question question) {
		List<Passage> passages = knowledge.search(retrievalQuery(question), question.audience(), properties.passages());
		List<Passage> grounding = passages.stream().filter(knowledge::isGrounding).toList();
		UUID id = UUID.randomUUID();
		Answer answer;
		if (grounding.isEmpty()) {
			answer = new Answer(id, DONT_KNOW, List.of(), false);
		}
		else {
			GroundedAnswerer model = llm.getIfAvailable();
			answer = (model != null) ? generated(id, model, question, grounding) : extractive(id, question, grounding);
		}
		questions.save(id, question, answer);
		log.info("Answered a question (grounded={}, {} citations, best similarity {})", answer.grounded(),
				answer.citations().size(),
				passages.isEmpty() ? "-" : String.format("%.2f", passages.get(0).similarity()));
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
	 * The model's memory of a conversation belongs to one partner (or the staff) and one
	 * audience: a thread where another partner, or the same person with a narrower
	 * audience, asks next starts afresh instead of carrying content across.
	 */
	static String memoryId(Question question) {
		return question.conversationId() + "|" + ((question.partnerId() != null) ? question.partnerId() : "staff") + "|"
				+ (question.audience().isStaff() ? "staff" : String.valueOf(question.audience().tier()));
	}

	private Answer generated(UUID id, GroundedAnswerer model, Question question, List<Passage> passages) {
		StringBuilder numbered = new StringBuilder();
		for (int i = 0; i < passages.size(); i++) {
			Passage p = passages.get(i);
			numbered.append('[')
				.append(i + 1)
				.append("] ")
				.append(p.location())
				.append(" (")
				.append(p.source())
				.append(")\n");
			numbered.append(p.text().strip()).append("\n\n");
		}
		String reply;
		try {
			reply = model.answer(memoryId(question), question.text(), numbered.toString().strip());
		}
		catch (RuntimeException ex) {
			log.warn("The LLM failed ({}); answering extractively", ex.toString());
			return extractive(id, question, passages);
		}
		if (reply == null || reply.isBlank() || reply.contains(GroundedAnswerer.NOT_IN_SOURCES)) {
			return new Answer(id, DONT_KNOW, List.of(), false);
		}
		// keep the model's markers only where they name a passage it was given,
		// renumbered in order
		Map<Integer, Integer> renumbered = new LinkedHashMap<>();
		Matcher markers = MARKER.matcher(reply);
		StringBuilder text = new StringBuilder();
		while (markers.find()) {
			int passage = Integer.parseInt(markers.group(1));
			String replacement = "";
			if (passage >= 1 && passage <= passages.size()) {
				int number = renumbered.computeIfAbsent(passage, k -> renumbered.size() + 1);
				replacement = "[" + number + "]";
			}
			markers.appendReplacement(text, Matcher.quoteReplacement(replacement));
		}
		markers.appendTail(text);
		if (renumbered.isEmpty()) {
			renumbered.put(1, 1);
		}
		List<Answer.Citation> citations = renumbered.keySet().stream().map(p -> citation(passages.get(p - 1))).toList();
		return new Answer(id, text.toString().strip(), citations, true);
	}

	private Answer extractive(UUID id, Question question, List<Passage> passages) {
		List<ExtractiveAnswerer.Quote> quotes = ExtractiveAnswerer.quotes(question.text(), passages, 3);
		Map<Integer, Integer> numbers = new LinkedHashMap<>();
		List<String> lines = new ArrayList<>();
		lines.add("Here is what the enablement library says:");
		for (ExtractiveAnswerer.Quote quote : quotes) {
			int number = numbers.computeIfAbsent(quote.passage(), k -> numbers.size() + 1);
			lines.add("> " + quote.sentence() + " [" + number + "]");
		}
		List<Answer.Citation> citations = numbers.keySet().stream().map(p -> citation(passages.get(p - 1))).toList();
		return new Answer(id, String.join("\n", lines), citations, true);
	}

	private static Answer.Citation citation(Passage passage) {
		return new Answer.Citation(passage.title(), passage.source(), String.join(" > ", passage.headings()));
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
