package com.partnerbot.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.knowledge.Audience;
import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.knowledge.Passage;
import com.partnerbot.knowledge.Terms;

/**
 * Turns a question into an answer from the passages its asker may see, with no storage:
 * {@link Answering} keeps what was asked, the answer evaluation runs this alone.
 */
final class AnswerComposer {

	private static final String TO_A_MANAGER = "A channel manager can answer it for you.";

	static final String DONT_KNOW = "I don't know: I couldn't find this in the enablement library, and I'd rather not guess. "
			+ TO_A_MANAGER;

	static final String DONT_KNOW_ABOUT = "I don't know: I couldn't find anything about %s in the enablement library, "
			+ "and I'd rather not guess. " + TO_A_MANAGER;

	/** What staff, who are the channel managers, hear instead of being sent to one. */
	private static final String FOR_STAFF = "Nothing in the library covers it yet: if partners will ask it, add it to the library.";

	static final String GREETING = "Hi! I answer questions about the partner program from the enablement library: "
			+ "tiers and discounts, deal registration, MDF, training, products and support. What would you like to know?";

	static final String THANKS = "You're welcome! Ask me anytime.";

	static final String ENGLISH_ONLY = "I search the enablement library in English, so I can't answer reliably in %s.";

	private static final Logger log = LoggerFactory.getLogger(AnswerComposer.class);

