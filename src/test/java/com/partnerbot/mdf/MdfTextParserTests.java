package com.partnerbot.mdf;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MdfTextParserTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

	@Test
	void theIssuesExampleInOneMessage() {
		MdfDraft draft = MdfTextParser
			.parse("we'd like MDF for a webinar on Analytics Suite on 12 March, $6k, expecting 40 attendees", TODAY);
		assertThat(draft.activity()).isEqualTo("webinar");
		assertThat(draft.description()).isEqualTo("on Analytics Suite");
		assertThat(draft.cost()).isEqualByComparingTo("6000");
		assertThat(draft.amount()).isNull();
		assertThat(draft.startsOn()).isEqualTo(LocalDate.of(2027, 3, 12));
		assertThat(draft.attendees()).isEqualTo(40);
		assertThat(draft.missing()).isEmpty();
	}

	@Test
	void theCostAndTheFundsAskedForAreTold() {
		MdfDraft draft = MdfTextParser
			.parse("a roundtable from 2027-03-01 to 2027-03-02, cost 12,000 USD, asking for $8,000", TODAY);
		assertThat(draft.activity()).isEqualTo("event");
		assertThat(draft.cost()).isEqualByComparingTo("12000");
		assertThat(draft.amount()).isEqualByComparingTo("8000");
		assertThat(draft.startsOn()).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(draft.endsOn()).isEqualTo(LocalDate.of(2027, 3, 2));
	}

	@Test
	void whatIsNotSaidStaysUnknownAndALaterMessageAddsToIt() {
		MdfDraft first = MdfTextParser.parse("we need MDF for paid social ads", TODAY);
		assertThat(first.missing()).containsExactly("cost", "startsOn");
		MdfDraft second = first.with(MdfTextParser.parse("March 3rd, $2,500", TODAY));
		assertThat(second.activity()).isEqualTo("digital");
		assertThat(second.cost()).isEqualByComparingTo("2500");
		assertThat(second.startsOn()).isEqualTo(LocalDate.of(2027, 3, 3));
		assertThat(MdfTextParser.parse("on 31 February", TODAY).startsOn()).isNull();
	}

	@Test
	void aPlainNumberAskedForIsTheFundsAskedForAndACountIsNot() {
		MdfDraft plain = MdfTextParser.parse("I want 3000 for a webinar in February", TODAY);
		assertThat(plain.activity()).isEqualTo("webinar");
		assertThat(plain.amount()).isEqualByComparingTo("3000");
		assertThat(plain.cost()).isNull();
		MdfDraft asked = MdfTextParser.parse("can we get $2k for the trade show on 4 May?", TODAY);
		assertThat(asked.activity()).isEqualTo("event");
		assertThat(asked.amount()).isEqualByComparingTo("2000");
		assertThat(MdfTextParser.parse("we need 150 attendees for a webinar", TODAY).amount()).isNull();
		// a plain number in thousands is money: the cost, unless it is what is asked for
		MdfDraft inThousands = MdfTextParser.parse("I want to request MDF for a webinar in January, about 4k", TODAY);
		assertThat(inThousands.cost()).isEqualByComparingTo("4000");
		assertThat(inThousands.amount()).isNull();
		assertThat(MdfTextParser.parse("a trade show, budget is 12,500", TODAY).cost()).isEqualByComparingTo("12500");
		assertThat(MdfTextParser.parse("I want 3k for a webinar", TODAY).cost()).isNull();
		assertThat(MdfTextParser.parse("a webinar for 2k attendees", TODAY).cost()).isNull();
		assertThat(MdfTextParser.namesAnActivity("I want 3000 for a webinar")).isTrue();
		assertThat(MdfTextParser.namesAnActivity("I want 3000 licences for a customer")).isFalse();
	}

	@Test
	void aClaimsWordsGiveTheActualCostTheAttendanceAndTheLeads() {
		ClaimFacts facts = ClaimFacts.of("it cost $2,450.50 in the end, 22 attended live and we uploaded 31 leads");
		assertThat(facts.actualCost()).isEqualByComparingTo("2450.50");
		assertThat(facts.attendees()).isEqualTo(22);
		assertThat(facts.leads()).isEqualTo(31);
		assertThat(ClaimFacts.of("attendance was 40, leads: 12")).isEqualTo(new ClaimFacts(null, 40, 12));
		// a plain number said as what was spent is the cost; a time spent is not
		assertThat(ClaimFacts.of("we spent 5,400 on the webinar").actualCost()).isEqualByComparingTo("5400");
		assertThat(ClaimFacts.of("it came to 2.4k in the end").actualCost()).isEqualByComparingTo("2400");
		assertThat(ClaimFacts.of("we spent 3 days preparing it").isEmpty()).isTrue();
		// and in a request, what it will cost
		MdfDraft draft = MdfTextParser.parse("it'll cost about 6k, around 40 people, on Feb 12",
				LocalDate.of(2026, 12, 3));
		assertThat(draft.cost()).isEqualByComparingTo("6000");
		assertThat(draft.attendees()).isEqualTo(40);
		assertThat(ClaimFacts.of("here are the slides").isEmpty()).isTrue();
		assertThat(ClaimFacts.of(null).isEmpty()).isTrue();
		ClaimFacts later = facts.with(new ClaimFacts(null, 25, null));
		assertThat(later).isEqualTo(new ClaimFacts(facts.actualCost(), 25, 31));
	}

}
