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

import com.partnerbot.knowledge.Passage;
import com.partnerbot.knowledge.Terms;

/**
 * Without an LLM: quotes the library's own units, never loose pieces of them. A unit is a
 * paragraph, a list together with the sentence that introduces it (so an item of "You may
 * not:" is never quoted as if it were an instruction), or a table as the rows that match
 * with their column names. When one sentence answers the question it leads; for a partner
 * whose tier has its own row or column in a table, that row leads ("As a Silver partner:
 * ..."). Each quote carries its heading path and its citation marker. It cannot misstate
 * what it quotes.
 */
final class ExtractiveAnswerer {

	static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)(?:[-*•]|\\d+[.)])\\s+");

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"(*$])");

	// a glossary entry's other words for its term are for the search, not for quoting
	private static final Pattern ALSO_CALLED = Pattern.compile("(?im)^[\\s>*_-]*also called:.*$");

	private static final Pattern DIGIT = Pattern.compile("\\d");

	// a question about how to get or do something asks for steps, not a definition
	private static final Pattern PROCEDURE = Pattern
		.compile("(?i)\\bhow (?:do|can|does|should|would) (?:i|we|you|one|our \\w+|a partner|partners)\\b");

	// a sentence about the document itself ("This document is the reference for ...",
	// "This guide walks you through ...") says where the answer is, never what it is
	private static final Pattern ABOUT_THE_DOCUMENT = Pattern.compile(
			"(?i)^(?:this|the present|the following) (?:document|page|guide|faq|sheet|section|article|playbook|policy|checklist)\\b");

	// a question about whom to ask is answered by an address, not by the procedure
	static final Pattern WHOM = Pattern.compile("(?i)\\b(?:who|whom|contact|email|reach)\\b");

	static final Pattern ADDRESS = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

	// a table keyed by tier answers what the asker's own tier gets
	private static final double OWN_TIER = 0.3;

	// words every document shares: they say nothing about which passage answers
	static final Set<String> DOMAIN = Set.of("northwind", "cloud", "partner", "program", "get", "can", "do", "our",
			"we", "us", "i", "my", "much", "mani");

	private static final int MAX_UNITS = 3;

	private static final List<String> TIERS = List.of("registered", "silver", "gold", "platinum");

	// a sentence leads the answer only when it holds this share of the question's terms
	private static final double DIRECT = 0.5;

	private static final int MAX_ROWS = 10;

	// another unit is quoted only when it answers nearly as well as the best one
	private static final double SUPPORT = 0.75;

	private static final int MAX_ITEMS = 12;

	// an FAQ entry answers when this share of its question's terms is in the one asked,
	private static final double FAQ_HEADING = 0.6;

	// and this share of the asked terms is in its heading path
	private static final double FAQ_PATH = 0.75;

	private ExtractiveAnswerer() {
	}

	/**
	 * The composed answer, which passages (0-based) its markers [1], [2], ... name, and
	 * what it quotes: each quoted unit as the partner reads it, under its heading path.
	 */
	record Composed(String text, List<Integer> passages, List<String> quoted) {
	}

	/** A block of a passage: a paragraph, a list with its lead-in, or a table. */
	sealed interface Unit permits Prose, Listing, Table {

		int passage();

		int block();

	}

	record Prose(int passage, int block, List<String> sentences) implements Unit {
	}

	record Listing(int passage, int block, String lead, List<String> items) implements Unit {
	}

	record Table(int passage, int block, String lead, List<String> header, List<List<String>> rows) implements Unit {
	}

	/** A unit with how well it answers, and the sentence in it that answers best. */
	private record Candidate(Unit unit, double score, String sentence) {
	}

	/** The question's content terms, without the words every document shares. */
	static Set<String> asked(String question) {
		Set<String> terms = new HashSet<>(Terms.of(question));
		terms.removeAll(DOMAIN);
		return terms;
	}

	/**
	 * @param asker the asker's tier, lower case; null for staff
	 */
	static Composed compose(String question, String asker, List<Passage> passages) {
		Set<String> asked = asked(question);
		// a question about another tier ("the Platinum requirements") is not about the
		// asker's row
		String tier = (asker != null && namesOtherTier(asked, asker)) ? null : asker;
		boolean whom = WHOM.matcher(question).find();
		boolean procedure = PROCEDURE.matcher(question).find();
		List<Candidate> candidates = new ArrayList<>();
		for (int p = 0; p < passages.size(); p++) {
			Passage passage = passages.get(p);
			// the better the retrieval rank and the closer the heading path, the likelier
			// the passage answers; a definition headed with the term asked about says
			// what it is, not how to get it
			double heading = (procedure && definition(passage)) ? 0 : match(asked, passage.location());
			double prior = 0.3 * (1.0 - (double) p / passages.size()) + 0.5 * heading;
			for (Unit unit : units(passage.text(), p)) {
				Candidate candidate = candidate(unit, asked, prior, tier, passage.location());
				if (whom && ADDRESS.matcher(text(unit)).find()) {
					candidate = new Candidate(unit, candidate.score() + 0.3, candidate.sentence());
				}
				candidates.add(candidate);
			}
		}
		if (candidates.isEmpty()) {
			return new Composed("", List.of(), List.of());
		}
		candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
		// an FAQ entry whose question is nearly the one asked answers it: its answer
		// leads, whatever else scored higher
		Candidate faq = faqEntry(asked, passages, candidates);
		Candidate entry = (faq != null) ? faq : namedSection(topic(question), procedure, passages, candidates);
		if (entry != null) {
			candidates.remove(entry);
			candidates.add(0, entry);
		}
		if (faq == null && entry != null) {
			// the section the question names is the answer: its blocks in order
			int section = entry.unit().passage();
			List<Candidate> blocks = candidates.stream()
				.filter(c -> c.unit().passage() == section)
				.sorted(Comparator.comparingInt(c -> c.unit().block()))
				.limit(MAX_UNITS)
				.toList();
			return render(blocks, asked, tier, passages, true, false);
		}
		Candidate best = candidates.get(0);
		double top = candidates.stream().mapToDouble(Candidate::score).max().orElse(0);
		List<Candidate> chosen = new ArrayList<>();
		chosen.add(best);
		Map<Integer, Integer> perPassage = new LinkedHashMap<>();
		perPassage.merge(best.unit().passage(), 1, Integer::sum);
		Set<String> seen = new HashSet<>();
		seen.add(fingerprint(best.unit()));
		for (Candidate next : candidates.subList(1, candidates.size())) {
			if (chosen.size() == MAX_UNITS || next.score() < top * SUPPORT) {
				break;
			}
			if (perPassage.getOrDefault(next.unit().passage(), 0) >= 2 || !seen.add(fingerprint(next.unit()))) {
				continue;
			}
			// one table of the asker's row answers; another ("Other benefits by tier")
			// only
			// shares the word tier
			if (next.unit() instanceof Table table && keyedByTier(table, tier)
					&& chosen.stream().anyMatch(c -> c.unit() instanceof Table t && keyedByTier(t, tier))) {
				continue;
			}
			perPassage.merge(next.unit().passage(), 1, Integer::sum);
			chosen.add(next);
		}
		return render(chosen, asked, tier, passages, faq != null, faq != null);
	}

	/** What the question is about: its content terms, the words that frame it aside. */
	static Set<String> topic(String question) {
		Set<String> topic = asked(question);
		topic.removeAll(AnswerComposer.QUESTION_WORDS);
		return topic;
	}

	/**
	 * Whether the passage's heading path holds every term of the question's topic (two at
	 * least), and its own section's headings some of them.
	 */
	static boolean namesTheSection(Set<String> topic, Passage passage) {
		return topic.size() >= 2 && match(topic, passage.location()) == 1.0 && sectionMatch(topic, passage) > 0;
	}

	/**
	 * The share of the question's topic the passage's own headings (not its title) hold.
	 */
	static double sectionMatch(Set<String> topic, Passage passage) {
		return match(topic, String.join(" ", passage.headings()));
	}

	/**
	 * The best unit of the section the question names by its headings, the section whose
	 * own headings hold most of it ("Days 1-30" before "Days 61-90" in "Your first 30, 60
	 * and 90 days" for "the first 30 days"); null when no section is named so.
	 */
	private static Candidate namedSection(Set<String> topic, boolean procedure, List<Passage> passages,
			List<Candidate> candidates) {
		Candidate section = null;
		double closest = 0;
		for (Candidate candidate : candidates) {
			Passage passage = passages.get(candidate.unit().passage());
			if (!namesTheSection(topic, passage) || (procedure && definition(passage))) {
				continue;
			}
			double own = sectionMatch(topic, passage);
			if (own > closest) {
				closest = own;
				section = candidate;
			}
		}
		return section;
	}

	/**
	 * Whether a section is one paragraph and nothing else, as a glossary entry is: it
	 * says what its heading is, not how to get or do it.
	 */
	private static boolean definition(Passage passage) {
		List<Unit> units = units(passage.text(), 0);
		return units.size() == 1 && units.get(0) instanceof Prose;
	}

	/**
	 * The first unit of the FAQ entry whose question heading is nearly the question
	 * asked: the heading's own terms nearly all in the question, and the question's terms
	 * nearly all in the entry's heading path ("Is there a minimum deal size?" under "Deal
	 * Registration FAQ" for "what's the minimum deal size for registration?"; "What is
	 * the uptime commitment?" under the FAQ of the product asked about). Null when no
	 * entry is that close.
	 */
	private static Candidate faqEntry(Set<String> asked, List<Passage> passages, List<Candidate> candidates) {
		if (asked.size() < 2) {
			return null;
		}
		Candidate entry = null;
		double closest = 0;
		for (Candidate candidate : candidates) {
			Passage passage = passages.get(candidate.unit().passage());
			List<String> headings = passage.headings();
			if (headings.isEmpty() || !headings.get(headings.size() - 1).strip().endsWith("?")
					|| candidate.unit().block() != 0) {
				continue;
			}
			Set<String> question = asked(headings.get(headings.size() - 1));
			if (question.isEmpty()) {
				continue;
			}
			double heading = (double) question.stream().filter(asked::contains).count() / question.size();
			double path = match(asked, passage.location());
			if (heading >= FAQ_HEADING && path >= FAQ_PATH && heading + path > closest) {
				closest = heading + path;
				entry = candidate;
			}
		}
		return entry;
	}

	private static Candidate candidate(Unit unit, Set<String> asked, double prior, String tier, String location) {
		return switch (unit) {
			case Prose prose -> {
				String bestSentence = null;
				double bestScore = -1;
				for (String sentence : prose.sentences()) {
					if (aboutTheDocument(sentence)) {
						continue;
					}
					double score = match(asked, sentence) + (DIGIT.matcher(sentence).find() ? 0.05 : 0);
					if (score > bestScore) {
						bestScore = score;
						bestSentence = sentence;
					}
				}
				double whole = match(asked, String.join(" ", prose.sentences()));
				yield new Candidate(unit, prior + 0.6 * bestScore + 0.4 * whole, bestSentence);
			}
			case Listing listing -> {
				double bestItem = 0;
				for (String item : listing.items()) {
					bestItem = Math.max(bestItem, match(asked, listing.lead() + " " + item));
				}
				double whole = match(asked, listing.lead() + " " + String.join(" ", listing.items()));
				yield new Candidate(unit, prior + 0.6 * bestItem + 0.4 * whole, null);
			}
			case Table table -> {
				// a cell means what its row, its column and the heading above the table
				// say
				String header = location + " " + table.lead() + " " + String.join(" ", table.header());
				double bestRow = 0;
				for (List<String> row : table.rows()) {
					bestRow = Math.max(bestRow, match(asked, header + " " + String.join(" ", row)));
				}
				// a table with the asker's own row or column answers "what do we get"
				double own = keyedByTier(table, tier) ? OWN_TIER : 0;
				yield new Candidate(unit, prior + bestRow + own, null);
			}
		};
	}

	/** The share of the question's terms the text holds. */
	static double match(Set<String> asked, String text) {
		if (asked.isEmpty()) {
			return 0;
		}
		Set<String> said = Terms.of(text);
		return (double) asked.stream().filter(said::contains).count() / asked.size();
	}

	private static Composed render(List<Candidate> chosen, Set<String> asked, String tier, List<Passage> passages,
			boolean named, boolean faq) {
		Map<Integer, Integer> numbers = new LinkedHashMap<>();
		List<String> lines = new ArrayList<>();
		// a chosen table with the asker's row or column leads, wherever it ranked, unless
		// an FAQ entry asks the question itself or a section is headed with it
		chosen = new ArrayList<>(chosen);
		for (int i = 0; i < chosen.size() && !named; i++) {
			if (chosen.get(i).unit() instanceof Table table && keyedByTier(table, tier)) {
				chosen.add(0, chosen.remove(i));
				break;
			}
		}
		Candidate best = chosen.get(0);
		List<String> lead = List.of();
		if (best.unit() instanceof Table table && tier != null) {
			String row = tierLead(table, tier, asked);
			lead = (row != null) ? List.of(row) : List.of();
		}
		else if (!faq && best.unit() instanceof Prose prose && best.sentence() != null && !best.sentence().endsWith(":")
				&& match(asked, best.sentence()) >= DIRECT && !best.sentence().equals(prose.sentences().get(0))) {
			// a paragraph that opens with its answer, an FAQ entry's among them, is
			// quoted whole: pulled out above its heading, the opening left the rest to
			// lean on nothing ("Gold needs 2; Platinum needs 4" after a glossary entry's
			// definition, "Extension requests are answered within 2 business days." as
			// if it were all "How long does approval take?" says)
			lead = List.of(best.sentence());
		}
		if (!lead.isEmpty()) {
			lines.add(String.join(" ", lead) + " " + marker(numbers, best.unit().passage()));
		}
		List<String> units = new ArrayList<>();
		for (Candidate candidate : chosen) {
			Unit unit = candidate.unit();
			List<String> quoted = quote(unit, asked, (candidate == best && unit instanceof Prose) ? lead : List.of());
			String location = passages.get(unit.passage()).location();
			units.add(location + "\n" + String.join("\n", (candidate == best) ? lead : List.of()) + "\n"
					+ String.join("\n", quoted));
			if (quoted.isEmpty()) {
				continue;
			}
			if (!lines.isEmpty()) {
				lines.add("");
			}
			lines.add("_" + location + "_");
			for (int i = 0; i < quoted.size(); i++) {
				String line = "> " + quoted.get(i);
				lines.add((i == quoted.size() - 1) ? line + " " + marker(numbers, unit.passage()) : line);
			}
		}
		return new Composed(String.join("\n", lines), List.copyOf(numbers.keySet()), units);
	}

	private static String marker(Map<Integer, Integer> numbers, int passage) {
		return "[" + numbers.computeIfAbsent(passage, k -> numbers.size() + 1) + "]";
	}

	/**
	 * The lines that quote a unit whole: a paragraph without the sentence that already
	 * leads the answer, a list with its lead-in, a table's matching rows.
	 */
	private static List<String> quote(Unit unit, Set<String> asked, List<String> lead) {
		return switch (unit) {
			case Prose prose -> {
				List<String> rest = prose.sentences().stream().filter(s -> !lead.contains(s)).toList();
				if (rest.isEmpty()) {
					yield List.of();
				}
				if (String.join(" ", rest).length() > 700) {
					// a long paragraph: the sentences that hold the question's words
					List<String> relevant = rest.stream().filter(s -> match(asked, s) > 0).limit(3).toList();
					rest = relevant.isEmpty() ? rest.subList(0, 1) : relevant;
				}
				yield List.of(String.join(" ", rest));
			}
			case Listing listing -> {
				List<String> lines = new ArrayList<>();
				if (!listing.lead().isEmpty()) {
					lines.add(listing.lead());
				}
				List<String> items = listing.items();
				if (items.size() > MAX_ITEMS) {
					List<String> relevant = items.stream()
						.filter(item -> match(asked, item) > 0)
						.limit(MAX_ITEMS)
						.toList();
					items = relevant.isEmpty() ? items.subList(0, MAX_ITEMS) : relevant;
				}
				items.forEach(item -> lines.add("• " + item));
				yield lines;
			}
			case Table table -> {
				List<String> lines = new ArrayList<>();
				if (!table.lead().isEmpty()) {
					lines.add(table.lead());
				}
				rows(table, asked).forEach(row -> lines.add("• " + row(table, row)));
				yield lines;
			}
		};
	}

	/**
	 * The rows that name something the question asks about beyond the column names; all
	 * of them (up to a limit) when none does, as for "what does each tier get".
	 */
	private static List<List<String>> rows(Table table, Set<String> asked) {
		Set<String> specific = new HashSet<>(asked);
		specific.removeAll(Terms.of(String.join(" ", table.header())));
		List<List<String>> matching = table.rows()
			.stream()
			.filter(row -> !specific.isEmpty() && match(specific, String.join(" ", row)) > 0)
			.toList();
		List<List<String>> rows = matching.isEmpty() ? table.rows() : matching;
		return rows.subList(0, Math.min(rows.size(), MAX_ROWS));
	}

	/** "*Silver*: Standard discount 15% · Approved registered deal 15%". */
	private static String row(Table table, List<String> row) {
		List<String> cells = new ArrayList<>();
		for (int i = 1; i < row.size(); i++) {
			String name = (i < table.header().size()) ? table.header().get(i) : "";
			cells.add(name.isEmpty() ? row.get(i) : name + ": " + row.get(i));
		}
		String first = row.isEmpty() ? "" : row.get(0);
		return cells.isEmpty() ? first : "*" + first + "*: " + String.join(" · ", cells);
	}

	/**
	 * "As a Silver partner: ..." from the asker's row (a table by tier) or column (a
	 * table of benefits with a column per tier); null when the table has neither.
	 */
	private static String tierLead(Table table, String tier, Set<String> asked) {
		String name = display(tier);
		int row = tierRow(table, tier);
		if (row >= 0) {
			List<String> cells = new ArrayList<>();
			List<String> values = table.rows().get(row);
			for (int i = 1; i < values.size() && i < table.header().size(); i++) {
				cells.add(table.header().get(i) + ": " + values.get(i));
			}
			return "*As a " + name + " partner:* " + String.join(" · ", cells);
		}
		int column = tierColumn(table, tier);
		if (column >= 0) {
			List<String> cells = new ArrayList<>();
			for (List<String> values : rows(table, asked)) {
				if (column < values.size()) {
					cells.add(values.get(0) + ": " + values.get(column));
				}
			}
			return "*As a " + name + " partner:* " + String.join(" · ", cells);
		}
		return null;
	}

	private static boolean namesOtherTier(Set<String> asked, String tier) {
		return TIERS.stream()
			.filter(other -> !other.equals(tier))
			.anyMatch(other -> Terms.of(other).stream().anyMatch(asked::contains));
	}

	private static boolean keyedByTier(Table table, String tier) {
		return tier != null && (tierRow(table, tier) >= 0 || tierColumn(table, tier) >= 0);
	}

	static boolean aboutTheDocument(String sentence) {
		return ABOUT_THE_DOCUMENT.matcher(sentence.strip()).find();
	}

	private static int tierRow(Table table, String tier) {
		for (int i = 0; i < table.rows().size(); i++) {
			List<String> row = table.rows().get(i);
			if (!row.isEmpty() && row.get(0).strip().equalsIgnoreCase(tier)) {
				return i;
			}
		}
		return -1;
	}

	private static int tierColumn(Table table, String tier) {
		if (tier == null) {
			return -1;
		}
		for (int i = 1; i < table.header().size(); i++) {
			String name = table.header().get(i).strip().toLowerCase(Locale.ROOT);
			// "Gold" or "Gold price", not "Gold registered deal"
			if (name.equals(tier) || name.equals(tier + " price")) {
				return i;
			}
		}
		return -1;
	}

	private static String display(String tier) {
		return tier.isEmpty() ? tier : Character.toUpperCase(tier.charAt(0)) + tier.substring(1);
	}

	private static String fingerprint(Unit unit) {
		return text(unit).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
	}

	private static String text(Unit unit) {
		return switch (unit) {
			case Prose prose -> String.join(" ", prose.sentences());
			case Listing listing -> listing.lead() + " " + String.join(" ", listing.items());
			case Table table -> table.header() + " " + table.rows();
		};
	}

	/**
	 * The units of a passage's text: blocks are separated by blank lines; a block of
	 * {@code | a | b |} lines is a table, header first; a block with list items is a
	 * list, the lines before its first item its lead-in; anything else a paragraph.
	 */
	static List<Unit> units(String text, int passage) {
		List<Unit> units = new ArrayList<>();
		int index = 0;
		for (String block : ALSO_CALLED.matcher(text.strip()).replaceAll("").split("\\n[ \\t]*\\n\\s*")) {
			List<String> lines = block.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
			if (lines.isEmpty()) {
				continue;
			}
			int firstRow = 0;
			while (firstRow < lines.size() && !lines.get(firstRow).startsWith("|")) {
				firstRow++;
			}
			if (firstRow < lines.size()
					&& lines.subList(firstRow, lines.size()).stream().allMatch(l -> l.startsWith("|"))) {
				List<List<String>> rows = lines.subList(firstRow, lines.size())
					.stream()
					.map(ExtractiveAnswerer::cells)
					.toList();
				units.add(new Table(passage, index++, String.join(" ", lines.subList(0, firstRow)), rows.get(0),
						rows.subList(1, rows.size())));
				continue;
			}
			List<String> lead = new ArrayList<>();
			List<String> items = new ArrayList<>();
			for (String line : block.lines().filter(line -> !line.isBlank()).toList()) {
				Matcher item = LIST_ITEM.matcher(line);
				if (item.find()) {
					items
						.add("  ".repeat(Math.min(item.group(1).length() / 2, 3)) + line.substring(item.end()).strip());
				}
				else if (items.isEmpty()) {
					lead.add(line.strip());
				}
				else {
					// a wrapped item continues on the next line
					items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.strip());
				}
			}
			if (items.isEmpty()) {
				units.add(new Prose(passage, index++, sentences(String.join(" ", lead))));
			}
			else {
				units.add(new Listing(passage, index++, String.join(" ", lead), items));
			}
		}
		return units;
	}

	private static List<String> cells(String row) {
		String inner = row.strip();
		inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
		return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
	}

	static List<String> sentences(String paragraph) {
		return List.of(SENTENCE_END.split(paragraph.strip()))
			.stream()
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
	}

}
