package com.partnerbot.deals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

/**
 * Reads a reply in a deal conversation. The bot has just asked for some fields, so the
 * reply is read as those first: "USD" after "which currency?" is the currency, not a
 * customer called USD; a bare "120000" after "what is the deal value?" is the amount.
 * What the reply says besides is read as a description, except that a customer name the
 * reader merely guessed never replaces one already given. "add X" adds a product, "remove
 * X" takes one away.
 */
@RequiredArgsConstructor
final class DealReplies {

	private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Map<String, String> CURRENCY_WORDS = Map.of("dollar", "USD", "dollars", "USD", "usd", "USD",
			"us$", "USD", "$", "USD", "euro", "EUR", "euros", "EUR", "€", "EUR", "pounds", "GBP", "£", "GBP");

	private static final Pattern CURRENCY_REPLY = Pattern
		.compile("^\\s*(?:(?:it'?s|in|the currency is|currency:?)\\s+)?([a-z$€£]{1,8}|us\\$)\\s*[.!]?\\s*$", CI);

	private static final Pattern ADD = Pattern.compile("^\\s*(?:please\\s+)?(?:add|also|plus|and|include|with)\\b", CI);

	private static final Pattern REMOVE = Pattern
		.compile("^\\s*(?:please\\s+)?(?:remove|drop|without|no longer|not|minus|take out)\\b", CI);

	private static final Pattern CONTACT = Pattern.compile(
			"\\b(?:customer\\s+)?contact(?:\\s+is|\\s*:)?\\s+([^;\\n]+?)(?=\\s*(?:;|\\n|,?\\s*(?:our\\s+|my\\s+)?(?:sales\\s+)?rep\\b|$))",
			CI);

	private static final Pattern REP = Pattern
		.compile("\\b(?:sales\\s+)?rep(?:resentative)?(?:\\s+is|\\s*:)?\\s+([^;,\\n]+?)\\s*(?=[;,\\n]|$)", CI);

	private static final Pattern ME = Pattern
		.compile("^\\s*(?:it'?s\\s+|that'?s\\s+)?(?:me|myself|i am|i'?m|i'?m the rep|i am the rep)\\s*[.!]?\\s*$", CI);

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

	private static final Pattern BARE_DOMAIN = Pattern
		.compile("^\\s*(?:https?://)?(?:www\\.)?[\\w-]+(?:\\.[\\w-]+)+/?\\s*$", CI);

	private static final Pattern PARTS = Pattern.compile("\\s*[,;\\n]\\s*");

	private final DealTextParser parser;

	private final List<String> currencies;

	/**
	 * The first message of a conversation: the description, with the contact and the
	 * sales representative when it names them.
	 */
	DealDraft first(DealDraft read, String text, String author) {
		return AttributionWords.read(withPeople(read, text, author, List.of()), text, List.of());
	}

	/**
	 * A reply, {@code asked} being the fields the bot asked for, in its order;
	 * {@code read} is what a description reader made of the reply.
	 */
	DealDraft reply(DealDraft before, List<String> asked, String text, DealDraft read, String author,
			Function<String, DealDraft> reader) {
		DealDraft answer = read;
		for (String field : asked) {
			answer = answerAs(field, text, answer, reader);
		}
		String name = answer.customerName();
		boolean nameWanted = asked.contains("customerName") || parser.labelsCustomer(text);
		if (name != null && (!nameWanted || currencyOf(name) != null)) {
			// a guess from a capitalised first word, where the bot asked for something
			// else
			name = null;
		}
		List<String> problems = new ArrayList<>(answer.problems());
		List<String> products = products(before.products(), answer.products(), text, problems);
		String domain = answer.customerDomain();
		if (before.customerDomain() != null && domain != null && onlyInMailAddresses(text, domain)) {
			// a contact's e-mail tells the customer's domain only while none was given:
			// it may be a group's mail domain, or a typo, and the partner said otherwise
			domain = null;
		}
		DealDraft merged = before.with(new DealDraft(name, domain, products, answer.amount(), answer.currency(),
				answer.expectedCloseDate(), problems, answer.seats(), null, null));
		return AttributionWords.read(withPeople(merged, text, author, asked), text, asked);
	}

	private DealDraft answerAs(String field, String text, DealDraft read, Function<String, DealDraft> reader) {
		switch (field) {
			case "currency" -> {
				if (read.currency() == null) {
					String currency = parts(text).stream()
						.map(this::currencyOf)
						.filter(java.util.Objects::nonNull)
						.findFirst()
						.orElse(null);
					if (currency != null) {
						return copy(read, d -> new DealDraft(null, d.customerDomain(), d.products(), d.amount(),
								currency, d.expectedCloseDate(), d.problems(), d.seats(), null, null));
					}
				}
			}
			case "amount" -> {
				if (read.amount() == null) {
					DealDraft cued = reader.apply("amount " + text);
					if (cued.amount() != null) {
						return copy(read,
								d -> new DealDraft(d.customerName(), d.customerDomain(), d.products(), cued.amount(),
										d.currency() != null ? d.currency() : cued.currency(), d.expectedCloseDate(),
										d.problems(), d.seats(), null, null));
					}
				}
			}
			case "expectedCloseDate" -> {
				if (read.expectedCloseDate() == null && read.problems().isEmpty()) {
					LocalDate close = reader.apply("closing " + text).expectedCloseDate();
					if (close != null) {
						return copy(read, d -> new DealDraft(d.customerName(), d.customerDomain(), d.products(),
								d.amount(), d.currency(), close, d.problems(), d.seats(), null, null));
					}
				}
			}
			case "customerName" -> {
				if (read.customerName() == null && currencyOf(text) == null && !CONTACT.matcher(text).find()
						&& !REP.matcher(text).find()) {
					String name = reader.apply("customer: " + text).customerName();
					if (name != null) {
						return copy(read, d -> new DealDraft(name, d.customerDomain(), d.products(), d.amount(),
								d.currency(), d.expectedCloseDate(), d.problems(), d.seats(), null, null));
					}
				}
			}
			default -> {
				// domains, products and seats read the same whether asked or not
			}
		}
		return read;
	}

