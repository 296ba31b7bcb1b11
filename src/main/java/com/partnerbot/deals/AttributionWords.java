package com.partnerbot.deals;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the partner's part in a deal from plain words: who found it ("we sourced it",
 * "influenced", "we're helping on your team's deal") and who sells it with them
 * ("co-selling with Globex and Initrode", "none"). Nothing said leaves the draft as it
 * was: a deal the partner describes with no one else in it is theirs, sourced.
 */
final class AttributionWords {

	private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern INFLUENCED = Pattern.compile("\\b(?:influenc\\w*|helping|assist\\w*|brought us in"
			+ "|(?:their|your|the vendor'?s?|another partner'?s?|(?:your|the vendor'?s?|the direct) team'?s?) "
			+ "(?:deal|lead|opportunity)|(?:they|you|the vendor|another partner) (?:found|sourced|brought) it)\\b", CI);

	private static final Pattern SOURCED = Pattern
		.compile("\\b(?:sourced|we found (?:it|this|them)|found (?:it|this) ourselves|our own (?:lead|deal|opportunity)"
				+ "|we brought (?:it|this)|(?:it'?s|it is) our (?:lead|find))\\b", CI);

	private static final Pattern SHARED = Pattern.compile("\\b(?:co-?sell\\w*|together with|alongside|jointly with"
			+ "|partnering with|teaming (?:up )?with|with (?:another|other) partners?)\\b", CI);

	private static final Pattern NAMES = Pattern.compile("\\b(?:co-?sell(?:ing)?(?: it| this)? with|together with"
			+ "|alongside|jointly with|partnering with|teaming (?:up )?with|co-?sell(?:ing)? partners?(?: is| are|:))"
			+ "\\s+([^.;\\n]+)", CI);

	private static final Pattern NONE = Pattern.compile(
			"^\\s*(?:none|no one|nobody|no partners?|no other partners?|just us|only us|we sell (?:it )?alone|alone|no)"
					+ "\\s*[.!]?\\s*$",
			CI);

	/** Words after the names: another field of the description, or no name at all. */
	private static final Pattern NOT_A_NAME = Pattern.compile("^(?:another|other|a|some) partners?$"
			+ "|^(?:it|this|them|us|you|the vendor)$|^(?:(?:our|my) )?(?:sales )?rep\\b.*|^(?:customer )?contact\\b.*"
			+ "|^clos(?:e|ing)\\b.*|^(?:about|around|for|worth)\\b.*", CI);

	private AttributionWords() {
	}

	/**
	 * The draft with what {@code text} says of the partner's part; {@code asked} are the
	 * fields the bot asked for just before, so a bare "none" or a bare list of names
	 * answers the question about co-selling partners.
	 */
	static DealDraft read(DealDraft draft, String text, List<String> asked) {
		PartnerRole role = draft.role();
		if (INFLUENCED.matcher(text).find()) {
			role = PartnerRole.INFLUENCED;
		}
		else if (SOURCED.matcher(text).find()) {
			role = PartnerRole.SOURCED;
		}
		List<String> coSellers = draft.coSellers();
		boolean shared = draft.shared() || role == PartnerRole.INFLUENCED || SHARED.matcher(text).find();
		Matcher named = NAMES.matcher(text);
		if (named.find()) {
			List<String> names = names(named.group(1));
			coSellers = names.isEmpty() ? coSellers : names;
			shared = true;
		}
		else if (asked.contains("coSellPartners")) {
			if (NONE.matcher(text).matches()) {
				coSellers = List.of();
			}
			else if (!INFLUENCED.matcher(text).find() && !SOURCED.matcher(text).find() && !text.isBlank()) {
				coSellers = names(text);
			}
		}
		if (role == draft.role() && coSellers == draft.coSellers() && shared == draft.shared()) {
			return draft;
		}
		return draft.withAttribution(role, coSellers, shared);
	}

	private static List<String> names(String said) {
		return Arrays.stream(said.split(",|\\band\\b|&|\\bplus\\b"))
			.map(String::strip)
			.map(name -> name.replaceAll("[.!?]+$", ""))
			.filter(name -> !name.isEmpty() && !NOT_A_NAME.matcher(name).matches())
			.toList();
	}

}
