package com.partnerbot.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message is before anything is searched: a greeting or thanks needs a friendly
 * word, not a search; a question in another language needs saying that the library is
 * searched in English.
 */
final class Conversation {

	private static final Pattern GREETING = Pattern.compile(
			"(?i)^\\W*(hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening|day))\\b(\\s+(there|all|everyone|team|folks|partnerbot|bot|@\\w+))?[\\s!.,:)]*$");

	private static final Pattern THANKS = Pattern.compile(
			"(?i)^\\W*((ok(ay)?|great|perfect|awesome|cool|super|got it|nice)[,!.]?\\s+)?(thanks|thank you|thx|ty|cheers|many thanks|much appreciated|appreciated)\\b[\\w\\s!.,:)]*$");

	// a greeting or "quick question:" before the question itself: not words to search by
	private static final Pattern SALUTATION = Pattern
		.compile("(?i)^\\W*(?:(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day))\\b"
				+ "(?:\\s+(?:there|all|everyone|team|folks|partnerbot|bot|@\\w+|<@\\w+>))?[\\s!.,:;)\\-–]+)?"
				+ "(?:(?:a\\s+)?(?:quick|one|small)\\s+question\\b[\\s!.,:;\\-–]*)?");

	private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

	private static final Set<String> ENGLISH = Set.of("the", "is", "are", "what", "how", "do", "does", "we", "for",
			"of", "to", "a", "an", "can", "our", "my", "i", "get", "with", "in", "on", "and", "when", "which", "who",
			"where", "much", "many", "long", "you", "it", "there", "be", "need", "any", "if");

	// the commonest words of the languages partners write in besides English; a word
	// shared with English (a, in) is left out
	private static final Map<String, Set<String>> OTHERS = Map.of(
			"Spanish", Set.of("que", "qué", "el", "los", "las", "del", "para", "por", "cómo", "como", "cuál", "cuánto",
					"cuánta", "cuántos", "una", "es", "con", "se", "podemos", "nuestro", "nuestra", "hay", "puedo",
					"tenemos", "socio", "socios", "descuento", "y", "la", "de", "un", "al", "lo", "su", "dura"),
			"French",
			Set.of("le", "les", "des", "du", "est", "pour", "quel", "quelle", "quels", "comment", "nous", "avec", "une",
					"combien", "sur", "pas", "notre", "nos", "peut", "pouvons", "avons", "remise", "et", "je"),
			"German",
			Set.of("der", "die", "das", "wie", "ist", "für", "und", "wir", "nicht", "ein", "eine", "mit", "welche",
					"was", "können", "bekommen", "unser", "unsere", "lange", "gibt", "es", "ich", "rabatt", "viel"),
			"Portuguese", Set.of("os", "do", "da", "para", "como", "qual", "quanto", "nós", "uma", "com", "não", "é",
					"podemos", "nosso", "nossa", "temos", "desconto", "quantos", "recebemos", "de", "um", "o", "valor"),
			"Italian",
			Set.of("il", "gli", "della", "per", "come", "quale", "quanto", "noi", "una", "con", "è", "non", "nostro",
					"abbiamo", "sconto", "possiamo", "quanti"),
			"Dutch", Set.of("het", "een", "hoe", "wat", "voor", "wij", "niet", "met", "van", "onze", "krijgen",
					"korting", "hoeveel", "lang", "kunnen"));

	private Conversation() {
	}

	enum SmallTalk {

		GREETING, THANKS

	}

	static SmallTalk smallTalk(String text) {
		String stripped = text.strip();
		if (stripped.length() > 60 || stripped.contains("?") && !GREETING.matcher(stripped).matches()) {
			return null;
		}
		if (GREETING.matcher(stripped).matches()) {
			return SmallTalk.GREETING;
		}
		return THANKS.matcher(stripped).matches() ? SmallTalk.THANKS : null;
	}

	/**
	 * The question without the greeting or "quick question:" it opens with ("hey, what
	 * are the requirements for Platinum?"); the text as it is when nothing else is left.
	 */
	static String withoutSalutation(String text) {
		Matcher salutation = SALUTATION.matcher(text);
		String rest = salutation.lookingAt() ? text.substring(salutation.end()) : text;
		return rest.isBlank() ? text : rest;
	}

	/**
	 * The language of a question when it is clearly not English, by its common words or
	 * its script; null for English or when unsure.
	 */
	static String foreignLanguage(String text) {
		long letters = text.codePoints().filter(Character::isLetter).count();
		long latin = text.codePoints()
			.filter(Character::isLetter)
			.filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)
			.count();
		if (letters > 0 && latin < letters / 2) {
			return "another language";
		}
		List<String> words = WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(m -> m.group()).toList();
		long english = words.stream().filter(ENGLISH::contains).count();
		String best = null;
		long bestCount = 0;
		for (Map.Entry<String, Set<String>> language : OTHERS.entrySet()) {
			long count = words.stream().filter(language.getValue()::contains).count();
			if (count > bestCount) {
				best = language.getKey();
				bestCount = count;
			}
		}
		return (bestCount >= 2 && bestCount > english) ? best : null;
	}

}
