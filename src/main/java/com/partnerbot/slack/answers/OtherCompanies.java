package com.partnerbot.slack.answers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.model.block.LayoutBlock;

import com.partnerbot.partners.Requester;
import com.partnerbot.partners.Tier;
import com.partnerbot.slack.bolt.Messages;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * A company named in a partner's question about its own figures ("what's Acme's MDF
 * balance?", "how much MDF does Acme have left?"): a partner's person sees only its own
 * company's figures, and hears so before them. Every name other than the asker's own is
 * told the same, partner or not, so the answer never says which companies are partners. A
 * name the enablement library uses (the vendor, its products) is no company's: "what is
 * Northwind's MDF program?" stays a question for the library.
 */
final class OtherCompanies {

	static final String OWN_ONLY = ":information_source: You can only see your own company's figures, "
			+ "not another company's; here are yours.";

	// a name as people write one: capitalised words ("Acme", "Acme Corp", "IBM")
	private static final String NAME = "([A-Z][\\w&-]*(?:\\s+[A-Z][\\w&-]*)*)";

	private static final Pattern POSSESSIVE = Pattern.compile("\\b" + NAME + "['’]s\\b");

	// "does Acme have", "does Acme still need": the company as the one who has
	private static final Pattern DOES = Pattern
		.compile("\\b(?i:does|did|has)\\s+" + NAME + "(?=\\s+(?i:have|has|got|stand|still|need|lack|miss)\\b)");

	// "the MDF balance for Acme", "the scorecard of Acme"
	private static final Pattern OF = Pattern.compile("\\b(?i:balance|tier|scorecard|standing|status|deals|"
			+ "registrations|numbers|figures|funds)\\s+(?i:for|of)\\s+" + NAME);

	// capitalised words that name no company: a sentence's first word, months, tiers
	private static final Set<String> NOT_NAMES = Set.of("what", "that", "it", "here", "there", "let", "who", "where",
			"how", "he", "she", "when", "why", "today", "tomorrow", "yesterday", "everyone", "i", "mdf", "partner",
			"partners", "program", "slack", "january", "february", "march", "april", "may", "june", "july", "august",
			"september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
			"saturday", "sunday", "does", "do", "did", "has", "is", "our", "my", "we", "us", "the", "tier");

	private static final Pattern REFERENCE = Pattern.compile("(dr|mdf)-[a-z]*");

	private static final Set<String> TIERS = Arrays.stream(Tier.values())
		.map(t -> t.label().toLowerCase(Locale.ROOT))
		.collect(Collectors.toUnmodifiableSet());

	private OtherCompanies() {
	}

	/**
	 * Whether a partner's person names a company other than its own; staff may ask of any
	 * partner, and are never told this.
	 */
	static boolean named(Requester requester, String text, Predicate<String> librarys) {
		if (!(requester instanceof Requester.PartnerPerson person)) {
			return false;
		}
		String own = person.own().name().toLowerCase(Locale.ROOT);
		return names(text, librarys).stream().anyMatch(name -> !own.contains(name) && !name.contains(own));
	}

	/**
	 * A partner's person's question as about its own company: "Acme's" read as "our",
	 * "does Acme have" as "do we have".
	 * @param librarys whether a name is one the enablement library uses
	 */
	static String asOwn(Requester requester, String text, Predicate<String> librarys) {
		if (!(requester instanceof Requester.PartnerPerson)) {
			return text;
		}
		return replace(DOES, replace(POSSESSIVE, text, "our", librarys), "do we", librarys);
	}

	/** The notice, then the answer about the asker's own company. */
	static Messages.Reply ownOnly(Messages.Reply reply) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section(s -> s.text(markdownText(OWN_ONLY))));
		blocks.addAll(reply.blocks());
		return new Messages.Reply(OWN_ONLY + "\n" + reply.text(), blocks);
	}

	private static List<String> names(String text, Predicate<String> librarys) {
		List<String> names = new ArrayList<>();
		for (Pattern pattern : List.of(POSSESSIVE, DOES, OF)) {
			Matcher m = pattern.matcher(text);
			while (m.find()) {
				name(m.group(1), librarys).ifPresent(names::add);
			}
		}
		return names;
	}

	/**
	 * The name in lower case, without the capitalised words that name no company, those
	 * with digits (Q1, FY27) and the references of registrations and requests (DR-…,
	 * MDF-…); empty for a name the library uses.
	 */
	private static Optional<String> name(String words, Predicate<String> librarys) {
		String name = Arrays.stream(words.split("\\s+"))
			.map(w -> w.toLowerCase(Locale.ROOT))
			.filter(w -> !NOT_NAMES.contains(w) && !TIERS.contains(w) && w.chars().noneMatch(Character::isDigit)
					&& !REFERENCE.matcher(w).matches())
			.collect(Collectors.joining(" "));
		return (name.isEmpty() || librarys.test(name)) ? Optional.empty() : Optional.of(name);
	}

	private static String replace(Pattern pattern, String text, String with, Predicate<String> librarys) {
		return pattern.matcher(text)
			.replaceAll(m -> name(m.group(1), librarys).isPresent() ? with : Matcher.quoteReplacement(m.group()));
	}

}
