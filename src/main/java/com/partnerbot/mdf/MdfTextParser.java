package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an MDF request from a partner's words by rules: the activity, its cost and the
 * funds asked for, its dates and the attendees expected. What it cannot read stays
 * unknown, and the bot asks for it.
 */
final class MdfTextParser {

	private static final Map<String, Pattern> ACTIVITIES = new LinkedHashMap<>();

	static {
		ACTIVITIES.put("webinar", words("webinars?|webcasts?|online sessions?"));
		ACTIVITIES.put("event", words("events?|seminars?|roundtables?|workshops?|booths?|trade ?shows?|conferences?"));
		ACTIVITIES.put("digital", words("digital|paid (search|social)|ads|advertising|display|linkedin|google ads"));
		ACTIVITIES.put("email", words("email|e-mail|newsletters?|mailing"));
		ACTIVITIES.put("telemarketing", words("telemarketing|appointment[- ]setting|calling campaign"));
		ACTIVITIES.put("content", words("case stud(y|ies)|content|translation|locali[sz]ation"));
	}

	private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?\\s*(k|m)?";

	private static final Pattern MONEY = Pattern.compile(
			"(?:\\$|usd\\s*|us\\$)\\s*" + NUMBER + "\\b|\\b" + NUMBER + "\\s*(?:usd|dollars|\\$)",
			Pattern.CASE_INSENSITIVE);

	// a plain number said as what was or will be spent ("it cost 5,400", "it'll cost
	// about 6k"): the request's currency is known
	private static final Pattern SPENT = Pattern.compile(
			"\\b(?:cost|costs|spent|came to|total(?:led)?|paid|budget(?:ed)?)\\s+(?:(?:of|was|is|be|will be|about|around|roughly"
					+ "|approximately|approx\\.?|~|some|us)\\s*)*" + NUMBER + "\\b"
					+ "(?!\\s*(?:attendees|people|participants|guests|leads|days|weeks|months|hours|minutes|%))",
			Pattern.CASE_INSENSITIVE);

	// a plain number in thousands ("a webinar in January, about 4k"): a count or a date
	// is never said so, so it is money; the cost unless it was asked for
	private static final Pattern THOUSANDS = Pattern
		.compile("\\b(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?\\s*(k)\\b"
				+ "(?!\\s*(?:attendees|people|participants|guests|leads|registrants|views|impressions|visitors|contacts))",
				Pattern.CASE_INSENSITIVE);

	private static final Pattern ASK = Pattern.compile(
			"(?:ask(?:ing)?\\s+for|request(?:ing)?|need|want|like|get|mdf\\s+of|funds?\\s+of|reimburse(?:ment)?\\s+of)\\s*$",
			Pattern.CASE_INSENSITIVE);

