package com.partnerbot.slack.answers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

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

	// the names the enablement library uses: the vendor's and its products'
	private static final Predicate<String> LIBRARY = Set.of("northwind", "secure gateway")::contains;

	private final Requester globex = new Requester.PartnerPerson("U1",
			new Partner(UUID.randomUUID(), "Globex Systems", Tier.GOLD, List.of(), List.of(), Instant.EPOCH, null));

	@Test
	void anotherCompanyNamedByItsPossessiveOrAsTheOneWhoHasIsAnotherCompany() {
		assertThat(OtherCompanies.named(globex, "what's Acme's MDF balance?", LIBRARY)).isTrue();
		assertThat(OtherCompanies.named(globex, "how much MDF does Initech Corp have left?", LIBRARY)).isTrue();
		assertThat(OtherCompanies.named(globex, "what's the MDF balance for Hooli?", LIBRARY)).isTrue();
		assertThat(OtherCompanies.asOwn(globex, "what's Acme's tier?", LIBRARY)).isEqualTo("what's our tier?");
		assertThat(OtherCompanies.asOwn(globex, "what does Acme need for Platinum?", LIBRARY))
			.isEqualTo("what do we need for Platinum?");
	}

	@Test
	void theAskersOwnCompanyTiersReferencesAndSentenceWordsNameNoOtherCompany() {
		assertThat(OtherCompanies.named(globex, "what's Globex's MDF balance?", LIBRARY)).isFalse();
		assertThat(OtherCompanies.asOwn(globex, "what's Globex's MDF balance?", LIBRARY))
			.isEqualTo("what's our MDF balance?");
		assertThat(OtherCompanies.named(globex, "What's Gold's MDF cap? Here's my question", LIBRARY)).isFalse();
		// a reference of letters only is still a reference, kept as it is
		assertThat(OtherCompanies.named(globex, "when does DR-ABCDEF's protection end?", LIBRARY)).isFalse();
		assertThat(OtherCompanies.asOwn(globex, "when does DR-ABCDEF's protection end?", LIBRARY))
			.isEqualTo("when does DR-ABCDEF's protection end?");
		assertThat(OtherCompanies.named(globex, "what's our MDF balance for Q1?", LIBRARY)).isFalse();
	}

	@Test
	void aNameTheLibraryUsesIsTheVendorsNotACompanysAndStaysAQuestionForTheLibrary() {
		assertThat(OtherCompanies.named(globex, "what is Northwind's MDF program?", LIBRARY)).isFalse();
		assertThat(OtherCompanies.asOwn(globex, "what is Northwind's MDF program?", LIBRARY))
			.isEqualTo("what is Northwind's MDF program?");
		assertThat(OtherCompanies.asOwn(globex, "what's Secure Gateway's status?", LIBRARY))
			.isEqualTo("what's Secure Gateway's status?");
	}

	@Test
	void staffMayAskOfAnyPartnerAndAreNeverToldSo() {
		Requester staff = new Requester.Staff("W1", false, Optional.empty());
		assertThat(OtherCompanies.named(staff, "what's Acme's MDF balance?", LIBRARY)).isFalse();
		assertThat(OtherCompanies.asOwn(staff, "what's Acme's tier?", LIBRARY)).isEqualTo("what's Acme's tier?");
	}

}
