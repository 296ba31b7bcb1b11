package com.partnerbot.surveys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void fieldsAreQuotedWhenTheyMustBeAndFormulasDefused() {
		assertThat(Csv.line("plain", null, "a,b", "say \"hi\"", "two\nlines"))
			.isEqualTo("plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
		assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(Csv.field("-5")).isEqualTo("'-5");
		assertThat(Csv.field("@home")).isEqualTo("'@home");
	}

}
