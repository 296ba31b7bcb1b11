package com.partnerbot.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerbot.knowledge.Terms;

/**
 * The kind of answer a question asks for, as question answering has long checked it: "how
 * many employees" asks for a count of employees, "what's the discount code" for a code.
 * Quotes that hold no answer of that kind do not answer the question, however many of its
 * other words they share ("How many employees does Northwind have?" is not answered by
 * the tier table's certified engineers). A question of no such kind is not checked.
 *
 * @param kind what the answer is
 * @param noun what a count counts ("employees"); null when any count will do
 */
record ExpectedAnswer(Kind kind, String noun) {

	enum Kind {

		/** A number, in a quoted unit that names the thing counted. */
		COUNT,

		/**
		 * A code to type in somewhere: a token of capitals and digits ("CONNECT26").
		 */
		CODE

	}

	private static final Pattern HOW_MANY = Pattern.compile("(?i)\\bhow\\s+many\\s+([\\p{L}\\p{N} '’-]+)");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

	// the words that end what a count counts: "how many engineers | does Gold need",
	// "how many passes | to Northwind Connect"
	private static final Set<String> AFTER_THE_NOUN = Set.of("do", "does", "did", "can", "could", "are", "is", "was",
			"were", "will", "would", "should", "must", "may", "might", "have", "has", "had", "need", "needs", "get",
			"i", "we", "you", "they", "it", "our", "my", "your", "their", "per", "in", "on", "at", "for", "of", "to",
			"from", "with", "by", "within", "before", "after", "under", "over", "a", "an", "the", "each", "every",
			"that", "there", "left", "allowed", "included");

	// how often something may be done is said as "once" or "one extension", never
	// beside the word "times"
	private static final Set<String> ANY_COUNT = Set.of("time", "times");

	// a code is asked for as a thing to enter: not a dress code or a code of conduct
	private static final Pattern CODE_ASKED = Pattern.compile(
			"(?i)\\b(?:discount|promo|promotion|promotional|coupon|voucher|booking|reservation|access|invite|invitation|"
					+ "referral|activation|redemption|registration|ticket)\\s+codes?\\b");

	private static final Pattern NUMBER = Pattern.compile("(?i)\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|"
			+ "ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|once|twice|single|dozen|"
			+ "none|unlimited)\\b");

	// capitals and digits together ("CONNECT26", "NW-2026-EVT"), or a token in
	// capitals after the word code ("code NWCONNECT")
	private static final Pattern CODE = Pattern.compile(
			"\\b(?=[A-Z0-9-]*\\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,}\\b|(?i:\\bcodes?\\b)\\W{1,3}[A-Z0-9][A-Z0-9_-]{3,}\\b");

	/** The kind of answer the question asks for; null when it asks for none checked. */
	static ExpectedAnswer of(String question) {
		if (CODE_ASKED.matcher(question).find()) {
			return new ExpectedAnswer(Kind.CODE, null);
		}
		Matcher howMany = HOW_MANY.matcher(question);
		if (!howMany.find()) {
			return null;
		}
		List<String> counted = new ArrayList<>();
		Matcher word = WORD.matcher(howMany.group(1));
		while (word.find() && !AFTER_THE_NOUN.contains(word.group().toLowerCase(Locale.ROOT))) {
			counted.add(word.group());
		}
		if (counted.isEmpty()) {
			return null;
		}
		// the noun is the last word before what is said about it: "certified engineers"
		// counts engineers
		String noun = counted.get(counted.size() - 1);
		return new ExpectedAnswer(Kind.COUNT, ANY_COUNT.contains(noun.toLowerCase(Locale.ROOT)) ? null : noun);
	}

	/**
	 * Whether a quoted unit, read with its heading path, holds an answer of this kind: a
	 * code, or a number in a unit that names what is counted.
	 */
	boolean heldBy(String quoted) {
		return switch (kind) {
			case CODE -> CODE.matcher(quoted).find();
			case COUNT -> NUMBER.matcher(quoted).find() && (noun == null || names(quoted));
		};
	}

	/**
	 * Whether the text names the counted thing: its term, or a term it abbreviates
	 * ("certs" for certifications).
	 */
	private boolean names(String text) {
		Set<String> said = Terms.of(text);
		for (String term : Terms.of(noun)) {
			if (said.contains(term) || said.stream().anyMatch(s -> term.length() >= 4 && s.startsWith(term))) {
				return true;
			}
		}
		return false;
	}

}
