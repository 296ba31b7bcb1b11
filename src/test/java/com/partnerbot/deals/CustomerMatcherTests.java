package com.partnerbot.deals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CustomerMatcherTests {

	private static final double THRESHOLD = CustomerMatcher.DEFAULT_THRESHOLD;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			initech.com                               | initech.com
			Initech.COM                               | initech.com
			www.initech.com                           | initech.com
			initech.com.                              | initech.com
			https://www.Initech.com:8443/pricing?x=1  | initech.com
			http://initech.com#top                    | initech.com
			jane.doe@Initech.com                      | initech.com
			mailto:jane@initech.com                   | initech.com
			jane@mail.initech.com                     | initech.com
			eu.app.initech.com                        | initech.com
			shop.initech.co.uk                        | initech.co.uk
			https://shop.initech.co.uk/path           | initech.co.uk
			initech.co.uk                             | initech.co.uk
			initech.com.au                            | initech.com.au
			www.initech.com.au                        | initech.com.au
			portal.initech.org.nz                     | initech.org.nz
			initech.ac.jp                             | initech.ac.jp
			initech.ne.jp                             | initech.ne.jp
			initech.or.jp                             | initech.or.jp
			app.initech.io                            | initech.io
			initech.co                                | initech.co
			a.b.initech.de                            | initech.de
			'  initech.com  '                         | initech.com
			müller.de                                 | müller.de
			""")
	void domainsAreReducedToTheRegistrableDomain(String written, String domain) {
		assertThat(CustomerMatcher.normalizeDomain(written)).isEqualTo(domain);
	}

	@ParameterizedTest(name = "{0}")
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "initech", "Initech Corp", "initech .com", "initech. com", "jane@", "@", "https://",
			"initech..com", "-initech.com", "192.168.0.1", "..." })
	void whatIsNoDomainIsNull(String written) {
		assertThat(CustomerMatcher.normalizeDomain(written)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Initech                            | initech
			Initech, Inc.                      | initech
			INITECH INC                        | initech
			Initech Incorporated               | initech
			Initech LLC                        | initech
			Initech L.L.C.                     | initech
			Initech L L C                      | initech
			Société Générale S.A.              | societe generale
			Société Générale S. A.             | societe generale
			The Globex Corporation             | globex
			ACME  Ltd.                         | acme
			Acme Pty Ltd                       | acme
			Acme Pty. Ltd.                     | acme
			Müller GmbH                        | muller
			Müller GmbH & Co. KG               | muller
			Straße AG                          | strasse
			Nordisk A/S                        | nordisk
			Initech Holdings Group             | initech
			Initech Group plc                  | initech
			Initech Oy                         | initech
			Initech AB                         | initech
			Initech K.K.                       | initech
			Initech SE                         | initech
			Initech LLP                        | initech
			Initech Corp.                      | initech
			Smith & Co.                        | smith
			Smith & Wesson                     | smith and wesson
			Procter and Gamble                 | procter and gamble
			AT&T Inc.                          | at and t
			Macy's, Inc.                       | macys
			Hewlett-Packard Company            | hewlett packard
			Initech Systems                    | initech systems
			The Company                        | company
			Group                              | group
			'   Initech   Systems  '           | initech systems
			""")
	void namesAreNormalized(String written, String name) {
		assertThat(CustomerMatcher.normalizeName(written)).isEqualTo(name);
	}

	@ParameterizedTest(name = "{0}")
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "...", "—", "🎉" })
	void whatIsNoNameIsEmpty(String written) {
		assertThat(CustomerMatcher.normalizeName(written)).isEmpty();
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Müller GmbH              | Muller
			Initech, Inc.            | INITECH
			AT&T                     | AT and T
			The Globex Corporation   | Globex Corp.
			Société Générale S.A.    | Societe Generale
			Umbrella Corp            | umbrella corporation
			""")
	void namesWrittenDifferentlyAreTheSameCustomer(String a, String b) {
		CustomerMatcher.Match match = CustomerMatcher.compare(null, a, List.of(), null, b, List.of());
		assertThat(match.sameName()).isTrue();
		assertThat(match.nameSimilarity()).isEqualTo(1.0);
		assertThat(match.sameCustomer(THRESHOLD)).isTrue();
	}

	@ParameterizedTest(name = "{0} ≠ {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Acme Ltd             | Apex Ltd
			Initech              | Globex
			Initech Inc          | Initrode Inc
			Umbrella Corp        | Umbrella Health Corp
			Smith & Wesson       | Smith
			Globex Group         | Global Group
			""")
	void companiesSharingASuffixOrAWordAreNotTheSameCustomer(String a, String b) {
		CustomerMatcher.Match match = CustomerMatcher.compare(null, a, List.of(), null, b, List.of());
		assertThat(match.sameName()).isFalse();
		assertThat(match.sameCustomer(THRESHOLD)).as("similarity %s", match.nameSimilarity()).isFalse();
	}

	@Test
	void nearDuplicateNamesAreAlike() {
		assertThat(CustomerMatcher.similarity("initech systems", "initech systemz")).isGreaterThanOrEqualTo(0.6);
		CustomerMatcher.Match match = CustomerMatcher.compare(null, "Initech Systems Ltd", List.of(), null,
				"Initech Systemz", List.of());
		assertThat(match.sameName()).isFalse();
		assertThat(match.sameCustomer(THRESHOLD)).isTrue();
		assertThat(match.reasons()).isEqualTo("similar customer names (initech systems / initech systemz, 78% alike)");
	}

	@Test
	void differentNamesAreNotAlike() {
		assertThat(CustomerMatcher.similarity("initech", "globex")).isLessThan(0.3);
		assertThat(CustomerMatcher.similarity("acme", "apex")).isLessThan(0.3);
	}

	@Test
	void similarityIsThatOfPgTrgm() {
		// SELECT similarity('word', 'two words') gives 0.36363637 in PostgreSQL
		assertThat(CustomerMatcher.similarity("word", "two words")).isCloseTo(4.0 / 11, within(1e-9));
		// "initech" has 8 trigrams, "initech systems" 16, and they share 8
		assertThat(CustomerMatcher.similarity("initech", "initech systems")).isCloseTo(8.0 / 16, within(1e-9));
	}

	@Test
	void similarityIsSymmetricOneForEqualAndZeroForEmpty() {
		assertThat(CustomerMatcher.similarity("initech systems", "initech"))
			.isEqualTo(CustomerMatcher.similarity("initech", "initech systems"));
		assertThat(CustomerMatcher.similarity("initech", "initech")).isEqualTo(1.0);
		assertThat(CustomerMatcher.similarity("initech", "INITECH")).isEqualTo(1.0);
		assertThat(CustomerMatcher.similarity("", "")).isZero();
		assertThat(CustomerMatcher.similarity("initech", "")).isZero();
		assertThat(CustomerMatcher.similarity(null, "initech")).isZero();
		assertThat(CustomerMatcher.similarity("...", "...")).isZero();
	}

	@ParameterizedTest(name = "{0} ~ {1}")
	@CsvSource(delimiter = '|', textBlock = """
			initech.com                  | https://www.initech.com/contact
			jane@initech.com             | initech.com
			jane@eu.initech.com          | https://shop.initech.com/x
			INITECH.COM                  | initech.com.
			shop.initech.co.uk           | jane@initech.co.uk
			""")
	void domainsWrittenDifferentlyAreTheSameCustomer(String a, String b) {
		CustomerMatcher.Match match = CustomerMatcher.compare(a, "Initech", List.of(), b, "Totally Different",
				List.of());
		assertThat(match.sameDomain()).isTrue();
		assertThat(match.sameName()).isFalse();
		assertThat(match.sameCustomer(THRESHOLD)).isTrue();
	}

	@ParameterizedTest(name = "{0} ≠ {1}")
	@CsvSource(delimiter = '|', textBlock = """
			initech.co.uk      | globex.co.uk
			initech.com.au     | globex.com.au
			initech.com        | initech.io
			initech.com        | initech-labs.com
			""")
	void differentRegistrableDomainsAreNotTheSameDomain(String a, String b) {
		assertThat(CustomerMatcher.compare(a, null, List.of(), b, null, List.of()).sameDomain()).isFalse();
	}

	@ParameterizedTest(name = "{0} ~ {1}")
	@CsvSource(delimiter = '|', textBlock = """
			gmail.com              | joe@gmail.com
			jane@gmail.com         | joe@gmail.com
			https://outlook.com    | joe@outlook.com
			bob@proton.me          | joe@proton.me
			""")
	void aSharedMailProviderIsNoSharedDomain(String a, String b) {
		CustomerMatcher.Match match = CustomerMatcher.compare(a, "Initech", List.of(), b, "Globex", List.of());
		assertThat(match.sameDomain()).isFalse();
		assertThat(match.sameCustomer(THRESHOLD)).isFalse();
		assertThat(CustomerMatcher.isGenericMailDomain(a)).isTrue();
	}

	@Test
	void companyDomainsAreNotGenericMailDomains() {
		assertThat(CustomerMatcher.isGenericMailDomain("initech.com")).isFalse();
		assertThat(CustomerMatcher.isGenericMailDomain(null)).isFalse();
	}

	@Test
	void sharedProductsAreFoundIgnoringCaseInTheFirstDealsOrder() {
		CustomerMatcher.Match match = CustomerMatcher.compare("initech.com", "Initech",
				List.of("Secure Gateway", "Analytics Suite", "Data Pipeline"), "initech.com", "Initech",
				List.of("analytics suite", " SECURE GATEWAY ", "Other"));
		assertThat(match.sharedProducts()).containsExactly("Secure Gateway", "Analytics Suite");
	}

	@Test
	void sharedProductsToleratesNullsAndDuplicates() {
		CustomerMatcher.Match match = CustomerMatcher.compare(null, "Initech",
				Arrays.asList("Analytics Suite", null, "analytics suite", " "), null, "Initech",
				Arrays.asList(null, "Analytics Suite"));
		assertThat(match.sharedProducts()).containsExactly("Analytics Suite");
		assertThat(CustomerMatcher.compare(null, "Initech", null, null, "Initech", List.of("Analytics Suite"))
			.sharedProducts()).isEmpty();
	}

	@Test
	void reasonsNameTheDomainAndTheProducts() {
		CustomerMatcher.Match match = CustomerMatcher.compare("initech.com", "Initech", List.of("Analytics Suite"),
				"https://www.initech.com", "Globex", List.of("analytics suite", "Data Pipeline"));
		assertThat(match.reasons())
			.isEqualTo("same customer domain (initech.com); overlapping products: Analytics Suite");
	}

	@Test
	void reasonsNameEverythingShared() {
		CustomerMatcher.Match match = CustomerMatcher.compare("jane@shop.initech.co.uk", "Initech Ltd",
				List.of("Analytics Suite", "Data Pipeline"), "initech.co.uk", "INITECH",
				List.of("Data Pipeline", "Analytics Suite"));
		assertThat(match.reasons()).isEqualTo("same customer domain (initech.co.uk); same customer name (initech); "
				+ "overlapping products: Analytics Suite, Data Pipeline");
	}

	@Test
	void reasonsSayWhenThereIsNothingInCommon() {
		CustomerMatcher.Match match = CustomerMatcher.compare("initech.com", "Initech", List.of("Analytics Suite"),
				"globex.com", "Globex", List.of("Data Pipeline"));
		assertThat(match.sameCustomer(THRESHOLD)).isFalse();
		assertThat(match.reasons()).isEqualTo("nothing in common");
	}

	@Test
	void reasonsReportAlikeNamesFromTheThresholdGiven() {
		CustomerMatcher.Match match = CustomerMatcher.compare(null, "Initech", List.of(), null, "Initech Systems",
				List.of());
		assertThat(match.nameSimilarity()).isCloseTo(0.5, within(1e-9));
		assertThat(match.reasons()).isEqualTo("nothing in common");
		assertThat(match.reasons(0.4)).isEqualTo("similar customer names (initech / initech systems, 50% alike)");
		assertThat(match.sameCustomer(0.4)).isTrue();
	}

	@Test
	void nothingGivenIsNoMatch() {
		CustomerMatcher.Match match = CustomerMatcher.compare(null, null, null, null, null, null);
		assertThat(match.sameDomain()).isFalse();
		assertThat(match.sameName()).isFalse();
		assertThat(match.nameSimilarity()).isZero();
		assertThat(match.sharedProducts()).isEmpty();
		assertThat(match.sameCustomer(THRESHOLD)).isFalse();
		assertThat(match.reasons()).isEqualTo("nothing in common");
	}

	@Test
	void matchesMadeWithoutNamesStillGiveReasons() {
		CustomerMatcher.Match match = new CustomerMatcher.Match(true, false, 0.2, List.of("Analytics Suite"));
		assertThat(match.sameCustomer(THRESHOLD)).isTrue();
		assertThat(match.reasons()).isEqualTo("same customer domain; overlapping products: Analytics Suite");
	}

}
