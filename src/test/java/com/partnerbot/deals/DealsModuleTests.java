package com.partnerbot.deals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerbot.TestClock;
import com.partnerbot.partners.NewPartner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.Tier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deals module on its own (with the partners and platform it depends on): what it
 * publishes for the modules that tell people, keep the CRM and score partners.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@Import(TestClock.Config.class)
// the readiness group names the index's health, which this module's context leaves out
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class DealsModuleTests {

	@Autowired
	DealRegistrations registrations;

	@Autowired
	PartnerManagement partners;

	/**
	 * A name like no other test's, so that no name similarity makes them the same
	 * customer.
	 */
	private static String fresh() {
		return "m" + UUID.randomUUID().toString().replace("-", "");
	}

	private UUID partner() {
		return partners.register(new NewPartner("Moduleco " + UUID.randomUUID(), Tier.SILVER, List.of(), List.of()))
			.id();
	}

	private NewDeal deal(UUID partner, String customer, BigDecimal amount, String... products) {
		return new NewDeal(partner, customer, customer + ".com", List.of(products), amount, "USD",
				TestClock.today().plusDays(60), null, "Jane Roe", "Sam Rep");
	}

	@Test
	void aRegistrationIsPublishedWithWhatItConflictsWith(Scenario scenario) {
		String customer = fresh();
		UUID partner = partner();
		scenario
			.stimulate(() -> registrations.register(deal(partner, customer, new BigDecimal("90000"), "Data Pipeline"),
					"U1", new ThreadRef("C_MODULE", "1700000000.000100")))
			.andWaitForEventOfType(DealEvents.Registered.class)
			.matching(registered -> registered.deal().customerName().equals(customer))
			.toArriveAndVerify(registered -> {
				assertThat(registered.deal().status()).isEqualTo(DealStatus.APPROVED);
				assertThat(registered.deal().thread()).isEqualTo(new ThreadRef("C_MODULE", "1700000000.000100"));
				assertThat(registered.conflicts()).isEmpty();
			});
	}

	@Test
	void aNamedAccountIsRejectedAsItIsPublished(Scenario scenario) {
		String customer = fresh();
		registrations.addDirectAccount(customer + " Holdings", customer + ".com", "Direct");
		UUID partner = partner();
		scenario
			.stimulate(() -> registrations.register(deal(partner, customer, new BigDecimal("90000"), "Data Pipeline"),
					"U1", null))
			.andWaitForEventOfType(DealEvents.Registered.class)
			.matching(registered -> registered.deal().customerName().equals(customer))
			.toArriveAndVerify(registered -> {
				assertThat(registered.deal().status()).isEqualTo(DealStatus.REJECTED);
				assertThat(registered.deal().decisionNote()).contains("named account");
				assertThat(registered.conflicts()).extracting(DealConflict::kind)
					.containsExactly(DealConflict.Kind.DIRECT_ACCOUNT);
			});
	}

	@Test
	void aDecisionPerProductPublishesTheSplitAndEachDecision(Scenario scenario) {
		String customer = fresh();
		UUID partner = partner();
		// below the minimum: it waits for a manager
		Deal waiting = registrations
			.register(deal(partner, customer, new BigDecimal("3000"), "Analytics Suite", "Secure Gateway"), "U1", null)
			.deal();
		scenario
			.stimulate(() -> registrations.decideByProduct(waiting.id(), Map.of("Secure Gateway", DealStatus.APPROVED),
					new Requester.Staff("W_MANAGER", false, Optional.empty()), null))
			.andWaitForEventOfType(DealEvents.Split.class)
			.matching(split -> split.from().id().equals(waiting.id()))
			.toArriveAndVerify(split -> {
				assertThat(split.from().products()).containsExactly("Analytics Suite");
				assertThat(split.parts()).singleElement().satisfies(part -> {
					assertThat(part.products()).containsExactly("Secure Gateway");
					assertThat(registrations.find(part.id()).orElseThrow().status()).isEqualTo(DealStatus.APPROVED);
				});
			});
	}

}
