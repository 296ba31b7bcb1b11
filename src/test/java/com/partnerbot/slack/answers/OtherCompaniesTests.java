package com.partnerbot.slack.answers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.Tier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which words name a company other than the asker's own, and the question read as about
 * the asker's own company.
 */
class OtherCompaniesTests {

	private final Requester globex = new Requester.PartnerPerson("U1",
			new Partner(UUID.randomUUID(), "Globex Systems", Tier.GOLD, List.of(), List.of(), Instant.EPOCH, null));

	@Test
	void anotherCompanyNamedByItsPossessiveOrAsTheOneWhoHasIsAnotherCompany() {
		assertThat(OtherCompanies.named(globex, "what's Acme's MDF balance?")).isTrue();
		assertThat(OtherCompanies.named(globex, "how much MDF does Initech Corp have left?")).isTrue();
		assertThat(OtherCompanies.named(globex, "what's the MDF balance for Hooli?")).isTrue();
		assertThat(OtherCompanies.asOwn(globex, "what's Acme's tier?")).isEqualTo("what's our tier?");
		assertThat(OtherCompanies.asOwn(globex, "what does Acme need for Platinum?"))
			.isEqualTo("what do we need for Platinum?");
	}

	@Test
	void theAskersOwnCompanyTiersReferencesAndSentenceWordsNameNoOtherCompany() {
		assertThat(OtherCompanies.named(globex, "what's Globex's MDF balance?")).isFalse();
		assertThat(OtherCompanies.asOwn(globex, "what's Globex's MDF balance?")).isEqualTo("what's our MDF balance?");
		assertThat(OtherCompanies.named(globex, "What's Gold's MDF cap? Here's my question")).isFalse();
		// a reference of letters only is still a reference, kept as it is
		assertThat(OtherCompanies.named(globex, "when does DR-ABCDEF's protection end?")).isFalse();
		assertThat(OtherCompanies.asOwn(globex, "when does DR-ABCDEF's protection end?"))
			.isEqualTo("when does DR-ABCDEF's protection end?");
		assertThat(OtherCompanies.named(globex, "what's our MDF balance for Q1?")).isFalse();
	}

	@Test
	void staffMayAskOfAnyPartnerAndAreNeverToldSo() {
		Requester staff = new Requester.Staff("W1", false, Optional.empty());
		assertThat(OtherCompanies.named(staff, "what's Acme's MDF balance?")).isFalse();
		assertThat(OtherCompanies.asOwn(staff, "what's Acme's tier?")).isEqualTo("what's Acme's tier?");
	}

}
