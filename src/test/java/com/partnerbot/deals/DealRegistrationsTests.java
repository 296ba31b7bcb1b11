package com.partnerbot.deals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.TestClock;
import com.partnerbot.partners.NewPartner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.Tier;
import com.partnerbot.platform.ConflictException;
import com.partnerbot.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of engagement over the real database.
 */
class DealRegistrationsTests extends EndToEndTests {

	@Autowired
	DealRegistrations registrations;

	@Autowired
	PartnerManagement partners;

	private UUID acme;

	private UUID globex;

	private String customer;

	@BeforeEach
	void twoPartnersAndAFreshCustomer() {
		acme = partner("Acme ");
		globex = partner("Globex ");
		customer = unique("Initech").toLowerCase();
	}

	private UUID partner(String name) {
		return partners.register(new NewPartner(unique(name), Tier.GOLD, List.of(unique("T")), List.of())).id();
	}

	private NewDeal deal(UUID partner, String name, String domain, String... products) {
		return new NewDeal(partner, name, domain, List.of(products), new BigDecimal("120000"), "usd",
				TestClock.today().plusDays(60), null, "Jane Roe, CTO, jane@" + domain, "U1");
	}

	@Test
	void aDealBelowTheMinimumOrClosingTooLateIsNotApprovedOnItsOwn() {
		NewDeal small = new NewDeal(acme, customer, customer + ".com", List.of("Analytics Suite"),
				new BigDecimal("3000"), "USD", TestClock.today().plusMonths(10), 40, "Jane Roe, jane@x.com", "U1");
		DealRegistrations.Registration registration = registrations.register(small, "U1", null);
		assertThat(registration.deal().status()).isEqualTo(DealStatus.PENDING);
		assertThat(registration.deal().protectedUntil()).isNull();
		assertThat(registration.deal().seats()).isEqualTo(40);
		assertThat(registration.breaches()).anyMatch(b -> b.contains("minimum of 5000 USD"))
			.anyMatch(b -> b.contains("180 days"));
		assertThat(registrations.breachesOf(registration.deal())).isEqualTo(registration.breaches());

		NewDeal anonymous = new NewDeal(globex, unique("Umbrella"), unique("umbrella").toLowerCase() + ".com",
				List.of("Data Pipeline"), new BigDecimal("50000"), "USD", TestClock.today().plusDays(30));
		DealRegistrations.Registration noPeople = registrations.register(anonymous, "api", null);
		assertThat(noPeople.deal().status()).isEqualTo(DealStatus.PENDING);
		assertThat(noPeople.breaches()).containsExactly("no customer contact is named",
				"no sales representative of yours is named");
	}

	@Test
	void onlyTheConflictingProductWaitsTheCleanOneIsApproved() {
		Deal first = registrations.register(deal(acme, customer, customer + ".com", "Secure Gateway"), "U1", null)
			.deal();
		DealRegistrations.Registration both = registrations
			.register(deal(globex, customer, customer + ".com", "Secure Gateway", "Data Pipeline"), "U2", null);
		assertThat(both.deal().status()).isEqualTo(DealStatus.CONFLICT);
		assertThat(both.deal().products()).containsExactly("Secure Gateway");
		Deal clean = both.approvedPart().orElseThrow();
		assertThat(clean.status()).isEqualTo(DealStatus.APPROVED);
		assertThat(clean.products()).containsExactly("Data Pipeline");
		assertThat(clean.createdAt()).isEqualTo(both.deal().createdAt());

		// the co-sell of the conflicting part tells the first partner's registration too
		Deal coSold = registrations.decide(both.deal().id(), DealStatus.CO_SELL, "M1", null);
		assertThat(coSold.status()).isEqualTo(DealStatus.CO_SELL);
		assertThat(registrations.auditTrail(first.id())).extracting(AuditEntry::action).contains("co-sell shared");
	}

