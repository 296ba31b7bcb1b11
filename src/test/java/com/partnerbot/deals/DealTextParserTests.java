package com.partnerbot.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DealTextParserTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private final DealTextParser parser = new DealTextParser(
			List.of("Analytics Suite", "Data Pipeline", "Secure Gateway"));

	private ParsedDeal parse(String text) {
		return this.parser.parse(text, TODAY);
	}

	@Test
	void readsTheWholeExampleSentence() {
		ParsedDeal deal = parse(
				"register Initech, initech.com, 40 seats of Analytics Suite, about $120k, closing end of March");
		assertThat(deal.customerName()).isEqualTo("Initech");
		assertThat(deal.customerDomain()).isEqualTo("initech.com");
		assertThat(deal.products()).containsExactly("Analytics Suite");
		assertThat(deal.seats()).isEqualTo(40);
		assertThat(deal.amount()).isEqualByComparingTo("120000");
		assertThat(deal.currency()).isEqualTo("USD");
		assertThat(deal.expectedCloseDate()).isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(deal.contactEmail()).isNull();
		assertThat(deal.problems()).isEmpty();
	}

	@Test
	void readsALongerMessageWithEveryField() {
		ParsedDeal deal = parse("Hi! Please register a new deal for Globex Corporation (https://www.globex.com/about)."
				+ " They want 250 users of Data Pipeline and SecureGateway, budget EUR 1.2m, expected close Q2 2027."
				+ " Contact: hank.scorpio@globex.com");
		assertThat(deal.customerName()).isEqualTo("Globex Corporation");
		assertThat(deal.customerDomain()).isEqualTo("globex.com");
		assertThat(deal.products()).containsExactly("Data Pipeline", "Secure Gateway");
		assertThat(deal.seats()).isEqualTo(250);
		assertThat(deal.amount()).isEqualByComparingTo("1200000");
		assertThat(deal.currency()).isEqualTo("EUR");
		assertThat(deal.expectedCloseDate()).isEqualTo(LocalDate.of(2027, 6, 30));
		assertThat(deal.contactEmail()).isEqualTo("hank.scorpio@globex.com");
		assertThat(deal.problems()).isEmpty();
	}

	@Nested
	class Amounts {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				$120k                 | 120000     | USD
				about $120k           | 120000     | USD
				120k USD              | 120000     | USD
				120K usd              | 120000     | USD
				USD 120,000           | 120000     | USD
				US$120,000            | 120000     | USD
				1.2M EUR              | 1200000    | EUR
				EUR 1.2m              | 1200000    | EUR
				EUR1.2mm              | 1200000    | EUR
				€1.5mn                | 1500000    | EUR
				€50,000               | 50000      | EUR
				€50.000               | 50000      | EUR
				50.000 €              | 50000      | EUR
				1,5M EUR              | 1500000    | EUR
				£30k                  | 30000      | GBP
				30k pounds            | 30000      | GBP
				CAD 75000             | 75000      | CAD
				C$60k                 | 60000      | CAD
				CA$60k                | 60000      | CAD
				60k Canadian dollars  | 60000      | CAD
				A$40k                 | 40000      | AUD
				AU$40k                | 40000      | AUD
				120 000 EUR           | 120000     | EUR
				$1,250,000.50         | 1250000.50 | USD
				120 thousand dollars  | 120000     | USD
				2 million euros       | 2000000    | EUR
				$1.5bn                | 1500000000 | USD
				$2b                   | 2000000000 | USD
				120k                  | 120000     |
				1.2m                  | 1200000    |
				budget 120000         | 120000     |
				worth 95,000          | 95000      |
				deal size: 80000      | 80000      |
				""")
		void areReadWithTheirCurrency(String written, BigDecimal amount, String currency) {
			ParsedDeal deal = parse(written);
			assertThat(deal.amount()).isEqualByComparingTo(amount);
			assertThat(deal.currency()).isEqualTo(currency);
			assertThat(deal.problems()).isEmpty();
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				$120k                 | 120000     | USD
				120 000 EUR           | 120000     | EUR
				$1,250,000.50         | 1250000.50 | USD
				A$40k                 | 40000      | AUD
				2 million euros       | 2000000    | EUR
				""")
		void areReadInASentenceWithoutTakingTheOtherNumbers(String written, BigDecimal amount, String currency) {
			ParsedDeal deal = parse("register Initech, initech2027.com, 40 seats of Analytics Suite, " + written
					+ ", closing 31/03/2027");
			assertThat(deal.amount()).isEqualByComparingTo(amount);
			assertThat(deal.currency()).isEqualTo(currency);
			assertThat(deal.seats()).isEqualTo(40);
			assertThat(deal.customerDomain()).isEqualTo("initech2027.com");
			assertThat(deal.expectedCloseDate()).isEqualTo(LocalDate.of(2027, 3, 31));
			assertThat(deal.customerName()).isEqualTo("Initech");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "register Initech, 40 seats", "Initech, 40 users, closing 2027",
				"register Initech since 2019", "Initech, 40 licenses, Q2 2027", "Initech, ticket 4711",
				"initech2027.com, 12 licences", "Initech, closing 15 March 2027" })
		void areNotSeatCountsYearsDatesOrDomainDigits(String text) {
			assertThat(parse(text).amount()).isNull();
		}

		@Test
		void theFirstAmountIsTaken() {
			assertThat(parse("about $120k, maybe $150k later").amount()).isEqualByComparingTo("120000");
		}

		@Test
		void aCodeAfterADollarSignSaysWhichDollar() {
			assertThat(parse("$120k CAD").currency()).isEqualTo("CAD");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				Initech, $12x                | $12x
				Initech, budget 12x          | 12x
				Initech, budget of about 3xy | 3xy
				""")
		void thatCannotBeReadAreProblems(String text, String amount) {
			ParsedDeal deal = parse(text);
			assertThat(deal.amount()).isNull();
			assertThat(deal.problems()).containsExactly("I couldn't read the amount '" + amount + "'");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				Aperture Science, 40 seats at $3,000 per seat | $3,000 per seat
				Aperture Science, $500/user                   | $500 /user
				Aperture Science, €2k a month                 | €2k a month
				""")
		void pricesAreNotTheDealSize(String text, String price) {
			ParsedDeal deal = parse(text);
			assertThat(deal.amount()).isNull();
			assertThat(deal.problems()).containsExactly(price + " is a price, not the deal size");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				Initech, about 120-150k USD    | 120-150k USD
				Initech, $120k - $150k         | $120k - $150k
				Initech, 20k to 30k            | 20k to 30k
				Initech, €1–1.5m               | €1–1.5m
				""")
		void rangesAreProblems(String text, String range) {
			ParsedDeal deal = parse(text);
			assertThat(deal.amount()).isNull();
			assertThat(deal.problems()).containsExactly("the amount " + range + " is a range, not one deal size");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "Initech, $120k - 3 years", "Initech, closing 2027 - $120k", "Initech, $120k-ish" })
		void aDashIsNotAlwaysARange(String text) {
			ParsedDeal deal = parse(text);
			assertThat(deal.amount()).isEqualByComparingTo("120000");
		}

		@Test
		void aTotalAfterAPriceIsTheDealSize() {
			ParsedDeal deal = parse("Aperture Science, 40 seats at $500/user, $20k in total");
			assertThat(deal.amount()).isEqualByComparingTo("20000");
			assertThat(deal.problems()).isEmpty();
		}

		@Test
		void inOtherCurrenciesAreProblems() {
			ParsedDeal deal = parse("Initech, ¥5M");
			assertThat(deal.amount()).isNull();
			assertThat(deal.currency()).isNull();
			assertThat(deal.problems())
				.containsExactly("JPY is not one of the accepted currencies (USD, EUR, GBP, CAD, AUD)");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				Initech, 5k in bitcoin   | BTC
				Initech, 2 BTC           | BTC
				Initech, 40k in euros    | EUR
				""")
		void saidInACurrencyAfterInAreReadInIt(String written, String currency) {
			ParsedDeal deal = parse(written);
			if ("EUR".equals(currency)) {
				assertThat(deal.currency()).isEqualTo("EUR");
				assertThat(deal.amount()).isEqualByComparingTo("40000");
			}
			else {
				assertThat(deal.amount()).isNull();
				assertThat(deal.problems())
					.containsExactly(currency + " is not one of the accepted currencies (USD, EUR, GBP, CAD, AUD)");
			}
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				Initech, -5k USD            | -5k USD
				Initech, about minus $5,000 | minus $5,000
				""")
		void negativeAreProblems(String written, String said) {
			ParsedDeal deal = parse(written);
			assertThat(deal.amount()).isNull();
			assertThat(deal.problems())
				.containsExactly("the amount " + said + " is negative: a deal's value is what the customer pays");
		}

		@Test
		void aDashBetweenWordsAndAnAmountIsNotASign() {
			ParsedDeal deal = parse("Initech, Analytics Suite - 50k USD");
			assertThat(deal.amount()).isEqualByComparingTo("50000");
			assertThat(deal.problems()).isEmpty();
		}

		@Test
		void inTheCurrenciesTheProgramAccepts() {
			DealTextParser yen = new DealTextParser(List.of("Analytics Suite"), List.of("USD", "JPY"));
			ParsedDeal deal = yen.parse("Initech, ¥5M", TODAY);
			assertThat(deal.currency()).isEqualTo("JPY");
			assertThat(deal.amount()).isEqualByComparingTo("5000000");
			assertThat(deal.problems()).isEmpty();
		}

	}

	@Nested
	class Seats {

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "40 seats", "40 users", "40 licenses", "40 licences", "40 named users", "seats: 40",
				"40 Seats of Analytics Suite", "40+ seats" })
		void areCounted(String text) {
			ParsedDeal deal = parse("Initech, " + text);
			assertThat(deal.seats()).isEqualTo(40);
			assertThat(deal.amount()).isNull();
		}

		@Test
		void mayHaveThousandsSeparators() {
			assertThat(parse("Initech, 1,200 seats").seats()).isEqualTo(1200);
		}

		@Test
		void areNotTakenFromOtherNumbers() {
			assertThat(parse("Initech, $40k, closing 2027-03-31").seats()).isNull();
		}

	}

	@Nested
	class CloseDates {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				2027-03-31         | 2027-03-31
				31/03/2027         | 2027-03-31
				03/31/2027         | 2027-03-31
				04/03/2027         | 2027-03-04
				31.03.2027         | 2027-03-31
				31/03/27           | 2027-03-31
				March 31, 2027     | 2027-03-31
				March 31st 2027    | 2027-03-31
				31 March 2027      | 2027-03-31
				Mar 31             | 2027-03-31
				31st of March      | 2027-03-31
				March 2027         | 2027-03-31
				end of March       | 2027-03-31
				the end of March   | 2027-03-31
				late March         | 2027-03-31
				mid-April          | 2027-04-15
				mid April          | 2027-04-15
				end of November    | 2026-11-30
				Dec 15             | 2026-12-15
				Q2                 | 2027-06-30
				end of Q2          | 2027-06-30
				Q2 2027            | 2027-06-30
				Q2'28              | 2028-06-30
				Q4                 | 2026-12-31
				second quarter     | 2027-06-30
				next month         | 2026-12-31
				end of the month   | 2026-11-30
				this quarter       | 2026-12-31
				next quarter       | 2027-03-31
				end of year        | 2026-12-31
				end of the year    | 2026-12-31
				EOY                | 2026-12-31
				year-end           | 2026-12-31
				end of 2027        | 2027-12-31
				next year          | 2027-12-31
				in 60 days         | 2027-01-22
				in 3 months        | 2027-02-23
				in two weeks       | 2026-12-07
				within 90 days     | 2027-02-21
				""")
		void areReadAfterClosing(String written, LocalDate date) {
			ParsedDeal deal = parse("register Initech, 40 seats, closing " + written);
			assertThat(deal.expectedCloseDate()).isEqualTo(date);
			assertThat(deal.problems()).isEmpty();
			assertThat(deal.seats()).isEqualTo(40);
			assertThat(deal.amount()).isNull();
			assertThat(deal.customerName()).isEqualTo("Initech");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "Initech, expected close 2027-03-31", "Initech, close date: 2027-03-31",
				"Initech, by March 31, 2027", "Initech, due 31 March 2027", "Initech, 2027-03-31, $120k",
				"Initech closes in March", "signed 2026-01-05, closing 2027-03-31" })
		void areReadAfterACueOrStandingAlone(String text) {
			assertThat(parse(text).expectedCloseDate()).isEqualTo(LocalDate.of(2027, 3, 31));
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "Initech, we met on March 3", "register Initech, they may buy",
				"register Initech, 40 seats" })
		void areNotTakenFromOtherDatesOrWords(String text) {
			ParsedDeal deal = parse(text);
			assertThat(deal.expectedCloseDate()).isNull();
			assertThat(deal.problems()).isEmpty();
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "2027-02-30", "31/02/2027", "30 February 2027", "2027-13-01" })
		void thatDoNotExistAreProblems(String written) {
			ParsedDeal deal = parse("Initech, closing " + written);
			assertThat(deal.expectedCloseDate()).isNull();
			assertThat(deal.problems()).containsExactly("the close date " + written + " is not a real date");
		}

		@Test
		void inThePastAreProblems() {
			ParsedDeal deal = parse("Initech, closing 2026-01-05");
			assertThat(deal.expectedCloseDate()).isNull();
			assertThat(deal.problems()).containsExactly("the close date 2026-01-05 is in the past");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				Initech, closing today    | 0
				Initech, closes tomorrow  | 1
				""")
		void todayAndTomorrowAreReadAfterACue(String written, int days) {
			assertThat(parse(written).expectedCloseDate()).isEqualTo(TODAY.plusDays(days));
		}

		@Test
		void yesterdayIsInThePastAndAMeetingTodayIsNoCloseDate() {
			assertThat(parse("Initech, closing yesterday").problems())
				.containsExactly("the close date " + TODAY.minusDays(1) + " is in the past");
			ParsedDeal met = parse("Initech, we met today");
			assertThat(met.expectedCloseDate()).isNull();
			assertThat(met.problems()).isEmpty();
		}

		@Test
		void todayIsNotInThePast() {
			assertThat(parse("Initech, closing 2026-11-23").expectedCloseDate()).isEqualTo(TODAY);
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				closing 31/12    | 2026-12-31
				closing 15/3     | 2027-03-15
				by 3/15          | 2027-03-15
				""")
		void aDayAndMonthWithoutYearIsTheNextSuchDay(String text, LocalDate date) {
			assertThat(parse("Initech, " + text).expectedCloseDate()).isEqualTo(date);
		}

		@Test
		void aDayAndMonthWithoutYearNeedsACue() {
			ParsedDeal deal = parse("Initech, 24/7 support, 1/2 of the budget");
			assertThat(deal.expectedCloseDate()).isNull();
			assertThat(deal.problems()).isEmpty();
		}

		@Test
		void anAmbiguousNumericDateIsReadMonthFirstWhenDayFirstIsPast() {
			assertThat(parse("Initech, closing 12/11/2026").expectedCloseDate()).isEqualTo(LocalDate.of(2026, 12, 11));
			assertThat(parse("Initech, closing 05/11/2026").problems())
				.containsExactly("the close date 2026-11-05 is in the past");
		}

		@Test
		void theTwentyNinthOfFebruaryIsInTheNextLeapYear() {
			assertThat(parse("Initech, closing Feb 29").expectedCloseDate()).isEqualTo(LocalDate.of(2028, 2, 29));
		}

		@Test
		void aMonthIsThisYearsUntilItEnds() {
			LocalDate tenthOfMarch = LocalDate.of(2027, 3, 10);
			assertThat(DealTextParserTests.this.parser.parse("Initech, closing end of March", tenthOfMarch)
				.expectedCloseDate()).isEqualTo(LocalDate.of(2027, 3, 31));
			assertThat(DealTextParserTests.this.parser.parse("Initech, closing mid-March", tenthOfMarch)
				.expectedCloseDate()).isEqualTo(LocalDate.of(2027, 3, 15));
		}

		@Test
		void aPartOfAMonthThatIsOverIsInThePast() {
			ParsedDeal deal = DealTextParserTests.this.parser.parse("Initech, closing mid-March",
					LocalDate.of(2027, 3, 20));
			assertThat(deal.expectedCloseDate()).isNull();
			assertThat(deal.problems()).containsExactly("the close date 2027-03-15 is in the past");
		}

		@Test
		void aQuarterIsThisYearsUntilItEnds() {
			assertThat(parse("Initech, closing Q3").expectedCloseDate()).isEqualTo(LocalDate.of(2027, 9, 30));
		}

	}

	@Nested
	class Addresses {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				initech.com                          | initech.com
				www.initech.com                      | initech.com
				Initech.COM                          | initech.com
				https://shop.initech.co.uk/path      | shop.initech.co.uk
				http://www.initech.com:8080/x?y=1    | initech.com
				initech.com/pricing                  | initech.com
				domain: eu.initech.com.au            | eu.initech.com.au
				""")
		void domainsAreReadAsWritten(String written, String domain) {
			ParsedDeal deal = parse("register Initech, " + written + ", 40 seats");
			assertThat(deal.customerDomain()).isEqualTo(domain);
			assertThat(deal.customerName()).isEqualTo("Initech");
			assertThat(deal.seats()).isEqualTo(40);
		}

		@Test
		void slackLinksAreRead() {
			ParsedDeal deal = parse(
					"register Initech, <https://initech.com|initech.com>, <mailto:jane@initech.com|jane@initech.com>");
			assertThat(deal.customerDomain()).isEqualTo("initech.com");
			assertThat(deal.contactEmail()).isEqualTo("jane@initech.com");
			assertThat(deal.customerName()).isEqualTo("Initech");
		}

		@Test
		void anEmailGivesTheContactAndTheDomain() {
			ParsedDeal deal = parse("register Initech, contact Jane.Doe@Initech.com");
			assertThat(deal.contactEmail()).isEqualTo("Jane.Doe@initech.com");
			assertThat(deal.customerDomain()).isEqualTo("initech.com");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "jane@gmail.com", "jane@outlook.com", "jane@hotmail.com", "jane@yahoo.com",
				"jane@icloud.com", "jane@proton.me" })
		void publicMailProvidersAreNotTheCustomersDomain(String email) {
			ParsedDeal deal = parse("register Initech, contact " + email);
			assertThat(deal.contactEmail()).isEqualTo(email);
			assertThat(deal.customerDomain()).isNull();
		}

		@Test
		void aWebAddressGoesBeforeAnEmailDomain() {
			ParsedDeal deal = parse("register Initech, jane@initech-mail.com, initech.com");
			assertThat(deal.customerDomain()).isEqualTo("initech.com");
			assertThat(deal.contactEmail()).isEqualTo("jane@initech-mail.com");
		}

		@Test
		void fileNamesAreNotDomains() {
			assertThat(parse("register Initech, see proposal.pdf").customerDomain()).isNull();
		}

		@Test
		void amountsAreNotDomains() {
			assertThat(parse("register Initech, 1.2M EUR").customerDomain()).isNull();
		}

	}

	@Nested
	class Products {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				Analytics Suite    | Analytics Suite
				analytics suite    | Analytics Suite
				ANALYTICS SUITE    | Analytics Suite
				analytics-suite    | Analytics Suite
				AnalyticsSuite     | Analytics Suite
				SecureGateway      | Secure Gateway
				secure_gateway     | Secure Gateway
				Data Pipelines     | Data Pipeline
				Analytics          | Analytics Suite
				Gateway            | Secure Gateway
				Pipeline           | Data Pipeline
				""")
		void areReadByNameOrDistinctiveWord(String written, String product) {
			ParsedDeal deal = parse("register Initech, 40 seats of " + written);
			assertThat(deal.products()).containsExactly(product);
			assertThat(deal.problems()).isEmpty();
			assertThat(deal.customerName()).isEqualTo("Initech");
		}

		@Test
		void keepCatalogueOrderWithoutDuplicates() {
			ParsedDeal deal = parse("Initech: Secure Gateway, Data Pipeline and analytics suite, plus more Analytics");
			assertThat(deal.products()).containsExactly("Analytics Suite", "Data Pipeline", "Secure Gateway");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "secure the deal", "they have a lot of data", "a suite of tools" })
		void areNotReadFromGenericWords(String text) {
			assertThat(parse("Initech, " + text).products()).isEmpty();
		}

		@Test
		void aNearMissIsAProblemWithASuggestion() {
			ParsedDeal deal = parse("register Initech, 40 seats of Analytix Suite");
			assertThat(deal.products()).isEmpty();
			assertThat(deal.problems())
				.containsExactly("'Analytix Suite' is not a product in the catalogue (did you mean Analytics Suite?)");
			assertThat(deal.customerName()).isEqualTo("Initech");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				Secure Gatway     | Secure Gateway
				Data Pipelin      | Data Pipeline
				analytix suite    | Analytics Suite
				Analytics Suit    | Analytics Suite
				AnalytixSuite     | Analytics Suite
				""")
		void nearMissesSuggestTheClosestProduct(String written, String product) {
			ParsedDeal deal = parse("Initech wants " + written);
			assertThat(deal.products()).isEmpty();
			assertThat(deal.problems())
				.containsExactly("'" + written + "' is not a product in the catalogue (did you mean " + product + "?)");
		}

		@Test
		void aNearMissOfAProductAlsoNamedIsNoProblem() {
			ParsedDeal deal = parse("Initech: Analytics Suite (Analytix Suite in their RFP)");
			assertThat(deal.products()).containsExactly("Analytics Suite");
			assertThat(deal.problems()).isEmpty();
		}

		@Test
		void comeFromTheCatalogueGiven() {
			DealTextParser other = new DealTextParser(List.of("Fraud Radar", "Ledger"));
			assertThat(other.parse("register Initech, 10 seats of Radar and ledger", TODAY).products())
				.containsExactly("Fraud Radar", "Ledger");
			assertThat(other.parse("register Initech, Analytics Suite", TODAY).products()).isEmpty();
		}

		@Test
		void anEmptyCatalogueFindsNothing() {
			DealTextParser other = new DealTextParser(null);
			assertThat(other.parse("register Initech, Analytics Suite, $120k", TODAY).products()).isEmpty();
		}

	}

	@Nested
	class CustomerNames {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				register Initech, initech.com, 40 seats                           | Initech
				new deal for Globex Corporation (globex.com) for Analytics Suite  | Globex Corporation
				Customer: Umbrella Corp; domain umbrella.com                      | Umbrella Corp
				customer name = Umbrella Corp, 40 seats                           | Umbrella Corp
				deal with Soylent GmbH for 20 seats                               | Soylent GmbH
				Initech – 40 seats of Analytics Suite                             | Initech
				Initech - 40 seats of Analytics Suite                             | Initech
				Initech — $120k                                                   | Initech
				please register Hooli, 10 users                                   | Hooli
				Can you register Hooli?                                           | Hooli
				registering Vandelay Industries - $50k                            | Vandelay Industries
				opportunity with Stark Industries, Q2                             | Stark Industries
				register a new deal for Wayne Enterprises: 40 seats               | Wayne Enterprises
				register a deal: Wayne Enterprises, 40 seats                      | Wayne Enterprises
				40 seats of Data Pipeline for Wayne Enterprises                   | Wayne Enterprises
				about $120k for Cyberdyne Systems, closing Q2                     | Cyberdyne Systems
				register the Initech deal, 40 seats                               | Initech
				register Initech opportunity, 40 seats                            | Initech
				register "Massive Dynamic", 40 seats                              | Massive Dynamic
				register *Massive Dynamic*, 40 seats                              | Massive Dynamic
				register Initech, Inc., initech.com                               | Initech, Inc.
				register Initech Inc. for 40 seats                                | Initech Inc.
				register Société Générale S.A. closing Q2                         | Société Générale S.A.
				register Initech. They want 40 seats                              | Initech
				register Initech 40 seats Analytics Suite                         | Initech
				register initech closing end of March                             | initech
				register Initech at initech.com                                   | Initech
				register Initech with 40 seats                                    | Initech
				register AT&T, 40 seats                                           | AT&T
				register The Home Depot, homedepot.com                            | The Home Depot
				register Bank of America, 2,500 users, Secure Gateway             | Bank of America
				register 7-Eleven, 7-eleven.com                                   | 7-Eleven
				register L'Oréal, loreal.com, €80k                                | L'Oréal
				Initech is buying 40 seats                                        | Initech
				Please register Initech (Analytics Suite, 40 seats)               | Initech
				new opp: Globex, globex.com, Data Pipeline                        | Globex
				Deal: Globex; 40 seats                                            | Globex
				Initech                                                           | Initech
				initech                                                           | initech
				Bank of America, 40 seats                                         | Bank of America
				: Wayne Enterprises, wayne-ent.com, about 120k                    | Wayne Enterprises
				- Wayne Enterprises, 40 seats                                     | Wayne Enterprises
				""")
		void areReadFromCommonPhrasings(String text, String name) {
			assertThat(parse(text).customerName()).isEqualTo(name);
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "register Analytics Suite, 40 seats", "register initech.com, 40 seats",
				"register $120k", "register end of March", "register 2027-03-31", "register 40 seats",
				"Hi, 40 seats of Analytics Suite", "hello", "new deal", "40 seats for about $120k",
				"closing end of March, about $120k", "register jane@initech.com", "please register a deal",
				"make it 60 seats", "Make it 60 seats", "Sure, closing Q2", "actually closing in March",
				"also Data Pipeline" })
		void areNeverAProductDomainAmountDateOrGreeting(String text) {
			assertThat(parse(text).customerName()).isNull();
		}

	}

	@Nested
	class Garbage {

		@ParameterizedTest
		@NullSource
		@MethodSource("com.partnerbot.deals.DealTextParserTests#emptyMessages")
		void saysNothing(String text) {
			assertThat(parse(text)).isEqualTo(ParsedDeal.empty());
		}

		@ParameterizedTest
		@MethodSource("com.partnerbot.deals.DealTextParserTests#strangeMessages")
		@Timeout(value = 10, unit = TimeUnit.SECONDS)
		void neverFails(String text) {
			assertThatNoException().isThrownBy(() -> parse(text));
			assertThat(parse(text).problems()).isNotNull();
		}

		@Test
		@Timeout(value = 30, unit = TimeUnit.SECONDS)
		void neverFailsOnRandomText() {
			List<String> pieces = List.of("$", "€", "£", "A$", "12", "120", "1,250", ".5", "k", "m", "bn", " ", " ",
					" ", ",", ".", "-", "/", ":", "(", ")", "\"", "'", "Q2", "2027", "-02-30", "March", "mid-",
					"end of ", "in ", "60 days", "seats", "users", "@", "jane", "initech", ".com", ".co.uk", "www.",
					"https://", "Analytics", "Suite", "Analytix", "Gateway", "register ", "for ", "deal with ",
					"customer: ", "Inc.", "🎉", "\u0000", "\n", "\t", "31", "/03/", "USD", "EUR", "budget ", "é", "Ü",
					"–", "*", "_");
			Random random = new Random(2026);
			for (int i = 0; i < 2_000; i++) {
				StringBuilder text = new StringBuilder();
				int length = random.nextInt(60);
				for (int p = 0; p < length; p++) {
					text.append(pieces.get(random.nextInt(pieces.size())));
				}
				String message = text.toString();
				assertThatNoException().as("parsing %s", message).isThrownBy(() -> parse(message));
			}
		}

	}

	static Stream<String> emptyMessages() {
		return Stream.of("", "   ", "\n\t", "🎉🎉", "🎉".repeat(5_000), "x".repeat(10_000), "…", "?!", "----");
	}

	static Stream<String> strangeMessages() {
		List<String> messages = new ArrayList<>();
		messages.add("1".repeat(10_000));
		messages.add("1 ".repeat(5_000));
		messages.add("111 ".repeat(2_500));
		messages.add("1,".repeat(5_000));
		messages.add("$".repeat(10_000));
		messages.add("$1".repeat(5_000));
		messages.add("a.".repeat(5_000));
		messages.add("aa.".repeat(3_333));
		messages.add("a@".repeat(5_000));
		messages.add("register ".repeat(1_000));
		messages.add("Analytix Suite ".repeat(600));
		messages.add("March 31 ".repeat(1_000));
		messages.add("99999999999999999999 seats, $99999999999999999999bn, in 9999 years");
		messages.add("closing 9999-12-31, 0000-00-00, 00/00/00");
		messages.add("register \"Initech");
		messages.add("register '");
		messages.add("Customer:");
		messages.add("\u0000\u0000register\u0000Initech");
		messages.add("\uD83C");
		messages.add("register Initech\uD83C");
		return messages.stream();
	}

	@Test
	void aLaterMessageKeepsTheEarlierFieldsItLeavesOut() {
		DealDraft first = DealDraft.of(parse("register Initech, initech.com, 40 seats of Analytics Suite, budget 12x"));
		DealDraft second = DealDraft.of(parse("about $120k, closing end of March"));
		DealDraft merged = first.with(second);
		assertThat(first.problems()).isNotEmpty();
		assertThat(merged.customerName()).isEqualTo("Initech");
		assertThat(merged.customerDomain()).isEqualTo("initech.com");
		assertThat(merged.products()).containsExactly("Analytics Suite");
		assertThat(merged.amount()).isEqualByComparingTo("120000");
		assertThat(merged.currency()).isEqualTo("USD");
		assertThat(merged.expectedCloseDate()).isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(merged.problems()).isEmpty();
	}

	@Test
	void aLaterMessageChangesWhatItSays() {
		DealDraft first = DealDraft.of(parse("register Initech, 40 seats of Analytics Suite, $120k"));
		DealDraft second = DealDraft.of(parse("make it 60 seats of Data Pipeline, closing 2027-02-30"));
		DealDraft merged = first.with(second);
		assertThat(merged.customerName()).isEqualTo("Initech");
		assertThat(merged.products()).containsExactly("Data Pipeline");
		assertThat(merged.amount()).isEqualByComparingTo("120000");
		assertThat(merged.problems()).containsExactly("the close date 2027-02-30 is not a real date");
	}

	@Test
	void aLaterMessageThatSaysNothingKeepsEverythingButTheProblems() {
		DealDraft first = DealDraft.of(parse("register Initech, budget 12x"));
		assertThat(first.problems()).isNotEmpty();
		assertThat(first.with(DealDraft.empty())).extracting(DealDraft::customerName, DealDraft::problems)
			.containsExactly("Initech", List.of());
	}

}
