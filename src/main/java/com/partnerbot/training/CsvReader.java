package com.partnerbot.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records as spreadsheets write them (RFC 4180): fields separated by commas and
 * quoted when they hold commas, quotes or line breaks, a quote inside a quoted field
 * written twice; CRLF, LF or CR line ends; a byte order mark at the start is skipped.
 * Records whose fields are all blank are skipped, since spreadsheets export empty rows as
 * lines of commas.
 */
final class CsvReader {

	private static final int NONE = -2;

	private final Reader reader;

	private int line = 1;

	private int lookahead = NONE;

	private boolean started;

	CsvReader(Reader reader) {
		this.reader = (reader instanceof BufferedReader) ? reader : new BufferedReader(reader);
	}

	/** A record and the line it starts on, counting from 1. */
	record Row(int line, List<String> fields) {

		Row {
			fields = List.copyOf(fields);
		}

		/** The field at a position, or an empty string when the record is shorter. */
		String field(int index) {
			return (index >= 0 && index < fields.size()) ? fields.get(index) : "";
		}

	}

	/** A quoted field that is never closed, so the rest of the input cannot be read. */
	static final class MalformedCsvException extends IOException {

		private final int line;

		MalformedCsvException(int line, String message) {
			super(message);
			this.line = line;
		}

		int line() {
			return line;
		}

	}

	/**
	 * The next record that is not blank, or {@code null} at the end of the input.
	 * @throws MalformedCsvException when a quoted field is not closed
	 */
	Row next() throws IOException {
		while (peek() != -1) {
			int start = line;
			List<String> fields = readRecord(start);
			if (fields.stream().anyMatch(f -> !f.isBlank())) {
				return new Row(start, fields);
			}
		}
		return null;
	}

	private List<String> readRecord(int start) throws IOException {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		while (true) {
			int c = read();
			if (c == -1 || c == '\n') {
				fields.add(field.toString());
				return fields;
			}
			if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '"' && field.toString().isBlank()) {
				// blanks typed before an opening quote are not part of the value
				field.setLength(0);
				readQuoted(field, start);
			}
			else {
				field.append((char) c);
			}
		}
	}

	private void readQuoted(StringBuilder field, int start) throws IOException {
		while (true) {
			int c = read();
			if (c == -1) {
				throw new MalformedCsvException(start, "a quoted field opened on line " + start + " is never closed");
			}
			if (c == '"') {
				if (peek() != '"') {
					return;
				}
				read();
			}
			field.append((char) c);
		}
	}

	/** The next character, CRLF and CR read as LF, counting lines. */
	private int read() throws IOException {
		int c = raw();
		if (c == '\r') {
			if (peek() == '\n') {
				raw();
			}
			c = '\n';
		}
		if (c == '\n') {
			line++;
		}
		return c;
	}

	private int peek() throws IOException {
		if (lookahead == NONE) {
			lookahead = raw();
		}
		return lookahead;
	}

	private int raw() throws IOException {
		if (lookahead != NONE) {
			int c = lookahead;
			lookahead = NONE;
			return c;
		}
		int c = reader.read();
		if (!started) {
			started = true;
			if (c == '\uFEFF') {
				c = reader.read();
			}
		}
		return c;
	}

}