	@Test
	void aRejectionNeedsItsReasonWhichIsKept() {
		registrations.register(deal(acme, customer, customer + ".com", "Analytics Suite"), "U1", null);
		Deal second = registrations.register(deal(globex, customer, customer + ".com", "Analytics Suite"), "U2", null)
			.deal();
		assertThatThrownBy(() -> registrations.decide(second.id(), DealStatus.REJECTED, "M1", " "))
			.isInstanceOfSatisfying(com.partnerbot.platform.InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("note"));
		Deal rejected = registrations.decide(second.id(), DealStatus.REJECTED, "M1", "an earlier registration");
		assertThat(rejected.decisionNote()).isEqualTo("an earlier registration");
		assertThat(registrations.ofPartner(rejected.reference(), globex)).contains(rejected);
		assertThat(registrations.ofPartner(rejected.reference(), acme)).isEmpty();
		assertThat(registrations.ofPartner(rejected.reference().toLowerCase(), globex)).isPresent();
	}

	@Test
	void aCleanRegistrationIsApprovedAndProtectedForNinetyDays() {
		DealRegistrations.Registration registration = registrations
			.register(deal(acme, customer + " Inc.", customer + ".com", "analytics suite"), "U1", null);
		Deal deal = registration.deal();
		assertThat(registration.conflicts()).isEmpty();
		assertThat(deal.status()).isEqualTo(DealStatus.APPROVED);
		assertThat(deal.protectedUntil()).isEqualTo(TestClock.today().plusDays(90));
		assertThat(deal.products()).containsExactly("Analytics Suite");
		assertThat(deal.currency()).isEqualTo("USD");
		assertThat(deal.reference()).matches("DR-[2-9A-Z]{6}");
		assertThat(registrations.auditTrail(deal.id())).extracting(AuditEntry::action).containsExactly("registered");
	}

	@Test
	void anotherPartnerOnTheSameCustomerGoesToAManagerWithoutLearningWho() {
		registrations.register(deal(acme, customer, customer + ".com", "Analytics Suite"), "U1", null);
		DealRegistrations.Registration second = registrations.register(deal(globex, customer.toUpperCase() + ", LLC",
				"https://www." + customer + ".com/contact", "Analytics Suite", "Data Pipeline"), "U2", null);
		assertThat(second.deal().status()).isEqualTo(DealStatus.CONFLICT);
		assertThat(second.deal().protectedUntil()).isNull();
		assertThat(second.conflicts()).singleElement().satisfies(conflict -> {
			assertThat(conflict.kind()).isEqualTo(DealConflict.Kind.OTHER_PARTNER);
			assertThat(conflict.forPartner()).contains("same customer domain", "Analytics Suite")
				.doesNotContain(customer)
				.doesNotContain("protected until")
				.doesNotContain("Acme")
				.doesNotContain(acme.toString());
		});
	}

	@Test
	void preChecksAreLimitedPerPartnerAndRecorded() {
		java.util.UUID prober = java.util.UUID.randomUUID();
		for (int i = 0; i < 30; i++) {
			registrations.check(prober, "U_PROBE", "Probe Target " + i, "probe" + i + ".example",
					List.of("Secure Gateway"));
		}
		assertThatThrownBy(() -> registrations.check(prober, "U_PROBE", "One Too Many", "toomany.example",
				List.of("Secure Gateway")))
			.isInstanceOf(PreCheckLimitException.class)
			.hasMessageContaining("30 customers");
		// the thirty made are in the audit trail; the refused one was not made
		assertThat(jdbc.sql("select count(*) from deal_pre_check where partner_id = ? and checked_by = 'U_PROBE'")
			.param(prober)
			.query(Integer.class)
			.single()).isEqualTo(30);
		// another partner is not held back by this one's probing
		assertThat(registrations.check(globex, "U_TEST", "Fresh Customer", "fresh-" + customer + ".com",
				List.of("Secure Gateway")))
			.isEmpty();
	}

	@Test
	void theShareIsOfTheLastHourSlidingNotAFixedOne() {
		UUID prober = UUID.randomUUID();
		try {
			probe(prober, 15, "early");
			TestClock.get().advance(Duration.ofMinutes(30));
			probe(prober, 15, "late");
			assertThatThrownBy(() -> probe(prober, 1, "over")).isInstanceOf(PreCheckLimitException.class);
			// a minute before the early fifteen are an hour old, they all still count
			TestClock.get().advance(Duration.ofMinutes(29));
			assertThatThrownBy(() -> probe(prober, 1, "still over")).isInstanceOf(PreCheckLimitException.class);
			// a minute after, only the late fifteen count: fifteen more, and not one
			// beyond
			TestClock.get().advance(Duration.ofMinutes(2));
			probe(prober, 15, "next hour");
			assertThatThrownBy(() -> probe(prober, 1, "over again")).isInstanceOf(PreCheckLimitException.class);
		}
		finally {
			TestClock.get().reset();
		}
		assertThat(jdbc.sql("select count(*) from deal_pre_check where partner_id = ?")
			.param(prober)
			.query(Integer.class)
			.single()).isEqualTo(45);
	}