	private static boolean onlyInMailAddresses(String text, String domain) {
		return !EMAIL.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT).contains(domain.toLowerCase(Locale.ROOT));
	}

	private static DealDraft copy(DealDraft draft, Function<DealDraft, DealDraft> change) {
		return change.apply(draft);
	}

	/**
	 * The products after a reply; a removal that cannot be done is said back in
	 * {@code problems}, never dropped silently.
	 */
	private static List<String> products(List<String> before, List<String> said, String text, List<String> problems) {
		if (said.isEmpty()) {
			return List.of();
		}
		if (ADD.matcher(text).find()) {
			Set<String> union = new LinkedHashSet<>(before);
			union.addAll(said);
			return List.copyOf(union);
		}
		if (REMOVE.matcher(text).find()) {
			List<String> absent = said.stream().filter(p -> !before.contains(p)).toList();
			if (!absent.isEmpty()) {
				problems.add(String.join(", ", absent) + " is not in this registration");
			}
			List<String> left = new ArrayList<>(before);
			left.removeAll(said);
			if (left.isEmpty() && !before.isEmpty()) {
				// a registration has at least one product: the draft keeps its own
				problems.add("a registration needs at least one product, so " + String.join(", ", before)
						+ " stays: say which to add first (e.g. \"add Data Pipeline\"), then remove it");
				return before;
			}
			return left;
		}
		return said;
	}

	private DealDraft withPeople(DealDraft draft, String text, String author, List<String> asked) {
		String contact = null;
		Matcher contactCue = CONTACT.matcher(text);
		if (contactCue.find()) {
			contact = contactCue.group(1).strip();
		}
		else if (asked.contains("customerContact") && EMAIL.matcher(text).find()) {
			contact = contactAmong(parts(text));
		}
		String rep = null;
		Matcher repCue = REP.matcher(text);
		if (repCue.find()) {
			String named = repCue.group(1).strip();
			rep = ME.matcher(named).matches() ? author : named;
		}
		else if (asked.contains("salesRep") && parts(text).stream().anyMatch(part -> ME.matcher(part).matches())) {
			rep = author;
		}
		else if (asked.size() == 1 && asked.contains("salesRep") && !text.isBlank()) {
			rep = text.strip();
		}
		else if (asked.size() == 1 && asked.contains("customerContact") && contact == null && !text.isBlank()) {
			contact = text.strip();
		}
		if (contact == null && rep == null) {
			return draft;
		}
		return new DealDraft(draft.customerName(), draft.customerDomain(), draft.products(), draft.amount(),
				draft.currency(), draft.expectedCloseDate(), draft.problems(), draft.seats(),
				contact != null ? truncate(contact) : draft.customerContact(),
				rep != null ? truncate(rep) : draft.salesRep(), draft.role(), draft.coSellers(), draft.shared());
	}

	/**
	 * A reply answering several questions at once, part by part, as people list answers:
	 * "initech.com, dollars, Bill Lumbergh, VP IT, bill@initech.com, me". The whole text
	 * is its only part when it has no separators.
	 */
	private static List<String> parts(String text) {
		return PARTS.splitAsStream(text.strip()).filter(part -> !part.isBlank()).toList();
	}

	/**
	 * The contact among a reply's parts: the part with the e-mail address and the parts
	 * around it that answer nothing else (the name and title beside the address).
	 */
	private String contactAmong(List<String> parts) {
		int mail = 0;
		while (!EMAIL.matcher(parts.get(mail)).find()) {
			mail++;
		}
		int from = mail;
		while (from > 0 && aboutThePerson(parts.get(from - 1))) {
			from--;
		}
		int to = mail + 1;
		while (to < parts.size() && aboutThePerson(parts.get(to))) {
			to++;
		}
		return String.join(", ", parts.subList(from, to));
	}

	/** Whether a part of a reply may be a contact's name or title, not another answer. */
	private boolean aboutThePerson(String part) {
		return currencyOf(part) == null && !ME.matcher(part).matches() && !BARE_DOMAIN.matcher(part).matches()
				&& !EMAIL.matcher(part).find() && !REP.matcher(part).find() && !part.matches(".*\\d.*");
	}

	private String currencyOf(String text) {
		Matcher m = CURRENCY_REPLY.matcher(text);
		if (!m.matches()) {
			return null;
		}
		String word = m.group(1).toLowerCase(Locale.ROOT);
		String code = CURRENCY_WORDS.getOrDefault(word, word.toUpperCase(Locale.ROOT));
		return currencies.contains(code) ? code : null;
	}

	private static String truncate(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300);
	}

}
