package com.partnerbot.surveys;

import java.util.Arrays;
import java.util.stream.Collectors;

/** CSV lines as RFC 4180 has them, safe to open in a spreadsheet. */
final class Csv {

	private Csv() {
	}

	/** One line, ending in CRLF; null is an empty field. */
	static String line(String... fields) {
		return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
	}

	static String field(String value) {
		if (value == null) {
			return "";
		}
		String text = value;
		// a comment starting with = + - or @ would run as a formula in a spreadsheet
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