	@Test
	void preChecksAtTheSameMomentGetTheShareExactly() throws Exception {
		UUID prober = UUID.randomUUID();
		int tries = 40;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> outcomes = new ArrayList<>();
			for (int i = 0; i < tries; i++) {
				int n = i;
				outcomes.add(pool.submit(() -> {
					start.await();
					try {
						probe(prober, 1, "burst " + n);
						return true;
					}
					catch (PreCheckLimitException ex) {
						return false;
					}
				}));
			}
			start.countDown();
			int made = 0;
			for (Future<Boolean> outcome : outcomes) {
				made += outcome.get() ? 1 : 0;
			}
			assertThat(made).isEqualTo(30);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc
			.sql("select count(*), count(distinct seq), min(seq), max(seq) from deal_pre_check "
					+ "where partner_id = ?")
			.param(prober)
			.query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single()).containsExactly(30, 30, 1, 30);
	}

	/** Pre-checks a partner makes of so many customers not registered. */
	private void probe(UUID partner, int count, String name) {
		for (int i = 0; i < count; i++) {
			registrations.check(partner, "U_PROBE", "Probe " + name + " " + i, null, List.of("Secure Gateway"));
		}
	}

	@Test
	void emailDomainsAndSubdomainsAreTheSameCustomer() {
		registrations.register(deal(acme, customer, "eu.shop." + customer + ".com", "Secure Gateway"), "U1", null);
		List<DealConflict> conflicts = registrations.check(globex, "U_TEST", "Someone Else",
				"jane@" + customer + ".com", List.of("Secure Gateway"));
		assertThat(conflicts).extracting(DealConflict::kind).containsExactly(DealConflict.Kind.OTHER_PARTNER);
	}

	@Test
	void aNameSpeltOtherwiseIsTheSameCustomerAndAMerelyLikeOneIsNot() {
		Deal first = registrations
			.register(deal(acme, customer + " Systems, Inc.", customer + ".com", "Analytics Suite"), "U1", null)
			.deal();
		// another domain: the names alone tell, about 85% alike once normalized
		List<DealConflict> conflicts = registrations.check(globex, "U_TEST", customer.toUpperCase() + " SYSTEMZ GmbH",
				customer + "-systemz.de", List.of("Analytics Suite"));
		assertThat(conflicts).filteredOn(c -> first.id().equals(c.otherDealId()))
			.singleElement()
			.satisfies(c -> assertThat(c.reasons()).contains("similar customer names"));
		Deal second = registrations
			.register(deal(globex, customer + " Systemz GmbH", customer + "-systemz.de", "Analytics Suite"), "U2", null)
			.deal();
		assertThat(second.status()).isEqualTo(DealStatus.CONFLICT);

		// half of the name, another word: under the 60% from which names are the same
		// customer
		assertThat(registrations.check(globex, "U_TEST", customer.substring(0, customer.length() / 2) + " Solutions",
				customer + "-half.de", List.of("Analytics Suite")))
			.extracting(DealConflict::otherDealId)
			.doesNotContain(first.id(), second.id());
	}

	@Test
	void otherProductsForTheSameCustomerDoNotConflict() {
		registrations.register(deal(acme, customer, customer + ".com", "Analytics Suite"), "U1", null);
		Deal other = registrations.register(deal(globex, customer, customer + ".net", "Secure Gateway"), "U2", null)
			.deal();
		assertThat(other.status()).isEqualTo(DealStatus.APPROVED);
		assertThat(registrations.check(acme, "U_TEST", customer, customer + ".com", List.of("Data Pipeline")))
			.isEmpty();
	}

	@Test
	void aDirectSalesAccountCannotBeRegisteredQuietly() {
		registrations.addDirectAccount(customer + " Holdings", customer + ".io", "jane.direct@vendor.example");
		DealRegistrations.Registration registration = registrations
			.register(deal(acme, customer, "sales." + customer + ".io", "Data Pipeline"), "U1", null);
		// the library: named accounts are excluded and rejected automatically, with the
		// reason
		assertThat(registration.deal().status()).isEqualTo(DealStatus.REJECTED);
		assertThat(registration.deal().decisionNote()).contains("named account", "co-sell request");
		assertThat(registration.conflicts()).extracting(DealConflict::kind)
			.containsExactly(DealConflict.Kind.DIRECT_ACCOUNT);
		assertThat(registrations.auditTrail(registration.deal().id())).extracting(AuditEntry::action)
			.containsExactly("registered", "rejected");
	}

	@Test
	void anOpenOpportunityOfTheDirectTeamGoesToAChannelManager() {
		registrations.syncDirectAccount("crm:opportunity:" + customer, customer + " Holdings", customer + ".io",
				"Dana Direct", false);
		DealRegistrations.Registration registration = registrations
			.register(deal(acme, customer, customer + ".io", "Data Pipeline"), "U1", null);
		assertThat(registration.deal().status()).isEqualTo(DealStatus.CONFLICT);
		assertThat(registration.conflicts()).extracting(DealConflict::kind)
			.containsExactly(DealConflict.Kind.DIRECT_OPPORTUNITY);
	}

	/** A registration that waits for a manager: below the program's minimum. */
	private Deal waiting(UUID partner, String... products) {
		Deal deal = registrations
			.register(new NewDeal(partner, customer, customer + ".com", List.of(products), new BigDecimal("3000"),
					"USD", TestClock.today().plusDays(60), null, "Jane Roe", "U1"), "U1", null)
			.deal();
		assertThat(deal.status()).isEqualTo(DealStatus.PENDING);
		return deal;
	}

	@Test
	void theVendorsStaffDecideAndAPartnersOwnChannelManagerOrAnAdmin() {
		Deal deal = waiting(acme, "Data Pipeline");
		Requester partnerPerson = new Requester.PartnerPerson("U_ACME", partners.find(acme).orElseThrow());
		assertThat(registrations.mayDecide(deal, partnerPerson)).isFalse();
		assertThatThrownBy(() -> registrations.decide(deal.id(), DealStatus.APPROVED, partnerPerson, null))
			.isInstanceOf(DecisionRefusedException.class);
		assertThat(registrations.mayDecide(deal, new Requester.Staff("W_ANY", false, Optional.empty()))).isTrue();

		UUID owned = partners
			.register(new NewPartner(unique("Owned "), Tier.GOLD, List.of(unique("T")), List.of(), "W_OWNER"))
			.id();
		Deal ownedDeal = waiting(owned, "Secure Gateway");
		Requester otherManager = new Requester.Staff("W_OTHER", false, Optional.empty());
		assertThat(registrations.mayDecide(ownedDeal, otherManager)).isFalse();
		assertThatThrownBy(() -> registrations.decide(ownedDeal.id(), DealStatus.APPROVED, otherManager, null))
			.isInstanceOfSatisfying(DecisionRefusedException.class,
					ex -> assertThat(ex.channelManager()).isEqualTo("W_OWNER"));
		assertThat(registrations.mayDecide(ownedDeal, new Requester.Staff("W_ADMIN", true, Optional.empty()))).isTrue();
		assertThat(registrations
			.decide(ownedDeal.id(), DealStatus.APPROVED, new Requester.Staff("W_OWNER", false, Optional.empty()), null)
			.status()).isEqualTo(DealStatus.APPROVED);
		assertThat(registrations.find(deal.id()).orElseThrow().status()).isEqualTo(DealStatus.PENDING);
	}

	@Test
	void aManagerDecidesProductByProductAndTheRestKeepsWaiting() {
		Deal deal = waiting(acme, "Analytics Suite", "Data Pipeline", "Secure Gateway");
		Requester manager = new Requester.Staff("W_MANAGER", false, Optional.empty());
		assertThatThrownBy(() -> registrations.decideByProduct(deal.id(), Map.of("Secure Gateway", DealStatus.REJECTED),
				manager, " "))
			.isInstanceOf(InvalidInputException.class);
		DealRegistrations.ProductDecisions decisions = registrations.decideByProduct(deal.id(),
				Map.of("Analytics Suite", DealStatus.APPROVED, "Secure Gateway", DealStatus.REJECTED), manager,
				"Secure Gateway is sold by our direct team there");

		assertThat(decisions.decided()).extracting(Deal::products, Deal::status)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(List.of("Analytics Suite"), DealStatus.APPROVED),
					org.assertj.core.groups.Tuple.tuple(List.of("Secure Gateway"), DealStatus.REJECTED));
		Deal left = decisions.waiting().orElseThrow();
		assertThat(left.id()).isEqualTo(deal.id());
		assertThat(left.products()).containsExactly("Data Pipeline");
		assertThat(left.status()).isEqualTo(DealStatus.PENDING);
		// each part keeps the submission's place in line, and the partner's references
		assertThat(decisions.decided()).allSatisfy(part -> {
			assertThat(part.createdAt()).isEqualTo(deal.createdAt());
			assertThat(part.reference()).isNotEqualTo(deal.reference());
		});
		assertThat(decisions.decided()
			.stream()
			.filter(d -> d.status() == DealStatus.REJECTED)
			.findFirst()
			.orElseThrow()
			.decisionNote()).isEqualTo("Secure Gateway is sold by our direct team there");
		// the approved part protects its product; the rejected one is free for others
		assertThat(registrations.check(globex, "U_TEST", customer, customer + ".com", List.of("Analytics Suite")))
			.isNotEmpty();
		assertThat(registrations.check(globex, "U_TEST", customer, customer + ".com", List.of("Secure Gateway")))
			.isEmpty();

		// the rest decided as one: no further split
		DealRegistrations.ProductDecisions rest = registrations.decideByProduct(deal.id(),
				Map.of("Data Pipeline", DealStatus.APPROVED), manager, null);
		assertThat(rest.waiting()).isEmpty();
		assertThat(rest.decided()).extracting(Deal::id).containsExactly(deal.id());
		assertThat(registrations.forPartner(acme)).hasSize(3);
	}

	@Test
	void registeringTheSameCustomerTwiceIsRefused() {
		registrations.register(deal(acme, customer, customer + ".com", "Analytics Suite"), "U1", null);
		assertThatThrownBy(() -> registrations
			.register(deal(acme, customer + " Corp", customer + ".com", "Analytics Suite"), "U1", null))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("registered this customer already");
	}

	@Test
	void everyBadFieldIsNamed() {
		NewDeal bad = new NewDeal(acme, " ", "not a domain", List.of("Quantum Toaster"), new BigDecimal("-5"), "XYZ",
				TestClock.today().minusDays(1));
		assertThatThrownBy(() -> registrations.register(bad, "U1", null)).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(e -> e.field())
					.containsExactlyInAnyOrder("customerName", "customerDomain", "products[0]", "amount", "currency",
							"expectedCloseDate"));
	}

	@Test
	void ofManyPartnersRegisteringOneCustomerAtOnceExactlyOneIsProtected() throws Exception {
		int contenders = 8;
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < contenders; i++) {
			ids.add(partner("Racer "));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		List<Future<DealStatus>> outcomes = new ArrayList<>();
		for (UUID id : ids) {
			Callable<DealStatus> attempt = () -> {
				start.await();
				return registrations.register(deal(id, customer, customer + ".com", "Analytics Suite"), "U", null)
					.deal()
					.status();
			};
			outcomes.add(pool.submit(attempt));
		}
		start.countDown();
		List<DealStatus> statuses = new ArrayList<>();
		for (Future<DealStatus> outcome : outcomes) {
			statuses.add(outcome.get());
		}
		pool.shutdown();
		assertThat(statuses).filteredOn(s -> s == DealStatus.APPROVED).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == DealStatus.CONFLICT).hasSize(contenders - 1);
		assertThat(jdbc.sql("select count(*) from deal_registration where customer_domain = ? and status = 'APPROVED'")
			.param(customer + ".com")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theDatabaseItselfRefusesASecondLiveRegistration() {
		Deal first = registrations.register(deal(acme, customer, customer + ".com", "Analytics Suite"), "U1", null)
			.deal();
		UUID racer = UUID.randomUUID();
		jdbc.sql(
				"""
						insert into deal_registration (id, reference, partner_id, registered_by, customer_name, customer_name_key,
						    customer_domain, products, amount, currency, expected_close_date, status)
						values (?, 'DR-RACE' || substr(md5(random()::text), 1, 6), ?, 'U2', 'x', 'something else', ?,
						    '{Analytics Suite}', 1, 'USD', current_date + 10, 'APPROVED')
						""")
			.params(racer, globex, first.customerDomain())
			.update();
		assertThatThrownBy(
				() -> jdbc.sql("insert into deal_claim (claim_key, product, deal_id) values (?, 'Analytics Suite', ?)")
					.params("d:" + first.customerDomain(), racer)
					.update())
			.isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
	}

	@Test
	void managersDecideAndTheRulesHold() {
		Deal first = registrations.register(deal(acme, customer, customer + ".com", "Analytics Suite"), "U1", null)
			.deal();
		Deal second = registrations.register(deal(globex, customer, customer + ".com", "Analytics Suite"), "U2", null)
			.deal();
		assertThatThrownBy(() -> registrations.decide(second.id(), DealStatus.APPROVED, "M1", null))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("another live registration");
		Deal coSell = registrations.decide(second.id(), DealStatus.CO_SELL, "M1", "joint pursuit");
		assertThat(coSell.status()).isEqualTo(DealStatus.CO_SELL);
		assertThat(coSell.protectedUntil()).isEqualTo(TestClock.today().plusDays(90));
		assertThatThrownBy(() -> registrations.decide(second.id(), DealStatus.REJECTED, "M1", null))
			.hasMessageContaining("decided already");
		assertThat(registrations.auditTrail(second.id())).extracting(AuditEntry::action)
			.containsExactly("registered", "co_sell");
		assertThat(registrations.find(first.id()).orElseThrow().status()).isEqualTo(DealStatus.APPROVED);
	}

	@Test
	void extensionsOpenNearTheEndAndOnlyOnce() {
		Deal deal = registrations.register(deal(acme, customer, customer + ".com", "Analytics Suite"), "U1", null)
			.deal();
		assertThatThrownBy(() -> registrations.extend(deal.id(), acme, "U1")).hasMessageContaining("extensions open");
		jdbc.sql("update deal_registration set protected_until = ? where id = ?")
			.params(TestClock.today().plusDays(5), deal.id())
			.update();
		assertThatThrownBy(() -> registrations.extend(deal.id(), globex, "U2"))
			.isInstanceOf(com.partnerbot.platform.NotFoundException.class);
		Deal extended = registrations.extend(deal.id(), acme, "U1");
		assertThat(extended.protectedUntil()).isEqualTo(TestClock.today().plusDays(35));
		assertThatThrownBy(() -> registrations.extend(deal.id(), acme, "U1"))
			.hasMessageContaining("extension(s) already");
		assertThat(registrations.close(deal.id(), acme, true, "U1").status()).isEqualTo(DealStatus.WON);
	}

	@Test
	void protectionEndsWithAReminderFirst() {
		Deal deal = registrations.register(deal(acme, customer, customer + ".com", "Analytics Suite"), "U1", null)
			.deal();
		registrations.remindAndExpire();
		assertThat(reminded(deal)).isFalse();
		try {
			// 14 days before the 90 days end, then the day after
			TestClock.get().advance(Duration.ofDays(90 - 14));
			registrations.remindAndExpire();
			assertThat(reminded(deal)).isTrue();
			assertThat(registrations.find(deal.id()).orElseThrow().status()).isEqualTo(DealStatus.APPROVED);
			TestClock.get().advance(Duration.ofDays(15));
			registrations.remindAndExpire();
		}
		finally {
			TestClock.get().reset();
		}
		assertThat(registrations.find(deal.id()).orElseThrow().status()).isEqualTo(DealStatus.EXPIRED);
		assertThat(registrations.check(globex, "U_TEST", customer, customer + ".com", List.of("Analytics Suite")))
			.isEmpty();
		assertThat(registrations.auditTrail(deal.id())).extracting(AuditEntry::action).contains("expired");
		// the customer is free again: another partner's registration is protected
		assertThat(registrations.register(deal(globex, customer, customer + ".com", "Analytics Suite"), "U2", null)
			.deal()
			.status()).isEqualTo(DealStatus.APPROVED);
	}

	private boolean reminded(Deal deal) {
		return jdbc.sql("select reminded_at is not null from deal_registration where id = ?")
			.param(deal.id())
			.query(Boolean.class)
			.single();
	}

}