	// a plain number asked for ("I want 3000 for a webinar"): the funds asked for
	private static final Pattern PLAIN_ASK = Pattern
		.compile(
				"\\b(?:(?:i|we)(?:'d| would)?\\s+(?:like|want|need)" + "|asking\\s+for|requesting)\\s+" + NUMBER
						+ "\\b(?!\\s*(?:attendees|people|participants|guests|leads|days|weeks))",
				Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTENDEES = Pattern.compile(
			"(\\d{1,6})\\s*(?:attendees|people|participants|guests|registrants)|expect(?:ing)?\\s+(\\d{1,6})",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTENDED = Pattern
		.compile("(\\d{1,6})\\s*(?:people\\s+|live\\s+)?(?:attended|attendees|joined|showed up|participants)"
				+ "|attendance\\s*(?:of|was|:)?\\s*(\\d{1,6})", Pattern.CASE_INSENSITIVE);

	private static final Pattern LEADS = Pattern.compile(
			"(\\d{1,6})\\s*(?:new\\s+)?leads?\\b|\\bleads?\\s*(?:uploaded|were|:)?\\s*(\\d{1,6})\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");

	private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|"
			+ "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

	private static final Pattern DAY_MONTH = Pattern.compile(
			"\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + "\\b(?:,?\\s+(\\d{4}))?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern MONTH_DAY = Pattern
		.compile("\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?", Pattern.CASE_INSENSITIVE);

	private static final Pattern PRODUCT = Pattern.compile("\\b(Analytics Suite|Data Pipeline|Secure Gateway)\\b",
			Pattern.CASE_INSENSITIVE);

	private MdfTextParser() {
	}

	private static Pattern words(String alternatives) {
		return Pattern.compile("\\b(" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE);
	}

	/** Whether the words name an activity MDF pays for. */
	static boolean namesAnActivity(String text) {
		return ACTIVITIES.values().stream().anyMatch(p -> p.matcher(text).find());
	}

	/** What the words say, reckoning dates without a year from today. */
	static MdfDraft parse(String text, LocalDate today) {
		String activity = null;
		for (Map.Entry<String, Pattern> entry : ACTIVITIES.entrySet()) {
			if (entry.getValue().matcher(text).find()) {
				activity = entry.getKey();
				break;
			}
		}
		BigDecimal cost = null;
		BigDecimal amount = null;
		Matcher money = MONEY.matcher(text);
		while (money.find()) {
			BigDecimal value = (money.group(1) != null) ? value(money.group(1), money.group(2), money.group(3))
					: value(money.group(4), money.group(5), money.group(6));
			if (ASK.matcher(text.substring(0, money.start())).find()) {
				amount = value;
			}
			else if (cost == null) {
				cost = value;
			}
		}
		Matcher plain = PLAIN_ASK.matcher(text);
		if (amount == null && plain.find()) {
			amount = value(plain.group(1), plain.group(2), plain.group(3));
		}
		Matcher spent = SPENT.matcher(text);
		if (cost == null && spent.find()) {
			cost = value(spent.group(1), spent.group(2), spent.group(3));
		}
		Matcher thousands = THOUSANDS.matcher(text);
		if (cost == null && amount == null && thousands.find()) {
			cost = value(thousands.group(1), thousands.group(2), thousands.group(3));
		}
		Integer attendees = null;
		Matcher people = ATTENDEES.matcher(text);
		if (people.find()) {
			attendees = Integer.valueOf(people.group(1) != null ? people.group(1) : people.group(2));
		}
		LocalDate[] dates = dates(text, today);
		Matcher product = PRODUCT.matcher(text);
		String description = product.find() ? "on " + product.group(1) : null;
		return new MdfDraft(activity, description, cost, amount, dates[0], dates[1], attendees);
	}

	/**
	 * What a claim's words say: an amount of money is the activity's actual cost; then
	 * how many attended live and how many leads were uploaded.
	 */
	static ClaimFacts claimFacts(String text) {
		if (text == null || text.isBlank()) {
			return ClaimFacts.NONE;
		}
		Matcher money = MONEY.matcher(text);
		Matcher spent = SPENT.matcher(text);
		BigDecimal cost = money.find()
				? ((money.group(1) != null) ? value(money.group(1), money.group(2), money.group(3))
						: value(money.group(4), money.group(5), money.group(6)))
				: spent.find() ? value(spent.group(1), spent.group(2), spent.group(3)) : null;
		return new ClaimFacts(cost, whole(ATTENDED.matcher(text)), whole(LEADS.matcher(text)));
	}

	private static Integer whole(Matcher matcher) {
		return !matcher.find() ? null : Integer.valueOf(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
	}

	private static BigDecimal value(String whole, String cents, String scale) {
		BigDecimal value = new BigDecimal(whole.replace(",", "") + (cents != null ? "." + cents : ""));
		if (scale != null) {
			value = value
				.multiply(scale.equalsIgnoreCase("k") ? BigDecimal.valueOf(1000) : BigDecimal.valueOf(1000000));
		}
		return value.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	/** The first and, when given, the second date the words name. */
	private static LocalDate[] dates(String text, LocalDate today) {
		LocalDate[] found = new LocalDate[2];
		int n = 0;
		Matcher iso = ISO_DATE.matcher(text);
		while (iso.find() && n < 2) {
			try {
				found[n++] = LocalDate.parse(iso.group(1));
			}
			catch (java.time.format.DateTimeParseException ex) {
				// not a real day: left unknown, and asked for
			}
		}
		for (Pattern pattern : new Pattern[] { DAY_MONTH, MONTH_DAY }) {
			Matcher m = pattern.matcher(text);
			while (m.find() && n < 2) {
				boolean dayFirst = pattern == DAY_MONTH;
				LocalDate day = day(Integer.parseInt(dayFirst ? m.group(1) : m.group(2)),
						month(dayFirst ? m.group(2) : m.group(1)), m.group(3), today);
				if (day != null) {
					found[n++] = day;
				}
			}
		}
		return found;
	}

	private static Month month(String name) {
		String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
		for (Month month : Month.values()) {
			if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(prefix)) {
				return month;
			}
		}
		return null;
	}

	private static LocalDate day(int dayOfMonth, Month month, String year, LocalDate today) {
		if (month == null || dayOfMonth < 1 || dayOfMonth > month.maxLength()) {
			return null;
		}
		try {
			if (year != null) {
				return LocalDate.of(Integer.parseInt(year), month, dayOfMonth);
			}
			LocalDate thisYear = LocalDate.of(today.getYear(), month, dayOfMonth);
			// a day without a year is the next one to come
			return thisYear.isBefore(today) ? thisYear.plusYears(1) : thisYear;
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

}
