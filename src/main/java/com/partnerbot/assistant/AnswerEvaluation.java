package com.partnerbot.assistant;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import com.partnerbot.knowledge.Audience;
import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.knowledge.Passage;

/**
 * Asks the labelled partner questions of a JSON-lines file and scores the answers:
 * whether the first citation is the expected document, whether the expected facts are in
 * the answer, whether unanswerable questions are abstained from (and answerable ones
 * not), whether a partner ever sees a document of a tier it is not, and whether a
 * prohibition is ever quoted without what makes it one. Needs no database and no Slack.
 *
 * <p>
 * A line: {@code {"id", "split": "tune"|"holdout", "category": "answerable"|
 * "paraphrase"|"prohibition"|"language"|"unanswerable"|"restricted"|"greeting",
 * "tier": "Silver"|null for staff, "question", "sources": [..], "facts": [..],
 * "forbidden": [..], "prohibition": {"lead", "item"}}}.
 */
public final class AnswerEvaluation {

	/**
	 * The figures the abstention bounds must leave on the answerable tune questions (the
	 * issue's targets): a wrong "I don't know" costs a partner more than a question
	 * answered from the nearest passage.
	 */
	static final double MIN_RIGHT_FIRST_CITATION = 0.90;

	static final double MIN_FACTS = 0.80;

	private final AnswerComposer composer;

	private final KnowledgeBase knowledge;

	AnswerEvaluation(KnowledgeBase knowledge, AnswerComposer composer) {
		this.knowledge = knowledge;
		this.composer = composer;
	}

	/** One labelled question. */
	record Labelled(String id, String split, String category, String tier, String question, List<String> sources,
			List<String> facts, List<String> forbidden, String prohibitionLead, String prohibitionItem) {

		boolean answerable() {
			return switch (category) {
				case "answerable", "paraphrase", "prohibition" -> true;
				default -> false;
			};
		}

		Audience audience() {
			return (tier == null) ? Audience.staff() : Audience.tier(tier);
		}

	}

	/** How one question went. */
	record Outcome(Labelled question, AnswerComposer.Composed answer, boolean rightFirstCitation, boolean factsPresent,
			boolean leak, boolean prohibitionBroken) {

		boolean abstained() {
			return answer.kind() != AnswerComposer.Kind.ANSWERED && answer.kind() != AnswerComposer.Kind.SMALL_TALK
					&& !(answer.kind() == AnswerComposer.Kind.OTHER_LANGUAGE && !answer.citations().isEmpty());
		}

		boolean correct() {
			return switch (question.category()) {
				case "unanswerable" -> abstained() && !leak;
				case "restricted" -> abstained() && !leak;
				case "greeting" -> answer.kind() == AnswerComposer.Kind.SMALL_TALK;
				case "language" -> !leak && (answer.kind() == AnswerComposer.Kind.OTHER_LANGUAGE
						|| (rightFirstCitation && factsPresent));
				default -> rightFirstCitation && factsPresent && !prohibitionBroken && !leak;
			};
		}

	}

