package com.partnerbot.assistant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kind of answer a question asks for, and whether the demo library's own passages, as
 * the answer quotes them, hold one.
 */
class ExpectedAnswerTests {

	private static final String TIERS = "Northwind Cloud Partner Program Guide > How tiers work\n";

	@Test
	void aCountCountsTheNounItsQuestionNames() {
		assertThat(ExpectedAnswer.of("How many certified engineers does Gold need?"))
			.isEqualTo(new ExpectedAnswer(ExpectedAnswer.Kind.COUNT, "engineers"));
		assertThat(ExpectedAnswer.of("How many free passes to Northwind Connect do we get?"))
			.isEqualTo(new ExpectedAnswer(ExpectedAnswer.Kind.COUNT, "passes"));
		assertThat(ExpectedAnswer.of("how many employees?"))
			.isEqualTo(new ExpectedAnswer(ExpectedAnswer.Kind.COUNT, "employees"));
		// how often is said "once" or "one extension", never beside "times"
		assertThat(ExpectedAnswer.of("How many times can we extend a deal registration?"))
			.isEqualTo(new ExpectedAnswer(ExpectedAnswer.Kind.COUNT, null));
		// nothing named to count: not checked
		assertThat(ExpectedAnswer.of("How many of our people need to be certified?")).isNull();
		assertThat(ExpectedAnswer.of("What discount do we get?")).isNull();
		assertThat(ExpectedAnswer.of("How much MDF do we get as Silver?")).isNull();
	}

	@Test
	void aCodeIsAskedForAsSomethingToEnter() {
		assertThat(ExpectedAnswer.of("What's the promo code for Northwind Academy?"))
			.isEqualTo(new ExpectedAnswer(ExpectedAnswer.Kind.CODE, null));
		assertThat(ExpectedAnswer.of("Is there a registration code for Northwind Connect 2026?"))
			.isEqualTo(new ExpectedAnswer(ExpectedAnswer.Kind.CODE, null));
		// a code of rules is not a token to type in
		assertThat(ExpectedAnswer.of("What's the dress code for the advisory council meeting?")).isNull();
		assertThat(ExpectedAnswer.of("Is there a code of conduct for partners?")).isNull();
	}

	@Test
	void theTierTableCountsEngineersAndSalesProfessionalsNotEmployees() throws IOException {
		String table = TIERS + between("content-index/program/partner-program-guide.md", "| Tier |", "\n\nPSAT");
		assertThat(ExpectedAnswer.of("How many employees does Northwind have?").heldBy(table)).isFalse();
		assertThat(ExpectedAnswer.of("How many certified engineers does Gold need?").heldBy(table)).isTrue();
		// an abbreviation of the library's word ("certs", certifications) names it
		assertThat(ExpectedAnswer.of("How many certs do we need for Gold?").heldBy(table)).isTrue();
		// the list above the table names employees and "two measures" in its lead-in: a
		// quote of it counts as holding a number beside them, as the check reads a unit
		// whole to refuse only quotes with no count of the noun at all
		String listing = TIERS
				+ between("content-index/program/partner-program-guide.md", "Your tier is based on", "\n\n| Tier");
		assertThat(ExpectedAnswer.of("How many employees does Northwind have?").heldBy(listing)).isTrue();
		String item = TIERS + between("content-index/program/partner-program-guide.md", "**Certifications**", "\n");
		assertThat(ExpectedAnswer.of("How many employees does Northwind have?").heldBy(item)).isFalse();
	}

	@Test
	void aNumberBesideTheCountedNounAnywhereInTheUnitAnswers() throws IOException {
		String glossary = "NORTHWIND CLOUD PARTNER PROGRAM: GLOSSARY OF TERMS > CERTIFIED ENGINEER\n"
				+ between("content-index/program/program-terms-glossary.txt", "An employee with", "\n");
		// "employee" in the definition, "Gold needs 2" after it
		assertThat(ExpectedAnswer.of("How many employees must be certified engineers for Gold?").heldBy(glossary))
			.isTrue();
		String buyer = "Product FAQ: Analytics Suite > Product overview > Who is the typical buyer?\n"
				+ between("content-index/products/analytics-suite-faq.md", "Heads of data", "\n");
		assertThat(ExpectedAnswer.of("How many employees do typical buyers' companies have?").heldBy(buyer)).isTrue();
		String events = "Quarterly Program Updates: Q3 2026 > Events\n" + between(
				"content-index/program/q3-2026-program-updates.html", "Northwind Connect 2026</strong>", "</p>");
		// "one free pass and Platinum partners two"
		assertThat(ExpectedAnswer.of("How many free passes do Platinum partners get?").heldBy(events)).isTrue();
		assertThat(ExpectedAnswer.of("How many hotels are near the venue?").heldBy(events)).isFalse();
	}

	@Test
	void theLibrarysDatesNumbersAndNamesAreNotCodes() throws IOException {
		ExpectedAnswer code = ExpectedAnswer.of("What's the hotel discount code for Northwind Connect?");
		String events = "Quarterly Program Updates: Q3 2026 > Events\n" + between(
				"content-index/program/q3-2026-program-updates.html", "Northwind Connect 2026</strong>", "</p>");
		assertThat(code.heldBy(events)).isFalse();
		String table = TIERS + between("content-index/program/partner-program-guide.md", "| Tier |", "\n\nPSAT");
		assertThat(code.heldBy(table)).isFalse();
		// what a code looks like, should the library ever print one
		assertThat(code.heldBy("Book with code NWCONNECT for the partner rate.")).isTrue();
		assertThat(code.heldBy("Use CONNECT26 when booking.")).isTrue();
	}

	/**
	 * The text of a library file from the first occurrence of a string to the next end.
	 */
	private static String between(String file, String from, String end) throws IOException {
		String text = Files.readString(Path.of(file));
		int start = text.indexOf(from);
		assertThat(start).as(from).isGreaterThanOrEqualTo(0);
		int stop = text.indexOf(end, start + from.length());
		return text.substring(start, (stop < 0) ? text.length() : stop);
	}

}
