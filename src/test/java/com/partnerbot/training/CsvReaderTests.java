package com.partnerbot.training;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvReaderTests {

	private static List<CsvReader.Row> rows(String csv) throws IOException {
		CsvReader reader = new CsvReader(new StringReader(csv));
		List<CsvReader.Row> rows = new ArrayList<>();
		for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
			rows.add(row);
		}
		return rows;
	}

	@Test
	void readsPlainFields() throws IOException {
		List<CsvReader.Row> rows = rows("partner,person,course\nAcme,jane@acme.example,csp-exam\n");
		assertThat(rows).containsExactly(new CsvReader.Row(1, List.of("partner", "person", "course")),
				new CsvReader.Row(2, List.of("Acme", "jane@acme.example", "csp-exam")));
	}

	@Test
	void readsQuotedFieldsWithCommasAndDoubledQuotes() throws IOException {
		List<CsvReader.Row> rows = rows("\"Globex, Inc\",\"say \"\"hi\"\"\",\"\",x, \"spaced, too\"");
		assertThat(rows).singleElement()
			.extracting(CsvReader.Row::fields)
			.isEqualTo(List.of("Globex, Inc", "say \"hi\"", "", "x", "spaced, too"));
	}

	@Test
	void keepsEmptyFieldsAndQuotesInsideUnquotedFields() throws IOException {
		assertThat(rows("a,,c,\n").get(0).fields()).containsExactly("a", "", "c", "");
		assertThat(rows("5\" screen,b").get(0).fields()).containsExactly("5\" screen", "b");
	}

	@Test
	void readsCrlfCrAndLfLineEndsAndCountsLines() throws IOException {
		List<CsvReader.Row> rows = rows("h1,h2\r\na,b\r\n\r\nc,d\re,f\ng,h");
		assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 4, 5, 6);
		assertThat(rows.get(2).fields()).containsExactly("c", "d");
		assertThat(rows.get(4).fields()).containsExactly("g", "h");
	}

	@Test
	void skipsTheByteOrderMark() throws IOException {
		assertThat(rows("\uFEFFpartner,person\r\n").get(0).fields()).containsExactly("partner", "person");
	}

	@Test
	void skipsBlankLinesAndRowsOfEmptyFields() throws IOException {
		List<CsvReader.Row> rows = rows("\n a,b\n   \n,,,\n\r\nc,d\n\n");
		assertThat(rows).extracting(CsvReader.Row::line).containsExactly(2, 6);
		// blanks around a value are not part of it
		assertThat(rows.get(0).fields()).containsExactly("a", "b");
	}

	@Test
	void aQuotedFieldMaySpanLinesAndTheNextRowKnowsItsLine() throws IOException {
		List<CsvReader.Row> rows = rows("a,\"first\r\nsecond\"\r\nb,c\r\n");
		assertThat(rows.get(0)).isEqualTo(new CsvReader.Row(1, List.of("a", "first\nsecond")));
		assertThat(rows.get(1)).isEqualTo(new CsvReader.Row(3, List.of("b", "c")));
	}

	@Test
	void anUnclosedQuoteNamesTheLineItOpensOn() throws IOException {
		CsvReader reader = new CsvReader(new StringReader("a,b\nc,\"never closed\nd,e\n"));
		assertThat(reader.next().fields()).containsExactly("a", "b");
		CsvReader.MalformedCsvException ex = assertThrows(CsvReader.MalformedCsvException.class, reader::next);
		assertThat(ex.line()).isEqualTo(2);
		assertThat(ex.getMessage()).contains("line 2");
	}

	@Test
	void anEmptyInputHasNoRows() throws IOException {
		assertThat(rows("")).isEmpty();
		assertThat(rows("\uFEFF")).isEmpty();
	}

}