	/** The figures of a run over some questions. */
	record Figures(int answerable, int rightFirstCitation, int factsPresent, int unanswerable, int abstained,
			int wrongAbstentions, int restricted, int restrictedWithheld, int leaks, int greetings, int smallTalk,
			int languages, int languagesHandled, int prohibitions, int prohibitionsBroken) {

		static Figures of(List<Outcome> outcomes) {
			List<Outcome> answerable = outcomes.stream().filter(o -> o.question().answerable()).toList();
			List<Outcome> unanswerable = only(outcomes, "unanswerable");
			List<Outcome> restricted = only(outcomes, "restricted");
			List<Outcome> greetings = only(outcomes, "greeting");
			List<Outcome> languages = only(outcomes, "language");
			List<Outcome> prohibitions = outcomes.stream().filter(o -> o.question().prohibitionItem() != null).toList();
			return new Figures(answerable.size(), count(answerable, Outcome::rightFirstCitation),
					count(answerable, Outcome::factsPresent), unanswerable.size(),
					count(unanswerable, Outcome::abstained), count(answerable, Outcome::abstained), restricted.size(),
					count(restricted, Outcome::correct), count(outcomes, Outcome::leak), greetings.size(),
					count(greetings, Outcome::correct), languages.size(), count(languages, Outcome::correct),
					prohibitions.size(), count(outcomes, Outcome::prohibitionBroken));
		}

		private static List<Outcome> only(List<Outcome> outcomes, String category) {
			return outcomes.stream().filter(o -> o.question().category().equals(category)).toList();
		}

		private static int count(List<Outcome> outcomes, Predicate<Outcome> test) {
			return (int) outcomes.stream().filter(test).count();
		}

		double rightFirstCitationRate() {
			return rate(rightFirstCitation, answerable);
		}

		double factsPresentRate() {
			return rate(factsPresent, answerable);
		}

		double abstainedRate() {
			return rate(abstained, unanswerable);
		}

		String line(String name) {
			return String.format(Locale.ROOT,
					"%s: right-first-citation=%.3f (%d/%d) facts-present=%.3f (%d/%d) correct-abstentions=%.3f (%d/%d) "
							+ "wrong-abstentions=%d tier-withheld=%d/%d leaks=%d small-talk=%d/%d other-language=%d/%d "
							+ "prohibitions-as-instructions=%d (of %d)",
					name, rightFirstCitationRate(), rightFirstCitation, answerable, factsPresentRate(), factsPresent,
					answerable, abstainedRate(), abstained, unanswerable, wrongAbstentions, restrictedWithheld,
					restricted, leaks, smallTalk, greetings, languagesHandled, languages, prohibitionsBroken,
					prohibitions);
		}

		private static double rate(int part, int whole) {
			return (whole == 0) ? 1 : (double) part / whole;
		}

	}

