package com.partnerbot.mdf;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, e.g. {@code 2026-Q3}: accruals are reckoned per quarter.
 *
 * @param year the year
 * @param number 1 to 4
 */
public record Quarter(int year, int number) {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})-?Q([1-4])", Pattern.CASE_INSENSITIVE);

	public Quarter {
		if (number < 1 || number > 4) {
			throw new IllegalArgumentException("a quarter is numbered 1 to 4");
		}
	}

	/** The quarter a day falls in. */
	public static Quarter of(LocalDate day) {
		return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	/**
	 * Reads {@code 2026-Q3}.
	 * @throws IllegalArgumentException when the text is no quarter
	 */
	public static Quarter parse(String text) {
		Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a quarter such as 2026-Q3");
		}
		return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	public LocalDate firstDay() {
		return LocalDate.of(year, (number - 1) * 3 + 1, 1);
	}

	public LocalDate lastDay() {
		return firstDay().plusMonths(3).minusDays(1);
	}

	/** The quarter this many quarters later (or earlier, when negative). */
	public Quarter plus(int quarters) {
		return of(firstDay().plusMonths(3L * quarters));
	}

	@Override
	public String toString() {
		return year + "-Q" + number;
	}

}
