package com.partnerbot.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.partnerbot.knowledge.Passage;

/**
 * Without an LLM: the sentences of the best passages that share most words with the
 * question, quoted as they stand, each with its citation marker. It cannot misstate what
 * it quotes.
 */
final class ExtractiveAnswerer {

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"(])|\\n+");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}$%]+");

	private static final Set<String> STOPWORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "can", "do",
			"does", "for", "from", "how", "i", "if", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "so",
			"that", "the", "their", "there", "this", "to", "we", "what", "when", "where", "which", "who", "why", "will",
			"with", "you", "your", "get", "use");

	private ExtractiveAnswerer() {
	}

	/** A quoted sentence and the number of the passage it came from (1-based). */
	record Quote(String sentence, int passage, double score) {
	}

	static List<Quote> quotes(String question, List<Passage> passages, int max) {
		Set<String> asked = words(question);
		List<Quote> candidates = new ArrayList<>();
		for (int p = 0; p < passages.size(); p++) {
			for (String sentence : SENTENCE_END.split(passages.get(p).text())) {
				String clean = sentence.strip().replaceAll("^[-*•]\\s+", "");
				if (clean.length() < 15 || clean.length() > 600) {
					continue;
				}
				Set<String> said = words(clean);
				long overlap = asked.stream().filter(said::contains).count();
				if (overlap == 0) {
					continue;
				}
				// earlier passages rank higher; long sentences do not win on length alone
				double score = overlap / Math.sqrt(Math.max(said.size(), 4)) + 0.15 * (passages.size() - p);
				candidates.add(new Quote(clean, p + 1, score));
			}
		}
		List<Quote> chosen = candidates.stream()
			.sorted(Comparator.comparingDouble(Quote::score).reversed())
			.limit(max)
			.toList();
		if (chosen.isEmpty() && !passages.isEmpty()) {
			// nothing shares a word (a paraphrase): quote the start of the best passage
			String first = SENTENCE_END.split(passages.get(0).text().strip())[0];
			return List.of(new Quote(first, 1, 0));
		}
		// keep the library's order within a passage, so quotes read naturally
		return chosen.stream()
			.sorted(Comparator.comparingInt(Quote::passage)
				.thenComparingInt(q -> passages.get(q.passage() - 1).text().indexOf(q.sentence())))
			.toList();
	}

	static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			String word = matcher.group();
			if (!STOPWORDS.contains(word)) {
				words.add(stem(word));
			}
		}
		return words;
	}

	private static String stem(String word) {
		if (word.length() > 4 && word.endsWith("ies")) {
			return word.substring(0, word.length() - 3) + "y";
		}
		if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
			return word.substring(0, word.length() - 1);
		}
		return word;
	}

}
