package com.partnerbot.scorecards;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person's role in the partnership from their job title, as the training catalogue
 * names roles: {@code engineer} or {@code sales}; null when the title does not tell.
 */
final class Roles {

	// a sales engineer is technical presales: the engineering path fits
	private static final Pattern ENGINEER = Pattern.compile(
			"engineer|architect|developer|consultant|technical|technician|devops|implementation|administrator|\\bse\\b");

	private static final Pattern SALES = Pattern
		.compile("account (executive|manager|director)|\\bae\\b|sales|seller|business development|\\bbdr?\\b|\\bsdr\\b|"
				+ "partner manager|channel manager|representative");

	private Roles() {
	}

	static String ofTitle(String title) {
		if (title == null || title.isBlank()) {
			return null;
		}
		String text = title.toLowerCase(Locale.ROOT);
		if (ENGINEER.matcher(text).find()) {
			return "engineer";
		}
		if (SALES.matcher(text).find()) {
			return "sales";
		}
		return null;
	}

}