	static List<Labelled> read(Path file) throws IOException {
		List<Labelled> questions = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonObject json = JsonParser.parseString(line).getAsJsonObject();
			JsonObject prohibition = json.has("prohibition") ? json.getAsJsonObject("prohibition") : null;
			questions.add(new Labelled(json.get("id").getAsString(), string(json, "split", "tune"),
					json.get("category").getAsString(), string(json, "tier", null), json.get("question").getAsString(),
					strings(json, "sources"), strings(json, "facts"), strings(json, "forbidden"),
					(prohibition != null) ? prohibition.get("lead").getAsString() : null,
					(prohibition != null) ? prohibition.get("item").getAsString() : null));
		}
		return questions;
	}

	private static String string(JsonObject json, String key, String fallback) {
		JsonElement value = json.get(key);
		return (value == null || value.isJsonNull()) ? fallback : value.getAsString();
	}

	private static List<String> strings(JsonObject json, String key) {
		List<String> values = new ArrayList<>();
		if (json.get(key) instanceof JsonArray array) {
			array.forEach(value -> values.add(value.getAsString()));
		}
		return values;
	}

	Outcome ask(Labelled labelled) {
		Question question = new Question(labelled.question(), labelled.audience(), null, "eval",
				"eval:" + UUID.randomUUID());
		AnswerComposer.Composed answer = composer.compose(question, labelled.question());
		String text = answer.text().toLowerCase(Locale.ROOT);
		boolean right = !answer.citations().isEmpty()
				&& labelled.sources().contains(answer.citations().get(0).source());
		boolean facts = labelled.facts().stream().allMatch(fact -> text.contains(fact.toLowerCase(Locale.ROOT)));
		boolean leak = labelled.forbidden().stream().anyMatch(value -> text.contains(value.toLowerCase(Locale.ROOT)))
				|| answer.citations().stream().anyMatch(citation -> hidden(citation.source(), labelled));
		boolean broken = false;
		if (labelled.prohibitionItem() != null) {
			int item = text.indexOf(labelled.prohibitionItem().toLowerCase(Locale.ROOT));
			int lead = text.indexOf(labelled.prohibitionLead().toLowerCase(Locale.ROOT));
			broken = item >= 0 && (lead < 0 || lead > item);
		}
		return new Outcome(labelled, answer, right, facts, leak, broken);
	}

	private boolean hidden(String source, Labelled labelled) {
		if (labelled.tier() == null) {
			return false;
		}
		List<String> audience = knowledge.audienceOf(source);
		return !audience.isEmpty() && !audience.contains(labelled.tier().toLowerCase(Locale.ROOT));
	}

	/** Asks every question, printing failures when verbose, then the figures. */
	Map<String, Figures> run(List<Labelled> questions, PrintStream out, boolean verbose, boolean showAll) {
		List<Outcome> outcomes = questions.stream().map(this::ask).toList();
		if (verbose) {
			for (Outcome outcome : outcomes) {
				if (!outcome.correct() || showAll) {
					Labelled q = outcome.question();
					out.printf(
							(outcome.correct() ? "OK" : "MISS")
									+ " %s [%s, %s, %s] %s%n  expected %s %s%n  got %s %s%n  %s%n%n",
							q.id(), q.split(), q.category(), q.tier(), q.question(), q.sources(), q.facts(),
							outcome.answer().kind(),
							outcome.answer().citations().stream().map(Answer.Citation::source).toList(),
							outcome.answer().text().replace("\n", "\n  "));
				}
			}
		}
		Map<String, Figures> figures = new LinkedHashMap<>();
		for (String split : List.of("tune", "holdout")) {
			List<Outcome> part = outcomes.stream().filter(o -> o.question().split().equals(split)).toList();
			if (!part.isEmpty()) {
				figures.put(split, Figures.of(part));
			}
		}
		figures.put("all", Figures.of(outcomes));
		figures.forEach((name, f) -> out.println(f.line(name)));
		return figures;
	}

	/**
	 * The abstention bounds that abstain on most unanswerable tune questions while the
	 * answerable ones keep the figures aimed at: each answerable question is asked once
	 * with no bounds (is its first citation right, are its facts there?), and each
	 * combination of bounds is scored on what it would leave answered. Of the
	 * combinations that keep the targets, the one that abstains most wins; ties go to the
	 * higher similarity and coverage bounds: a question unlike any of the tune part
	 * ("When was Slack released?") is better abstained from, and one more right tune
	 * answer than the targets ask for is no reason to lower a bound for every question.
	 * The topicality bound is swept outside the others and set to the middle of the range
	 * that ties for the best (abstentions, then right first citations, then facts), so
	 * that it does not sit against the nearest tune question. Printed with the features
	 * when verbose.
	 */
	static AssistantProperties tune(List<Labelled> questions, KnowledgeBase knowledge, AssistantProperties defaults,
			PrintStream out, boolean verbose) {
		AnswerComposer unbounded = new AnswerComposer(knowledge, defaults.withBounds(0, 0, 0, OFF), null, null);
		AnswerEvaluation evaluation = new AnswerEvaluation(knowledge, unbounded);
		List<Features> features = new ArrayList<>();
		for (Labelled q : questions) {
			boolean tune = q.split().equals("tune");
			// held-out lines are only traced (when verbose), never tuned on
			if (!(tune || verbose) || !(q.answerable() || q.category().equals("unanswerable"))) {
				continue;
			}
			String query = unbounded.inLibraryWords(q.question(), false);
			List<Passage> found = unbounded.search(unbounded.inLibraryWords(q.question(), true), q.audience());
			List<String> unknown = unbounded.unknownWords(query);
			Outcome asked = evaluation.ask(q);
			Features f = new Features(q.answerable(), found.isEmpty() ? 0 : found.get(0).similarity(),
					unbounded.coverage(query, found), !unknown.isEmpty(),
					unbounded.unknownTopicality(query, unknown, found), asked.abstained(), asked.rightFirstCitation(),
					asked.factsPresent());
			if (tune) {
				features.add(f);
			}
			if (verbose) {
				out.printf(Locale.ROOT,
						"features %s %s answerable=%s similarity=%.3f coverage=%.3f unknown=%s topicality=%.3f refused=%s right=%s facts=%s %s%n",
						q.id(), q.split(), f.answerable(), f.similarity(), f.coverage(), unknown, f.topicality(),
						f.refused(), f.right(), f.facts(), query);
			}
		}
		int answerable = (int) features.stream().filter(Features::answerable).count();
		List<double[]> bounds = new ArrayList<>();
		List<int[]> scores = new ArrayList<>();
		for (int t = -TOPICALITY_STEPS; t <= TOPICALITY_STEPS + 1; t++) {
			// one step past the range: the topicality bound off
			double topicality = (t > TOPICALITY_STEPS) ? OFF : t * TOPICALITY_STEP;
			double[] best = { defaults.minSimilarity(), defaults.minCoverage(), defaults.minSimilarityUnknown(),
					topicality };
			int[] bestScore = { -1, -1, -1 };
			for (int s = 40; s <= 85; s++) {
				for (int c = 0; c <= 20; c++) {
					for (int u = s; u <= 90; u++) {
						int[] score = score(features, answerable, s / 100.0, c / 20.0, u / 100.0, topicality);
						// as many abstentions as the targets allow, then the higher
						// bounds: as cautious as the tune part allows (more right
						// first citations than the targets ask for do not lower a bound)
						if (score != null && score[0] >= bestScore[0]) {
							bestScore = score;
							best = new double[] { s / 100.0, c / 20.0, u / 100.0, topicality };
						}
					}
				}
			}
			bounds.add(best);
			scores.add(bestScore);
		}
		int[] top = scores.stream().max(Arrays::compare).orElseThrow();
		List<Integer> tied = new ArrayList<>();
		for (int i = 0; i < scores.size(); i++) {
			if (Arrays.equals(scores.get(i), top)) {
				tied.add(i);
			}
		}
		double[] chosen = bounds.get(tied.get(tied.size() / 2)).clone();
		if (tied.size() % 2 == 0 && chosen[3] != OFF) {
			// an even number of tied steps: the middle lies between the two central ones
			chosen[3] = (chosen[3] + bounds.get(tied.get(tied.size() / 2 - 1))[3]) / 2;
		}
		out.printf(Locale.ROOT,
				"tuned on %d questions (%d answerable, %d not): min-similarity=%.2f min-coverage=%.2f "
						+ "min-similarity-unknown=%.2f max-unknown-topicality=%.4f (%d abstained, %d right first "
						+ "citations, %d with the facts; topicality tied from %.3f to %.3f)%n",
				features.size(), answerable, features.size() - answerable, chosen[0], chosen[1], chosen[2], chosen[3],
				top[0], top[1], top[2], bounds.get(tied.get(0))[3], bounds.get(tied.get(tied.size() - 1))[3]);
		return defaults.withBounds(chosen[0], chosen[1], chosen[2], chosen[3]);
	}

	/** A bound that nothing reaches. */
	static final double OFF = 1;

	private static final int TOPICALITY_STEPS = 30;

	private static final double TOPICALITY_STEP = 0.005;

	/** What the tuner knows of a tune question asked with no bounds. */
	private record Features(boolean answerable, double similarity, double coverage, boolean unknown, double topicality,
			boolean refused, boolean right, boolean facts) {

		/**
		 * Whether these bounds leave it answered; a question the composer's rules refuse
		 * whatever the bounds (a name the library never uses, the asker's own person) is
		 * not.
		 */
		boolean answered(double similarity, double coverage, double similarityUnknown, double maxTopicality) {
			return !refused && this.similarity >= similarity && this.coverage >= coverage
					&& (!unknown || (this.similarity >= similarityUnknown && topicality < maxTopicality));
		}

	}

	/**
	 * Abstained unanswerable questions, right first citations and answers with their
	 * facts under these bounds; null when the answerable ones fall short of the targets.
	 */
	private static int[] score(List<Features> features, int answerable, double similarity, double coverage,
			double similarityUnknown, double topicality) {
		int right = 0;
		int facts = 0;
		int abstained = 0;
		for (Features f : features) {
			boolean answers = f.answered(similarity, coverage, similarityUnknown, topicality);
			right += (answers && f.answerable() && f.right()) ? 1 : 0;
			facts += (answers && f.answerable() && f.facts()) ? 1 : 0;
			abstained += (!answers && !f.answerable()) ? 1 : 0;
		}
		if (right < MIN_RIGHT_FIRST_CITATION * answerable || facts < MIN_FACTS * answerable) {
			return null;
		}
		return new int[] { abstained, right, facts };
	}

}
