package com.partnerbot.deals;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner's part in a deal, read from plain words.
 */
class AttributionWordsTests {

	private static DealDraft read(String text, String... asked) {
		return AttributionWords.read(DealDraft.empty(), text, List.of(asked));
	}

	@Test
	void aDealWithNoOneElseInItAsksNothing() {
		DealDraft draft = read("register Initech, initech.com, Data Pipeline, $80k, closing next month");
		assertThat(draft.role()).isNull();
		assertThat(draft.coSellers()).isNull();
		assertThat(draft.missing()).doesNotContain("role", "coSellPartners");
		assertThat(draft.toNewDeal(null).role()).isEqualTo(PartnerRole.SOURCED);
	}

	@Test
	void coSellingNamesThePartnersAndLeavesTheRoleToAsk() {
		DealDraft draft = read("register Initech, Data Pipeline, co-selling with Globex Systems and Initrode, rep me");
		assertThat(draft.coSellers()).containsExactly("Globex Systems", "Initrode");
		assertThat(draft.missing()).contains("role").doesNotContain("coSellPartners");
	}

	@Test
	void helpingOnSomeoneElsesOpportunityIsInfluencedAndAsksWhoSellsItToo() {
		DealDraft draft = read("we're helping on your team's deal with Initech");
		assertThat(draft.role()).isEqualTo(PartnerRole.INFLUENCED);
		assertThat(draft.missing()).contains("coSellPartners").doesNotContain("role");
		DealDraft none = AttributionWords.read(draft, "none", List.of("coSellPartners"));
		assertThat(none.coSellers()).isEmpty();
		assertThat(none.missing()).doesNotContain("role", "coSellPartners");
	}

	@Test
	void repliesToTheQuestionsInPlainWords() {
		DealDraft asked = read("co-selling with another partner");
		assertThat(asked.coSellers()).isNull();
		assertThat(asked.missing()).contains("role", "coSellPartners");
		DealDraft sourced = AttributionWords.read(asked, "we found it", List.of("role", "coSellPartners"));
		assertThat(sourced.role()).isEqualTo(PartnerRole.SOURCED);
		assertThat(sourced.coSellers()).isNull();
		DealDraft named = AttributionWords.read(sourced, "Globex, Initrode.", List.of("coSellPartners"));
		assertThat(named.coSellers()).containsExactly("Globex", "Initrode");
		assertThat(AttributionWords.read(asked, "influenced", List.of("role")).role())
			.isEqualTo(PartnerRole.INFLUENCED);
	}

}
