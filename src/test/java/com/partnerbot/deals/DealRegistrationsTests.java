package com.partnerbot.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.partners.NewPartner;
import com.partnerbot.partners.PartnerManagement;
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
				LocalDate.now().plusDays(60), null, "Jane Roe, CTO, jane@" + domain, "U1");
	}

	@Test
	void aDealBelowTheMinimumOrClosingTooLateIsNotApprovedOnItsOwn() {
		NewDeal small = new NewDeal(acme, customer, customer + ".com", List.of("Analytics Suite"),
				new BigDecimal("3000"), "USD", LocalDate.now().plusMonths(10), 40, "Jane Roe, jane@x.com", "U1");
		DealRegistrations.Registration registration = registrations.register(small, "U1", null);
		assertThat(registration.deal().status()).isEqualTo(DealStatus.PENDING);
		assertThat(registration.deal().protectedUntil()).isNull();
		assertThat(registration.deal().seats()).isEqualTo(40);
		assertThat(registration.breaches()).anyMatch(b -> b.contains("minimum of 5000 USD"))
			.anyMatch(b -> b.contains("180 days"));
		assertThat(registrations.breachesOf(registration.deal())).isEqualTo(registration.breaches());

		NewDeal anonymous = new NewDeal(globex, unique("Umbrella"), unique("umbrella").toLowerCase() + ".com",
				List.of("Data Pipeline"), new BigDecimal("50000"), "USD", LocalDate.now().plusDays(30));
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
		assertThat(deal.protectedUntil()).isEqualTo(LocalDate.now().plusDays(90));
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
	void emailDomainsAndSubdomainsAreTheSameCustomer() {
		registrations.register(deal(acme, customer, "eu.shop." + customer + ".com", "Secure Gateway"), "U1", null);
		List<DealConflict> conflicts = registrations.check(globex, "Someone Else", "jane@" + customer + ".com",
				List.of("Secure Gateway"));
		assertThat(conflicts).extracting(DealConflict::kind).containsExactly(DealConflict.Kind.OTHER_PARTNER);
	}

	@Test
	void otherProductsForTheSameCustomerDoNotConflict() {
		registrations.register(deal(acme, customer, customer + ".com", "Analytics Suite"), "U1", null);
		Deal other = registrations.register(deal(globex, customer, customer + ".net", "Secure Gateway"), "U2", null)
			.deal();
		assertThat(other.status()).isEqualTo(DealStatus.APPROVED);
		assertThat(registrations.check(acme, customer, customer + ".com", List.of("Data Pipeline"))).isEmpty();
	}

	@Test
	void aDirectSalesAccountCannotBeRegisteredQuietly() {
		registrations.addDirectAccount(customer + " Holdings", customer + ".io", "jane.direct@vendor.example");
		DealRegistrations.Registration registration = registrations
			.register(deal(acme, customer, "sales." + customer + ".io", "Data Pipeline"), "U1", null);
		assertThat(registration.deal().status()).isEqualTo(DealStatus.CONFLICT);
		assertThat(registration.conflicts()).extracting(DealConflict::kind)
			.containsExactly(DealConflict.Kind.DIRECT_ACCOUNT);
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
				LocalDate.now().minusDays(1));
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
		assertThat(coSell.protectedUntil()).isEqualTo(LocalDate.now().plusDays(90));
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
		jdbc.sql("update deal_registration set protected_until = current_date + 5 where id = ?")
			.param(deal.id())
			.update();
		assertThatThrownBy(() -> registrations.extend(deal.id(), globex, "U2"))
			.isInstanceOf(com.partnerbot.platform.NotFoundException.class);
		Deal extended = registrations.extend(deal.id(), acme, "U1");
		assertThat(extended.protectedUntil()).isEqualTo(LocalDate.now().plusDays(35));
		assertThatThrownBy(() -> registrations.extend(deal.id(), acme, "U1"))
			.hasMessageContaining("extension(s) already");
		assertThat(registrations.close(deal.id(), acme, true, "U1").status()).isEqualTo(DealStatus.WON);
	}

	@Test
	void protectionEndsWithAReminderFirst() {
		Deal deal = registrations.register(deal(acme, customer, customer + ".com", "Analytics Suite"), "U1", null)
			.deal();
		jdbc.sql("update deal_registration set protected_until = current_date + 3 where id = ?")
			.param(deal.id())
			.update();
		registrations.remindAndExpire();
		assertThat(jdbc.sql("select reminded_at is not null from deal_registration where id = ?")
			.param(deal.id())
			.query(Boolean.class)
			.single()).isTrue();
		jdbc.sql("update deal_registration set protected_until = current_date - 1 where id = ?")
			.param(deal.id())
			.update();
		registrations.remindAndExpire();
		assertThat(registrations.find(deal.id()).orElseThrow().status()).isEqualTo(DealStatus.EXPIRED);
		assertThat(registrations.check(globex, customer, customer + ".com", List.of("Analytics Suite"))).isEmpty();
		assertThat(registrations.auditTrail(deal.id())).extracting(AuditEntry::action).contains("expired");
		// the customer is free again: another partner's registration is protected
		assertThat(registrations.register(deal(globex, customer, customer + ".com", "Analytics Suite"), "U2", null)
			.deal()
			.status()).isEqualTo(DealStatus.APPROVED);
	}

}