	private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,2})]");

	private static final Pattern NUMBER = Pattern.compile("\\d[\\d,.]*");

	private static final Pattern OWN = Pattern.compile("(?i)\\b(we|our|us|i|my|me)\\b");

	private static final int OWN_WORDS = 6;

	// how far down the ranking a question about whom to ask looks for an address, and
	// how many such passages (or sections a question names) it adds
	private static final int FURTHER_DEPTH = 20;

	private static final int MAX_FURTHER = 3;

	// the words that shape a question rather than say what it is about: a passage need
	// not hold "how" or "does" to answer it
	static final Set<String> QUESTION_WORDS = Set.of("how", "what", "when", "where", "who", "whom", "whose", "which",
			"why", "doe", "did", "have", "ha", "long", "mani", "much", "quickli", "fast", "soon", "anyon", "happen");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

	// words of talk, not of a topic: never named as what the library lacks ("I couldn't
	// find anything about “else”")
	private static final Set<String> FILLER = Terms.of("else anything something thanks thank please hey hi hello "
			+ "just actually really okay ok btw guys folks quick question hmm also anyway");

	// "who is my channel manager?", "who are our certified engineers?": a person of the
	// asker's own, which the library, the same for every partner, cannot name
	private static final Pattern WHO_OF_OURS = Pattern.compile("(?i)\\bwho(?:'s|’s|\\s+is|\\s+are)\\s+(?:my|our)\\b");

	static final String NOT_IN_THE_LIBRARY_OURS = "The enablement library is the same for every partner, so it can't tell "
			+ "who yours is. ";

	private static final Pattern CLAIM_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

	/** What kind of reply an answer is, for the evaluation and the logs. */
	enum Kind {

		ANSWERED, DONT_KNOW, SMALL_TALK, RESTRICTED, OTHER_LANGUAGE,

		/**
		 * About the asker's own record ("who is my channel manager?"), not the library.
		 */
		OWN_RECORD

	}

	/** An answer before it is stored. */
	record Composed(String text, List<Answer.Citation> citations, boolean grounded, Kind kind, double similarity) {

		static Composed of(String text, Kind kind) {
			return new Composed(text, List.of(), false, kind, 0);
		}

	}

	private final KnowledgeBase knowledge;

	private final AssistantProperties properties;

	private final GroundedAnswerer model;

	private final QuestionTranslator translator;

	/**
	 * @param model the LLM, or null to answer by quoting
	 * @param translator turns a question into English for the search, or null
	 */
	AnswerComposer(KnowledgeBase knowledge, AssistantProperties properties, GroundedAnswerer model,
			QuestionTranslator translator) {
		this.knowledge = knowledge;
		this.properties = properties;
		this.model = model;
		this.translator = translator;
	}

	/**
	 * The vendor's own people are channel managers: a "don't know" does not send them to
	 * one.
	 */
	static Composed forAudience(Composed composed, Audience audience) {
		if (!audience.isStaff() || (composed.kind() != Kind.DONT_KNOW && composed.kind() != Kind.OWN_RECORD)) {
			return composed;
		}
		return new Composed(composed.text().replace(TO_A_MANAGER, FOR_STAFF), composed.citations(), composed.grounded(),
				composed.kind(), composed.similarity());
	}

	/**
	 * @param query what to search for: the question, or with a follow-up the previous
	 * question too
	 */
	Composed compose(Question question, String query) {
		Conversation.SmallTalk talk = Conversation.smallTalk(question.text());
		if (talk != null) {
			return new Composed((talk == Conversation.SmallTalk.GREETING) ? GREETING : THANKS, List.of(), true,
					Kind.SMALL_TALK, 0);
		}
		if (WHO_OF_OURS.matcher(question.text()).find()) {
			// the documents about the role are not the person: no quote would answer it
			return new Composed(NOT_IN_THE_LIBRARY_OURS + TO_A_MANAGER, List.of(), false, Kind.OWN_RECORD, 0);
		}
		query = Conversation.withoutSalutation(query);
		String language = Conversation.foreignLanguage(question.text());
		if (language != null && model != null && translator != null) {
			query = english(query);
		}
		String asked = query;
		query = inLibraryWords(asked, false);
		List<Passage> passages = search(inLibraryWords(asked, true), question.audience());
		double similarity = passages.isEmpty() ? 0 : passages.get(0).similarity();
		boolean answerable = answerable(query, passages);
		if (!answerable) {
			List<String> tiers = restricted(query, question.audience(), similarity);
			if (!tiers.isEmpty()) {
				return new Composed(restrictedNotice(tiers), List.of(), false, Kind.RESTRICTED, similarity);
			}
			if (language != null && model == null) {
				Composed found = foundByEnglishWords(query, question.audience(), language);
				return (found != null) ? found
						: new Composed(
								String.format(ENGLISH_ONLY, language)
										+ " Could you ask in English? A channel manager can also help.",
								List.of(), false, Kind.OTHER_LANGUAGE, similarity);
			}
			return new Composed(dontKnow(query), List.of(), false, Kind.DONT_KNOW, similarity);
		}
		List<String> tiers = restricted(query, question.audience(), similarity);
		if (!tiers.isEmpty() && namesOtherTier(query, question.audience())) {
			return new Composed(restrictedNotice(tiers), List.of(), false, Kind.RESTRICTED, similarity);
		}
		if (model != null) {
			Composed generated = generated(question, passages, similarity);
			if (generated != null) {
				return generated;
			}
		}
		String words = inLibraryWords(asked, true);
		Composed quoted = extractive(words, question.audience(),
				withNamedSections(words, question.audience(), withAddresses(words, question.audience(), passages)),
				similarity);
		if (language != null && model == null && quoted.kind() == Kind.ANSWERED) {
			return inEnglish(language, quoted);
		}
		return quoted;
	}

	private static Composed inEnglish(String language, Composed quoted) {
		return new Composed(
				String.format(ENGLISH_ONLY, language) + " This is what I found that matches:\n\n" + quoted.text(),
				quoted.citations(), true, Kind.OTHER_LANGUAGE, quoted.similarity());
	}

	/**
	 * Without an LLM, a question in another language searched by the words of it the
	 * library uses ("MDF", "Silver" in "Wie viel MDF bekommen wir als Silver-Partner?"):
	 * quoted when at least two of them say what it is about and they pass the same bounds
	 * as any question; null otherwise.
	 */
	private Composed foundByEnglishWords(String query, Audience audience, String language) {
		List<String> known = new ArrayList<>();
		Matcher word = WORD.matcher(query);
		while (word.find()) {
			if (!Terms.of(word.group()).isEmpty() && knowledge.unknownTerms(word.group()).isEmpty()) {
				known.add(word.group());
			}
		}
		String english = String.join(" ", known);
		if (ExtractiveAnswerer.asked(english).size() < 2) {
			return null;
		}
		List<Passage> passages = search(english, audience);
		if (!answerable(english, passages)) {
			return null;
		}
		Composed quoted = extractive(english, audience, passages, passages.get(0).similarity());
		return (quoted.kind() == Kind.ANSWERED) ? inEnglish(language, quoted) : null;
	}

	/**
	 * The question in the library's own words: each of the library's aliases in it ("deal
	 * reg") replaced by the term the library uses ("deal registration"), the longest
	 * alias first; or, to search, followed by it ("deal reg (deal registration)"), since
	 * a passage may use the partner's word too ("Is there a free trial?").
	 */
	String inLibraryWords(String query, boolean keepAlias) {
		String words = query;
		List<Map.Entry<String, String>> aliases = new ArrayList<>(knowledge.aliases().entrySet());
		aliases.sort(Map.Entry.<String, String>comparingByKey(Comparator.comparingInt(String::length)).reversed());
		for (Map.Entry<String, String> alias : aliases) {
			if (words.toLowerCase(Locale.ROOT).contains(alias.getKey())) {
				words = Pattern
					.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(alias.getKey()) + "(?![\\p{L}\\p{N}(])")
					.matcher(words)
					.replaceAll(found -> Matcher.quoteReplacement(
							keepAlias ? found.group() + " (" + alias.getValue() + ")" : alias.getValue()));
			}
		}
		return words;
	}

	/**
	 * The passages the audience may see, best first. A short question about "we" ("what
	 * discount do we get") is about the asker's own tier, so the tier is searched too.
	 */
	List<Passage> search(String query, Audience audience) {
		return knowledge.search(ownTier(query, audience), audience, properties.passages());
	}

	private static String ownTier(String query, Audience audience) {
		if (!audience.isStaff() && !Audience.everyone().equals(audience) && OWN.matcher(query).find()
				&& query.strip().split("\\s+").length <= OWN_WORDS) {
			return query + " (" + audience.tier() + " partner)";
		}
		return query;
	}

	/**
	 * For a question about whom to ask ("who do I contact about a deal registration?"),
	 * the passages found and, after them, the next ones down the ranking that name an
	 * address: a contact list matches the question's topic less than every passage about
	 * the topic does, so it is rarely among the first few. Otherwise the passages found.
	 */
	private List<Passage> withAddresses(String query, Audience audience, List<Passage> passages) {
		if (!ExtractiveAnswerer.WHOM.matcher(query).find()) {
			return passages;
		}
		List<Passage> pool = new ArrayList<>(passages);
		List<Passage> further = knowledge.search(ownTier(query, audience), audience, FURTHER_DEPTH);
		further.stream()
			.filter(p -> pool.stream().noneMatch(q -> q.id().equals(p.id())))
			.filter(p -> ExtractiveAnswerer.ADDRESS.matcher(p.text()).find())
			.limit(MAX_FURTHER)
			.forEach(pool::add);
		return pool;
	}

	/**
	 * For a question that names a section by its headings ("the first 30 days" in "Your
	 * first 30, 60 and 90 days"), the passages found and, after them, the sections of the
	 * same documents whose own headings name more of it than any found ("Days 1-30"): a
	 * checklist rarely repeats its heading's words, so search ranks it low. Otherwise the
	 * passages found.
	 */
	private List<Passage> withNamedSections(String query, Audience audience, List<Passage> passages) {
		Set<String> topic = ExtractiveAnswerer.topic(query);
		double named = passages.stream()
			.filter(p -> ExtractiveAnswerer.namesTheSection(topic, p))
			.mapToDouble(p -> ExtractiveAnswerer.sectionMatch(topic, p))
			.max()
			.orElse(-1);
		if (named < 0 || named == 1.0) {
			return passages;
		}
		List<Passage> pool = new ArrayList<>(passages);
		passages.stream()
			.filter(p -> ExtractiveAnswerer.namesTheSection(topic, p))
			.map(Passage::source)
			.distinct()
			.flatMap(source -> knowledge.sections(source, audience).stream())
			.filter(p -> pool.stream().noneMatch(q -> q.id().equals(p.id())))
			.filter(p -> ExtractiveAnswerer.namesTheSection(topic, p)
					&& ExtractiveAnswerer.sectionMatch(topic, p) > named)
			.sorted(Comparator.comparingDouble((Passage p) -> ExtractiveAnswerer.sectionMatch(topic, p)).reversed())
			.limit(MAX_FURTHER)
			.forEach(pool::add);
		return pool;
	}

	/**
	 * Whether the library holds an answer: the best passage close enough in meaning, and
	 * enough of the question's own words found in the best passages (a question about
	 * bringing a dog to the conference matches the conference, not the dog). Both bounds
	 * are set on the labelled questions of {@code eval answers}.
	 */
	boolean answerable(String query, List<Passage> passages) {
		if (passages.isEmpty()) {
			return false;
		}
		List<String> unknown = unknownWords(query);
		// a section headed with every word the question asks about ("Your first 30, 60
		// and 90 days > Days 1-30" for "what happens in the first 30 days?") answers it,
		// however little its checklist's wording resembles the question's
		boolean named = unknown.isEmpty() && passages.subList(0, Math.min(3, passages.size()))
			.stream()
			.anyMatch(p -> ExtractiveAnswerer.namesTheSection(ExtractiveAnswerer.topic(query), p));
		if (passages.get(0).similarity() < properties.minSimilarity() && !named) {
			return false;
		}
		if (!unknown.isEmpty() && (passages.get(0).similarity() < properties.minSimilarityUnknown()
				|| unknownTopicality(query, unknown, passages) >= properties.maxUnknownTopicality())) {
			return false;
		}
		return coverage(query, passages) >= properties.minCoverage();
	}

	/**
	 * How much more the question is about a word the library never uses than about any
	 * word its best passages hold: for each word, the cosine of its embedding and the
	 * question's, the best unknown word's less the best found word's. Positive for "Can
	 * we pay our Northwind invoices in Bitcoin?" (about Bitcoin, not invoices); negative
	 * for "we failed the CSP exam, when can we try again?" (about the exam, not trying).
	 * Without an unknown word, negative infinity.
	 */
	double unknownTopicality(String query, List<String> unknown, List<Passage> passages) {
		if (unknown.isEmpty()) {
			return Double.NEGATIVE_INFINITY;
		}
		Set<String> found = new HashSet<>();
		for (Passage passage : passages.subList(0, Math.min(3, passages.size()))) {
			found.addAll(Terms.of(passage.location() + "\n" + passage.text()));
		}
		List<String> held = new ArrayList<>();
		Matcher word = WORD.matcher(query);
		while (word.find()) {
			Set<String> terms = Terms.of(word.group());
			terms.removeAll(QUESTION_WORDS);
			terms.removeAll(ExtractiveAnswerer.DOMAIN);
			if (!terms.isEmpty() && terms.stream().anyMatch(found::contains) && !held.contains(word.group())) {
				held.add(word.group());
			}
		}
		List<String> texts = new ArrayList<>();
		texts.add(query);
		texts.addAll(unknown);
		texts.addAll(held);
		List<float[]> vectors = knowledge.embedDocuments(texts);
		double bestUnknown = Double.NEGATIVE_INFINITY;
		double bestHeld = 0;
		for (int i = 1; i < vectors.size(); i++) {
			double cosine = dot(vectors.get(0), vectors.get(i));
			if (i <= unknown.size()) {
				bestUnknown = Math.max(bestUnknown, cosine);
			}
			else {
				bestHeld = Math.max(bestHeld, cosine);
			}
		}
		return bestUnknown - bestHeld;
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	/**
	 * The words of the question, as asked, that the library never uses (question words,
	 * contractions and abbreviations of its words aside): what a partner asks about that
	 * no document mentions.
	 */
	List<String> unknownWords(String query) {
		Set<String> unknown = knowledge.unknownTerms(query);
		unknown.removeAll(QUESTION_WORDS);
		unknown.removeAll(ExtractiveAnswerer.DOMAIN);
		unknown.removeAll(FILLER);
		unknown.removeIf(term -> term.indexOf('\'') >= 0 || term.indexOf('’') >= 0);
		// an abbreviation of a word the library uses ("cert") is that word
		unknown.removeIf(knowledge::beginsAKnownTerm);
		List<String> words = new ArrayList<>();
		Matcher word = WORD.matcher(query);
		while (word.find() && !unknown.isEmpty()) {
			// a word of several terms ("DR-1001") is named once
			if (unknown.removeAll(Terms.of(word.group()))) {
				words.add(word.group());
			}
		}
		return words;
	}

	/**
	 * The share of the question's terms, weighted by how telling each is in the library,
	 * that the best passages hold: a term the library never uses ("dog", "Bitcoin")
	 * weighs most, so a question about it is not answered from passages that only share
	 * its common words.
	 */
	double coverage(String query, List<Passage> passages) {
		Map<String, Double> weights = knowledge.termWeights(query);
		weights.keySet().removeAll(ExtractiveAnswerer.DOMAIN);
		double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
		if (total == 0) {
			return 1;
		}
		Set<String> found = new HashSet<>();
		for (Passage passage : passages.subList(0, Math.min(3, passages.size()))) {
			found.addAll(Terms.of(passage.location() + "\n" + passage.text()));
		}
		double covered = 0;
		for (Map.Entry<String, Double> weight : weights.entrySet()) {
			covered += found.contains(weight.getKey()) ? weight.getValue() : 0;
		}
		return covered / total;
	}

	private List<String> restricted(String query, Audience audience, double similarity) {
		return knowledge.restrictedTiers(query, audience, similarity);
	}

	/**
	 * Whether the question names a tier other than the asker's ("the Gold price list").
	 */
	private static boolean namesOtherTier(String query, Audience audience) {
		Set<String> words = Terms.of(query);
		for (String tier : List.of("registered", "silver", "gold", "platinum")) {
			if (!tier.equals(audience.tier()) && words.contains(Terms.of(tier).stream().findFirst().orElse(tier))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * "I don't know", naming what the library never mentions when the question holds it,
	 * so the partner sees why (and can say it differently).
	 */
	private String dontKnow(String query) {
		List<String> unknown = unknownWords(query);
		if (unknown.isEmpty()) {
			return DONT_KNOW;
		}
		List<String> quoted = unknown.stream().limit(3).map(w -> "“" + w + "”").toList();
		return String.format(DONT_KNOW_ABOUT, String.join(" or ", quoted));
	}

	static String restrictedNotice(List<String> tiers) {
		List<String> names = tiers.stream()
			.map(t -> t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1))
			.toList();
		String joined = (names.size() == 1) ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
		return "That information is for " + joined + " partners only, so I can't share it here. "
				+ "Your channel manager can tell you what applies to you.";
	}

	Composed extractive(String query, Audience audience, List<Passage> passages, double similarity) {
		ExtractiveAnswerer.Composed composed = ExtractiveAnswerer.compose(query, audience.tier(), passages);
		if (composed.text().isBlank()) {
			return new Composed(DONT_KNOW, List.of(), false, Kind.DONT_KNOW, similarity);
		}
		// quotes that share the question's words but hold no answer of the kind it asks
		// for ("how many employees" over the tier table's certified engineers) do not
		// answer it
		ExpectedAnswer expected = ExpectedAnswer.of(query);
		if (expected != null && composed.quoted().stream().noneMatch(expected::heldBy)) {
			return new Composed(dontKnow(query), List.of(), false, Kind.DONT_KNOW, similarity);
		}
		List<Answer.Citation> citations = composed.passages().stream().map(p -> citation(passages.get(p))).toList();
		return new Composed(composed.text(), citations, true, Kind.ANSWERED, similarity);
	}

	/**
	 * The LLM's answer, with every statement checked: a sentence without a marker that
	 * names a passage it was given, or with a number its passages do not hold, is
	 * dropped; when nothing cited is left the answer falls back to quotes. Null when the
	 * model failed.
	 */
	private Composed generated(Question question, List<Passage> passages, double similarity) {
		String reply;
		try {
			reply = model.answer(memoryId(question), question.text(), numbered(passages));
		}
		catch (RuntimeException ex) {
			log.warn("The LLM failed ({}); answering extractively", ex.toString());
			return null;
		}
		if (reply == null || reply.isBlank() || reply.contains(GroundedAnswerer.NOT_IN_SOURCES)) {
			return new Composed(DONT_KNOW, List.of(), false, Kind.DONT_KNOW, similarity);
		}
		Map<Integer, Integer> renumbered = new LinkedHashMap<>();
		List<String> kept = new ArrayList<>();
		int dropped = 0;
		for (String paragraph : reply.strip().split("\\n")) {
			List<String> sentences = new ArrayList<>();
			for (String claim : CLAIM_END.split(paragraph)) {
				if (claim.isBlank()) {
					continue;
				}
				String checked = checked(claim.strip(), passages, renumbered);
				if (checked == null) {
					dropped++;
				}
				else {
					sentences.add(checked);
				}
			}
			if (!sentences.isEmpty()) {
				kept.add(String.join(" ", sentences));
			}
		}
		if (renumbered.isEmpty()) {
			log.info("The LLM's answer cited nothing it was given; answering with quotes instead");
			return null;
		}
		if (dropped > 0) {
			log.info("Dropped {} uncited statement(s) from the LLM's answer", dropped);
		}
		List<Answer.Citation> citations = renumbered.keySet().stream().map(p -> citation(passages.get(p - 1))).toList();
		return new Composed(String.join("\n", kept), citations, true, Kind.ANSWERED, similarity);
	}

	/**
	 * The statement with its markers renumbered, or null when it cites no passage it was
	 * given or states a number none of its passages holds. A lead-in that ends with a
	 * colon and states nothing ("Here is what applies:") needs no citation.
	 */
	private static String checked(String claim, List<Passage> passages, Map<Integer, Integer> renumbered) {
		Matcher markers = MARKER.matcher(claim);
		List<Integer> cited = new ArrayList<>();
		while (markers.find()) {
			int passage = Integer.parseInt(markers.group(1));
			if (passage >= 1 && passage <= passages.size()) {
				cited.add(passage);
			}
		}
		if (cited.isEmpty()) {
			return (claim.endsWith(":") && !NUMBER.matcher(claim).find()) ? claim : null;
		}
		StringBuilder sources = new StringBuilder();
		cited.forEach(p -> sources.append(passages.get(p - 1).text()).append('\n'));
		Matcher numbers = NUMBER.matcher(MARKER.matcher(claim).replaceAll(""));
		while (numbers.find()) {
			String number = numbers.group().replaceAll("[.,]+$", "");
			if (!sources.toString().contains(number)) {
				return null;
			}
		}
		Matcher renumber = MARKER.matcher(claim);
		StringBuilder text = new StringBuilder();
		while (renumber.find()) {
			int passage = Integer.parseInt(renumber.group(1));
			String replacement = "";
			if (passage >= 1 && passage <= passages.size()) {
				replacement = "[" + renumbered.computeIfAbsent(passage, k -> renumbered.size() + 1) + "]";
			}
			renumber.appendReplacement(text, Matcher.quoteReplacement(replacement));
		}
		renumber.appendTail(text);
		return text.toString().strip();
	}

	/**
	 * Each passage numbered, with its heading path and source, its text as indexed (a
	 * list keeps its lead-in, a table its header).
	 */
	static String numbered(List<Passage> passages) {
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
		return numbered.toString().strip();
	}

	private String english(String query) {
		try {
			String translated = translator.english(query);
			return (translated == null || translated.isBlank()) ? query : translated.strip();
		}
		catch (RuntimeException ex) {
			log.warn("Translating the question failed ({}); searching with it as asked", ex.toString());
			return query;
		}
	}

	static Answer.Citation citation(Passage passage) {
		return new Answer.Citation(passage.title(), passage.source(), String.join(" > ", passage.headings()));
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

}
