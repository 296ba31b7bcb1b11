package com.partnerbot.training;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV records as spreadsheets write them (RFC 4180, through Commons CSV): fields
 * separated by commas and quoted when they hold commas, quotes or line breaks; CRLF, LF
 * or CR line ends; a byte order mark at the start is skipped. Records whose fields are
 * all blank are skipped, since spreadsheets export empty rows as lines of commas, and
 * each record knows the line it starts on, for the import's report.
 */
final class CsvReader {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		// blanks typed around a quoted value are not part of it
		.setIgnoreSurroundingSpaces(true)
		// an empty line is read as a blank record, so that line numbers stay exact
		.setIgnoreEmptyLines(false)
		.get();

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	CsvReader(Reader reader) {
		try {
			this.parser = FORMAT.parse(withoutByteOrderMark(reader));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.records = parser.iterator();
	}

	private static Reader withoutByteOrderMark(Reader reader) throws IOException {
		PushbackReader pushback = new PushbackReader(reader, 1);
		int first = pushback.read();
		if (first != -1 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
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
		while (true) {
			int start = (int) parser.getCurrentLineNumber() + 1;
			CSVRecord record;
			try {
				if (!records.hasNext()) {
					return null;
				}
				record = records.next();
			}
			catch (UncheckedIOException ex) {
				throw new MalformedCsvException(start, "a quoted field opened on line " + start + " is never closed");
			}
			List<String> fields = record.stream().map(CsvReader::oneLineEnd).toList();
			if (fields.stream().anyMatch(f -> !f.isBlank())) {
				return new Row(start, fields);
			}
		}
	}

	/** Line breaks inside a quoted value as LF, whatever the file's line ends. */
	private static String oneLineEnd(String value) {
		return value.replace("\r\n", "\n").replace('\r', '\n');
	}

}
