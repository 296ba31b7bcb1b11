package com.partnerbot.deals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;

import static com.partnerbot.Library.number;
import static com.partnerbot.Library.read;
import static com.partnerbot.Library.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo program's rules of engagement as configured ({@code partnerbot.deals.*} with
 * nothing set, as the demo runs) say what its library tells partners: the rules document,
 * the FAQ and the quarter's bulletin.
 */
class DemoRulesMatchTheLibraryTests {

	// nothing set, as the demo runs: a PARTNERBOT_DEALS_* variable on the machine running
	// the tests must not stand in for the demo's configuration
	private final DealsProperties rules = new Binder(List.of()).bindOrCreate("partnerbot.deals", DealsProperties.class);

	private final String library = read("content-index/deals/deal-registration-rules-of-engagement.md");

	private final String faq = read("content-index/deals/deal-registration-faq.md");

	private final String bulletin = read("content-index/program/q3-2026-program-updates.html");

	@Test
	void protectionAndItsExtension() {
		assertThat(number(library, "protected for \\*\\*(\\d+) days from the approval date\\*\\*"))
			.isEqualTo(rules.protectionDays());
		assertThat(number(library, "request \\*\\*one (\\d+)-day extension\\*\\*")).isEqualTo(rules.extensionDays());
		assertThat(library).contains("Only one extension is granted per registration");
		assertThat(rules.maxExtensions()).isEqualTo(1);
		assertThat(number(library, "The maximum protection for one registration is therefore (\\d+) days"))
			.isEqualTo(rules.protectionDays() + rules.maxExtensions() * rules.extensionDays());
		assertThat(number(library, "during the last (\\d+) days of the \\d+-day period"))
			.isEqualTo(rules.extensionWindowDays());
		assertThat(number(bulletin, "reminder (\\d+) days before a registration's")).isEqualTo(rules.reminderDays());
	}

	@Test
	void whatASubmissionNeeds() {
		assertThat(new BigDecimal(text(library, "\\*\\*Amount\\*\\*: [^;]*; minimum \\$([\\d,]+)").replace(",", "")))
			.isEqualByComparingTo(rules.minimumAmount().get("USD"));
		assertThat(new BigDecimal(text(faq, "must be at least \\$([\\d,]+)").replace(",", "")))
			.isEqualByComparingTo(rules.minimumAmount().get("USD"));
		assertThat(number(library, "must be within (\\d+) days of submission")).isEqualTo(rules.maxCloseDays());
		assertThat(number(faq, "No more than (\\d+) days after the submission date")).isEqualTo(rules.maxCloseDays());
		assertThat(list(text(library, "\\*\\*Currency\\*\\*: ([A-Z, or]+)\\n"))).isEqualTo(rules.currencies());
		assertThat(list(text(library, "\\*\\*Products\\*\\*: one or more of ([^,]+(?:, [A-Z][a-z]+ [A-Z][a-z]+)+)")))
			.isEqualTo(rules.products());
		assertThat(library).contains("Customer contact (name, title, email) and your sales representative");
		assertThat(rules.requireContact()).isTrue();
		assertThat(rules.requireSalesRep()).isTrue();
	}

	@Test
	void namedAccountsAreRejectedAutomatically() {
		assertThat(library).contains(
				"Named accounts are excluded from deal registration; registrations for them are rejected automatically");
		assertThat(faq).contains("named accounts (about 1,200 companies) are excluded and are rejected automatically");
		assertThat(rules.rejectNamedAccounts()).isTrue();
	}

	@Test
	void howSoonChannelManagersDecide() {
		assertThat(number(library, "reviews each complete registration within \\*\\*(\\d+) business days\\*\\*"))
			.isEqualTo(rules.responseBusinessDays());
		assertThat(number(faq, "Channel managers decide within (\\d+) business days"))
			.isEqualTo(rules.responseBusinessDays());
	}

	private static List<String> list(String words) {
		return Arrays.stream(words.split(",\\s*|\\s+or\\s+")).map(String::strip).filter(w -> !w.isEmpty()).toList();
	}

}
