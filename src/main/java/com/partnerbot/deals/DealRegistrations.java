package com.partnerbot.deals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.platform.ApiError;
import com.partnerbot.platform.ConflictException;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.platform.NotFoundException;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals module's API: checking a deal against the rules of engagement, registering
 * it, channel managers' decisions, and the registration's lifecycle. Every change is
 * audited and published as a {@link DealEvents} event.
 */
@Service
@RequiredArgsConstructor
public class DealRegistrations {

	private static final Logger log = LoggerFactory.getLogger(DealRegistrations.class);

	private static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private final Deals deals;

	private final PartnerManagement partners;

	private final DealsProperties rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final PreChecks preChecks;

	/** The field errors of a submission; empty when it can be registered. */
	public List<ApiError.FieldError> validate(NewDeal deal) {
		List<ApiError.FieldError> errors = new ArrayList<>();
		if (deal.partnerId() == null) {
			errors.add(new ApiError.FieldError("partnerId", "is required"));
		}
		else if (partners.find(deal.partnerId()).isEmpty()) {
			errors.add(new ApiError.FieldError("partnerId", "no partner with id " + deal.partnerId()));
		}
		if (deal.customerName() == null || deal.customerName().isBlank()) {
			errors.add(new ApiError.FieldError("customerName", "is required"));
		}
		else if (deal.customerName().length() > 200) {
			errors.add(new ApiError.FieldError("customerName", "is longer than 200 characters"));
		}
		else if (CustomerMatcher.normalizeName(deal.customerName()).isEmpty()) {
			errors.add(new ApiError.FieldError("customerName", "needs a company name, not only a legal form"));
		}
		if (deal.customerDomain() == null || deal.customerDomain().isBlank()) {
			errors.add(new ApiError.FieldError("customerDomain", "is required, e.g. initech.com"));
		}
		else if (CustomerMatcher.normalizeDomain(deal.customerDomain()) == null) {
			errors.add(new ApiError.FieldError("customerDomain",
					"'" + deal.customerDomain() + "' is not a domain, e.g. initech.com"));
		}
		if (deal.products().isEmpty()) {
			errors.add(
					new ApiError.FieldError("products", "name at least one of " + String.join(", ", rules.products())));
		}
		for (int i = 0; i < deal.products().size(); i++) {
			if (canonicalProduct(deal.products().get(i)).isEmpty()) {
				errors.add(new ApiError.FieldError("products[" + i + "]", "'" + deal.products().get(i)
						+ "' is not in the catalogue: " + String.join(", ", rules.products())));
			}
		}
		if (deal.amount() == null) {
			errors.add(new ApiError.FieldError("amount", "is required"));
		}
		else if (deal.amount().signum() <= 0) {
			errors.add(new ApiError.FieldError("amount", "must be more than zero"));
		}
		else if (deal.amount().compareTo(new BigDecimal("1000000000000")) >= 0 || deal.amount().scale() > 2) {
			errors.add(new ApiError.FieldError("amount", "must have at most two decimals and be less than 10^12"));
		}
		if (deal.currency() == null || deal.currency().isBlank()) {
			errors.add(new ApiError.FieldError("currency",
					"is required: one of " + String.join(", ", rules.currencies())));
		}
		else if (!rules.currencies().contains(deal.currency().strip().toUpperCase(Locale.ROOT))) {
			errors.add(new ApiError.FieldError("currency",
					"'" + deal.currency() + "' is not accepted: one of " + String.join(", ", rules.currencies())));
		}
		for (int i = 0; i < deal.coSellPartners().size(); i++) {
			UUID other = deal.coSellPartners().get(i);
			if (other == null || other.equals(deal.partnerId()) || partners.find(other).isEmpty()) {
				errors.add(new ApiError.FieldError("coSellPartners[" + i + "]",
						"must be another registered partner's id"));
			}
		}
		LocalDate today = LocalDate.now(clock);
		if (deal.expectedCloseDate() == null) {
			errors.add(new ApiError.FieldError("expectedCloseDate", "is required (YYYY-MM-DD)"));
		}
		else if (deal.expectedCloseDate().isBefore(today)) {
			errors.add(new ApiError.FieldError("expectedCloseDate", "is in the past"));
		}
		if (deal.seats() != null && deal.seats() <= 0) {
			errors.add(new ApiError.FieldError("seats", "must be more than zero"));
		}
		if (deal.customerContact() != null && deal.customerContact().length() > 300) {
			errors.add(new ApiError.FieldError("customerContact", "is longer than 300 characters"));
		}
		if (deal.salesRep() != null && deal.salesRep().length() > 300) {
			errors.add(new ApiError.FieldError("salesRep", "is longer than 300 characters"));
		}
		return errors;
	}

	/**
	 * The rules of engagement a valid submission breaks, in words the partner is told: a
	 * registration that breaks one is never approved on its own, a channel manager
	 * decides (the library lists these as the usual reasons to reject).
	 */
	public List<String> ruleBreaches(NewDeal deal) {
		List<String> breaches = new ArrayList<>();
		String currency = deal.currency() == null ? null : deal.currency().strip().toUpperCase(Locale.ROOT);
		if (deal.amount() != null && currency != null) {
			BigDecimal minimum = rules.minimumAmount().get(currency);
			if (minimum == null) {
				breaches.add("the program's minimum is set in " + String.join(", ", rules.minimumAmount().keySet())
						+ " only, so a channel manager checks an amount in " + currency);
			}
			else if (deal.amount().compareTo(minimum) < 0) {
				breaches
					.add("the amount is below the program's minimum of " + minimum.toPlainString() + " " + currency);
			}
		}
		LocalDate today = LocalDate.now(clock);
		if (deal.expectedCloseDate() != null
				&& deal.expectedCloseDate().isAfter(today.plusDays(rules.maxCloseDays()))) {
			breaches.add("the expected close is more than " + rules.maxCloseDays() + " days after the submission");
		}
		if (rules.requireContact() && (deal.customerContact() == null || deal.customerContact().isBlank())) {
			breaches.add("no customer contact is named");
		}
		if (rules.requireSalesRep() && (deal.salesRep() == null || deal.salesRep().isBlank())) {
			breaches.add("no sales representative of yours is named");
		}
		return breaches;
	}

	/**
	 * What a registration would conflict with, as the partner may be told, without
	 * registering. Each check is recorded and counted against the partner's share.
	 * @throws PreCheckLimitException when the partner has checked too many customers
	 * lately
	 */
	@Transactional(noRollbackFor = PreCheckLimitException.class)
	public List<DealConflict> check(UUID partnerId, String checkedBy, String customerName, String customerDomain,
			List<String> products) {
		preChecks.record(partnerId, checkedBy, customerName, customerDomain, products);
		return conflicts(partnerId, CustomerMatcher.normalizeDomain(customerDomain),
				CustomerMatcher.normalizeName(customerName), customerName, canonical(products));
	}

	/**
	 * The outcome of a registration: the deal, what it conflicts with, the rules it
	 * breaks, and the part approved on its own when only some products conflicted.
	 */
	public record Registration(Deal deal, List<DealConflict> conflicts, List<String> breaches,
			Optional<Deal> approvedPart) {
	}

	/**
	 * Registers a deal. Checks run again here, under a lock per customer, and the
	 * database refuses a second live registration of the same domain or name: of two
	 * partners registering the same customer at the same moment, one is protected and the
	 * other goes to a channel manager. When only some of its products conflict with other
	 * partners' registrations, the clean ones are registered (and approved) on their own
	 * and the conflicting ones wait for a channel manager.
	 * @throws InvalidInputException when a field is wrong
	 * @throws ConflictException when the partner has this customer registered already
	 */
	@Transactional
	public Registration register(NewDeal deal, String registeredBy, ThreadRef thread) {
		List<ApiError.FieldError> errors = validate(deal);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String domain = CustomerMatcher.normalizeDomain(deal.customerDomain());
		String nameKey = CustomerMatcher.normalizeName(deal.customerName());
		// one registration at a time per customer; sorted so two keys never deadlock
		new TreeSet<>(domain != null ? List.of("d:" + domain, "n:" + nameKey) : List.of("n:" + nameKey))
			.forEach(deals::lock);
		List<String> products = canonical(deal.products());
		List<DealConflict> conflicts = conflicts(deal.partnerId(), domain, nameKey, deal.customerName(), products);
		Optional<DealConflict> own = conflicts.stream()
			.filter(c -> c.kind() == DealConflict.Kind.OWN_REGISTRATION)
			.findFirst();
		if (own.isPresent()) {
			String reference = deals.find(own.get().otherDealId()).map(Deal::reference).orElse("");
			throw new ConflictException("customerName",
					"you registered this customer already (" + reference + "): " + own.get().reasons());
		}
		List<String> breaches = ruleBreaches(deal);
		List<String> contested = conflicts.stream().flatMap(c -> c.products().stream()).distinct().toList();
		List<String> clean = products.stream().filter(p -> !contested.contains(p)).toList();
		boolean split = rules.autoApprove() && breaches.isEmpty() && !clean.isEmpty() && !conflicts.isEmpty()
				&& conflicts.stream().allMatch(c -> c.kind() == DealConflict.Kind.OTHER_PARTNER);
		java.time.Instant submitted = clock.instant();
		Optional<Deal> approvedPart = Optional.empty();
		try {
			if (split) {
				Deal part = store(deal, clean, DealStatus.APPROVED, null, registeredBy, thread, submitted, domain,
						nameKey, null);
				approvedPart = Optional.of(part);
				products = contested;
			}
			// the library: named accounts are excluded and rejected automatically
			boolean namedAccount = rejectedAtOnce(conflicts);
			DealStatus status = namedAccount ? DealStatus.REJECTED : !conflicts.isEmpty() ? DealStatus.CONFLICT
					: (rules.autoApprove() && breaches.isEmpty()) ? DealStatus.APPROVED : DealStatus.PENDING;
			List<String> reasons = new ArrayList<>(conflicts.stream().map(c -> c.kind() + ": " + c.reasons()).toList());
			breaches.forEach(b -> reasons.add(RULE + b));
			Deal stored = store(deal, products, status, reasons.isEmpty() ? null : String.join("\n", reasons),
					registeredBy, thread, submitted, domain, nameKey, approvedPart.map(Deal::id).orElse(null));
			if (namedAccount) {
				deals.updateStatus(stored.id(), DealStatus.REJECTED, DealStatus.REJECTED, null, RULES, NAMED_ACCOUNT);
				deals.audit(stored.id(), "rejected", RULES, NAMED_ACCOUNT);
				stored = get(stored.id());
			}
			log.info("Deal {} registered by partner {}: {}", stored.reference(), stored.partnerId(), stored.status());
			approvedPart.ifPresent(part -> events.publishEvent(new DealEvents.Registered(part, List.of())));
			events.publishEvent(new DealEvents.Registered(stored, conflicts));
			return new Registration(stored, conflicts, breaches, approvedPart);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("customerName",
					"another registration of this customer was submitted at the same moment; try again to see it");
		}
	}

	/**
	 * Whether a registration with these conflicts is rejected as soon as it is submitted
	 * (a named account of the direct sales team, when the rules say so).
	 */
	public boolean rejectedAtOnce(List<DealConflict> conflicts) {
		return rules.rejectNamedAccounts()
				&& conflicts.stream().anyMatch(c -> c.kind() == DealConflict.Kind.DIRECT_ACCOUNT);
	}

	/** Marks a rule the registration breaks among its reasons to wait for a manager. */
	private static final String RULE = "RULE: ";

	/** Who decided a registration the rules of engagement settle on their own. */
	private static final String RULES = "rules";

	private static final String NAMED_ACCOUNT = "the customer is a named account of our direct sales team, "
			+ "which cannot be deal-registered: submit a co-sell request instead";

	private Deal store(NewDeal deal, List<String> products, DealStatus status, String reasons, String registeredBy,
			ThreadRef thread, java.time.Instant submitted, String domain, String nameKey, UUID splitFrom) {
		LocalDate today = LocalDate.now(clock);
		Deal created = new Deal(UUID.randomUUID(), reference(), deal.partnerId(), registeredBy,
				deal.customerName().strip(), domain, products, deal.amount(),
				deal.currency().strip().toUpperCase(Locale.ROOT), deal.expectedCloseDate(), status,
				status == DealStatus.APPROVED ? today.plusDays(rules.protectionDays()) : null, 0, reasons, thread,
				submitted, deal.seats(), blankToNull(deal.customerContact()), blankToNull(deal.salesRep()), null,
				deal.role(), deal.coSellPartners(), null);
		deals.insert(created, nameKey, splitFrom);
		if (status == DealStatus.APPROVED || status == DealStatus.PENDING) {
			deals.claim(created.id(), domain, nameKey, products);
		}
		deals.audit(created.id(), "registered", registeredBy, status + (reasons != null ? ": " + reasons : "")
				+ (splitFrom != null ? " (split from the same submission)" : ""));
		return deals.find(created.id()).orElseThrow();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private List<DealConflict> conflicts(UUID partnerId, String domain, String nameKey, String name,
			List<String> products) {
		List<DealConflict> conflicts = new ArrayList<>();
		if (nameKey == null || nameKey.isEmpty()) {
			return conflicts;
		}
		Deals.Candidates candidates = deals.candidates(domain, nameKey, rules.nameSimilarity(), LocalDate.now(clock));
		for (Deal other : candidates.registrations()) {
			CustomerMatcher.Match match = CustomerMatcher.compare(domain, name, products, other.customerDomain(),
					other.customerName(), other.products());
			if (match.sameCustomer(rules.nameSimilarity()) && !match.sharedProducts().isEmpty()) {
				DealConflict.Kind kind = other.partnerId().equals(partnerId) ? DealConflict.Kind.OWN_REGISTRATION
						: DealConflict.Kind.OTHER_PARTNER;
				conflicts.add(new DealConflict(kind, match.reasons(rules.nameSimilarity()) + protection(other),
						other.id(), match.partnerReasons(rules.nameSimilarity()), match.sharedProducts()));
			}
		}
		for (DirectAccount account : candidates.accounts()) {
			CustomerMatcher.Match match = CustomerMatcher.compare(domain, name, List.of(), account.domain(),
					account.name(), List.of());
			if (match.sameCustomer(rules.nameSimilarity())) {
				conflicts.add(
						new DealConflict(
								account.named() ? DealConflict.Kind.DIRECT_ACCOUNT
										: DealConflict.Kind.DIRECT_OPPORTUNITY,
								match.reasons(rules.nameSimilarity()), null,
								match.partnerReasons(rules.nameSimilarity()), products));
			}
		}
		return conflicts;
	}

	private static String protection(Deal other) {
		return switch (other.status()) {
			case APPROVED, CO_SELL ->
				other.protectedUntil() != null ? "; protected until " + other.protectedUntil() : "";
			default -> "; registered " + other.createdAt().toString().substring(0, 10) + ", awaiting a decision";
		};
	}

	/**
	 * Whether this person may decide the registration: the vendor's staff may; a partner
	 * with a channel manager of its own has its registrations decided by that manager or
	 * a program admin.
	 */
	public boolean mayDecide(Deal deal, Requester person) {
		return refusal(deal, person).isEmpty();
	}

	private Optional<DecisionRefusedException> refusal(Deal deal, Requester person) {
		if (!(person instanceof Requester.Staff staff)) {
			return Optional.of(new DecisionRefusedException(null, null));
		}
		Optional<Partner> owner = partners.find(deal.partnerId());
		String manager = owner.map(Partner::channelManager).orElse(null);
		if (manager != null && !manager.equals(staff.userId()) && !staff.admin()) {
			return Optional.of(new DecisionRefusedException(owner.get().name(), manager));
		}
		return Optional.empty();
	}

	/**
	 * A person's decision on a registration waiting for one, as
	 * {@link #decide(UUID, DealStatus, String, String)}, once {@link #mayDecide} allows
	 * it.
	 * @throws DecisionRefusedException when this person may not decide it
	 */
	@Transactional
	public Deal decide(UUID dealId, DealStatus decision, Requester person, String note) {
		Optional<DecisionRefusedException> refused = refusal(get(dealId), person);
		if (refused.isPresent()) {
			throw refused.get();
		}
		return decide(dealId, decision, person.userId(), note);
	}

	/**
	 * A channel manager's decision on a registration waiting for one. A rejection needs
	 * its reason, which the partner is told. A co-sell also tells the partners whose live
	 * registrations cover the same customer and products, none of them the other's name.
	 * @param decision {@code APPROVED}, {@code REJECTED} or {@code CO_SELL}
	 */
	@Transactional
	public Deal decide(UUID dealId, DealStatus decision, String manager, String note) {
		Deal deal = get(dealId);
		if (deal.status() != DealStatus.PENDING && deal.status() != DealStatus.CONFLICT) {
			throw new ConflictException("decision", deal.reference() + " was decided already: " + deal.status());
		}
		if (decision != DealStatus.APPROVED && decision != DealStatus.REJECTED && decision != DealStatus.CO_SELL) {
			throw new InvalidInputException("decision", "must be APPROVED, REJECTED or CO_SELL");
		}
		String reason = blankToNull(note);
		if (decision == DealStatus.REJECTED && reason == null) {
			throw new InvalidInputException("note", "a rejection needs its reason: the partner is told it");
		}
		if (reason != null && reason.length() > 1000) {
			throw new InvalidInputException("note", "is longer than 1000 characters");
		}
		LocalDate until = (decision == DealStatus.REJECTED) ? null
				: LocalDate.now(clock).plusDays(rules.protectionDays());
		List<Deal> coSellers = (decision == DealStatus.CO_SELL) ? conflicts(deal.partnerId(), deal.customerDomain(),
				deals.nameKey(dealId), deal.customerName(), deal.products())
			.stream()
			.filter(c -> c.kind() == DealConflict.Kind.OTHER_PARTNER && !dealId.equals(c.otherDealId()))
			.map(c -> deals.find(c.otherDealId()))
			.flatMap(Optional::stream)
			.filter(other -> other.status() == DealStatus.APPROVED || other.status() == DealStatus.CO_SELL)
			.toList() : List.of();
		try {
			if (deals.updateStatus(dealId, deal.status(), decision, until, manager, reason) == 0) {
				throw new ConflictException("decision", deal.reference() + " was decided by someone else just now");
			}
			if (decision == DealStatus.APPROVED && deal.status() == DealStatus.CONFLICT) {
				deals.claim(dealId, deal.customerDomain(), deals.nameKey(dealId), deal.products());
			}
			else if (decision != DealStatus.APPROVED) {
				deals.release(dealId);
			}
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("decision", "another live registration protects this customer: "
					+ "reject it first, or choose co-sell for this one");
		}
		deals.audit(dealId, decision.name().toLowerCase(Locale.ROOT), manager, reason);
		Deal decided = get(dealId);
		coSellers.forEach(other -> deals.audit(other.id(), "co-sell shared", manager,
				"another partner's registration of this customer is co-sold alongside"));
		events.publishEvent(new DealEvents.Decided(decided, decision, manager, coSellers));
		return decided;
	}

	/**
	 * What a decision product by product made: the registrations decided, and the one
	 * still waiting for a decision, if any products were left waiting.
	 */
	public record ProductDecisions(List<Deal> decided, Optional<Deal> waiting) {
	}

	/**
	 * A person's decisions product by product on a registration waiting for one: each
	 * product in {@code decisions} approved, rejected or co-sold; the others left
	 * waiting. Where the decisions differ the registration is split: it keeps the
	 * products left waiting (or else the first decided ones) and each other decision
	 * becomes a registration of its own, with the same submission time, decided at once.
	 * A rejection needs its reason.
	 * @throws DecisionRefusedException when this person may not decide it
	 */
	@Transactional
	public ProductDecisions decideByProduct(UUID dealId, Map<String, DealStatus> decisions, Requester person,
			String note) {
		Deal deal = get(dealId);
		Optional<DecisionRefusedException> refused = refusal(deal, person);
		if (refused.isPresent()) {
			throw refused.get();
		}
		if (deal.status() != DealStatus.PENDING && deal.status() != DealStatus.CONFLICT) {
			throw new ConflictException("decision", deal.reference() + " was decided already: " + deal.status());
		}
		Map<DealStatus, List<String>> groups = new LinkedHashMap<>();
		List<String> waiting = new ArrayList<>();
		for (String product : deal.products()) {
			DealStatus decision = decisions.get(product);
			if (decision == null) {
				waiting.add(product);
			}
			else {
				groups.computeIfAbsent(decision, d -> new ArrayList<>()).add(product);
			}
		}
		List<String> unknown = decisions.keySet().stream().filter(p -> !deal.products().contains(p)).toList();
		if (!unknown.isEmpty() || groups.isEmpty()) {
			throw new InvalidInputException("decisions", "decide at least one of " + deal.reference() + "'s products ("
					+ String.join(", ", deal.products()) + ")");
		}
		if (groups.containsKey(DealStatus.REJECTED) && blankToNull(note) == null) {
			throw new InvalidInputException("note", "a rejection needs its reason: the partner is told it");
		}
		List<DealStatus> order = new ArrayList<>(groups.keySet());
		List<String> kept = waiting.isEmpty() ? groups.get(order.get(0)) : waiting;
		List<Deal> parts = new ArrayList<>();
		if (groups.size() > 1 || !waiting.isEmpty()) {
			deals.release(dealId);
			deals.updateProducts(dealId, kept);
			deals.audit(dealId, "split", person.userId(), "keeps " + String.join(", ", kept));
			if (deal.status() == DealStatus.PENDING) {
				deals.claim(dealId, deal.customerDomain(), deals.nameKey(dealId), kept);
			}
			for (DealStatus decision : order) {
				List<String> products = groups.get(decision);
				if (products != kept) {
					parts.add(splitOff(deal, products, person.userId()));
				}
			}
		}
		List<Deal> decided = new ArrayList<>();
		for (Deal part : parts) {
			decided.add(decide(part.id(), decisions.get(part.products().get(0)), person.userId(), note));
		}
		if (waiting.isEmpty()) {
			decided.add(0, decide(dealId, order.get(0), person.userId(), note));
		}
		Deal from = get(dealId);
		if (!parts.isEmpty()) {
			events.publishEvent(new DealEvents.Split(from, parts));
		}
		return new ProductDecisions(decided, waiting.isEmpty() ? Optional.empty() : Optional.of(from));
	}

	/** A registration of some of {@code deal}'s products, submitted when it was. */
	private Deal splitOff(Deal deal, List<String> products, String by) {
		Deal part = new Deal(UUID.randomUUID(), reference(), deal.partnerId(), deal.registeredBy(), deal.customerName(),
				deal.customerDomain(), products, deal.amount(), deal.currency(), deal.expectedCloseDate(),
				deal.status(), null, 0, deal.conflictReasons(), deal.thread(), deal.createdAt(), deal.seats(),
				deal.customerContact(), deal.salesRep(), null, deal.role(), deal.coSellPartners(), null);
		String nameKey = deals.nameKey(deal.id());
		deals.insert(part, nameKey, deal.id());
		if (deal.status() == DealStatus.PENDING) {
			deals.claim(part.id(), deal.customerDomain(), nameKey, products);
		}
		deals.audit(part.id(), "registered", by,
				deal.status() + ": " + String.join(", ", products) + " split from " + deal.reference());
		return part;
	}

	/**
	 * A registration as its partner may ask about it by reference: only the partner's
	 * own, so another partner's reference reveals nothing, not even that it exists.
	 */
	public Optional<Deal> ofPartner(String reference, UUID partnerId) {
		return deals.findByReference(reference.toUpperCase(Locale.ROOT))
			.filter(d -> partnerId != null && d.partnerId().equals(partnerId));
	}

	/** A registration by reference, for the vendor's staff. */
	public Optional<Deal> byReference(String reference) {
		return deals.findByReference(reference.toUpperCase(Locale.ROOT));
	}

	/**
	 * The rules the registration broke, as its partner may be told (the conflicts'
	 * details name other registrations and stay with the channel managers).
	 */
	public List<String> breachesOf(Deal deal) {
		if (deal.conflictReasons() == null) {
			return List.of();
		}
		return deal.conflictReasons()
			.lines()
			.filter(l -> l.startsWith(RULE))
			.map(l -> l.substring(RULE.length()))
			.toList();
	}

	/**
	 * A registration waiting for a decision, with the day the program promised one by.
	 */
	public record Waiting(Deal deal, LocalDate due, boolean overdue) {
	}

	/**
	 * Registrations waiting for a channel manager, oldest first, each with the day the
	 * decision is due ({@code partnerbot.deals.response-business-days} business days
	 * after the submission) and whether that day has passed.
	 */
	@Transactional(readOnly = true)
	public List<Waiting> waiting() {
		LocalDate today = LocalDate.now(clock);
		return deals.waiting().stream().map(d -> {
			LocalDate due = decisionDue(d);
			return new Waiting(d, due, today.isAfter(due));
		}).toList();
	}

	/**
	 * The day by which a registration is to be decided: business days, Monday to Friday.
	 */
	public LocalDate decisionDue(Deal deal) {
		LocalDate day = deal.createdAt().atZone(clock.getZone()).toLocalDate();
		int left = rules.responseBusinessDays();
		while (left > 0) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != java.time.DayOfWeek.SATURDAY
					&& day.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return day;
	}

	/** The last day of protection of a registration approved today. */
	public Optional<LocalDate> protectionIfApprovedToday() {
		return Optional.of(LocalDate.now(clock).plusDays(rules.protectionDays()));
	}

	/** The rules of engagement in force. */
	public DealsProperties rules() {
		return rules;
	}

	/** Whether the partner may ask for an extension of this registration today. */
	public boolean extensible(Deal deal) {
		return deal.status() == DealStatus.APPROVED && deal.extensions() < rules.maxExtensions()
				&& deal.protectedUntil() != null
				&& !deal.protectedUntil().isAfter(LocalDate.now(clock).plusDays(rules.extensionWindowDays()));
	}

	/** The first day the partner may ask for an extension. */
	public LocalDate extensionOpens(Deal deal) {
		return deal.protectedUntil() == null ? null : deal.protectedUntil().minusDays(rules.extensionWindowDays());
	}

	/**
	 * Notes where a registration made outside a conversation was confirmed, so its later
	 * notices go there.
	 */
	@Transactional
	public void attachThread(UUID dealId, ThreadRef thread) {
		deals.attachThread(dealId, thread);
	}

	/**
	 * Extends the protection of an approved registration of the partner's, once it is
	 * near its end.
	 */
	@Transactional
	public Deal extend(UUID dealId, UUID partnerId, String by) {
		Deal deal = own(dealId, partnerId);
		LocalDate today = LocalDate.now(clock);
		if (deal.status() != DealStatus.APPROVED) {
			throw new InvalidInputException("status", deal.reference() + " is " + deal.status() + ", not approved");
		}
		if (deal.extensions() >= rules.maxExtensions()) {
			throw new InvalidInputException("extensions",
					deal.reference() + " has had its " + rules.maxExtensions() + " extension(s) already");
		}
		if (deal.protectedUntil().isAfter(today.plusDays(rules.extensionWindowDays()))) {
			throw new InvalidInputException("protectedUntil", "extensions open " + rules.extensionWindowDays()
					+ " days before protection ends (" + deal.protectedUntil() + ")");
		}
		LocalDate until = deal.protectedUntil().plusDays(rules.extensionDays());
		deals.extend(dealId, until);
		deals.audit(dealId, "extended", by, "protected until " + until);
		Deal extended = get(dealId);
		events.publishEvent(new DealEvents.Extended(extended, by));
		return extended;
	}

	/** Records that a live registration of the partner's was won or lost. */
	@Transactional
	public Deal close(UUID dealId, UUID partnerId, boolean won, String by) {
		Deal deal = own(dealId, partnerId);
		if (!deal.status().isLive()) {
			throw new InvalidInputException("status", deal.reference() + " is " + deal.status() + " already");
		}
		DealStatus outcome = won ? DealStatus.WON : DealStatus.LOST;
		if (deals.close(dealId, deal.status(), outcome, LocalDate.now(clock)) == 0) {
			throw new ConflictException("status", deal.reference() + " changed meanwhile; look at it again");
		}
		deals.release(dealId);
		deals.audit(dealId, outcome.name().toLowerCase(Locale.ROOT), by, null);
		Deal closed = get(dealId);
		events.publishEvent(new DealEvents.Closed(closed, by));
		return closed;
	}

	/**
	 * Records the outcome the CRM holds for a registration: won or lost, with the amount
	 * the deal closed at, so scorecards follow the CRM. A rejected registration keeps its
	 * status; an outcome already recorded changes nothing.
	 * @return the registration when it changed
	 */
	@Transactional
	public Optional<Deal> recordOutcome(UUID dealId, boolean won, BigDecimal amount, String source) {
		Optional<Deal> deal = deals.find(dealId);
		if (deal.isEmpty()) {
			return Optional.empty();
		}
		DealStatus outcome = won ? DealStatus.WON : DealStatus.LOST;
		BigDecimal closedAt = (amount != null && amount.signum() > 0) ? amount.setScale(2, RoundingMode.HALF_UP) : null;
		if (deals.updateOutcome(dealId, outcome, closedAt, LocalDate.now(clock)) == 0) {
			return Optional.empty();
		}
		deals.release(dealId);
		deals.audit(dealId, outcome.name().toLowerCase(Locale.ROOT), source,
				(closedAt != null) ? "amount " + closedAt.toPlainString() : null);
		Deal closed = get(dealId);
		events.publishEvent(new DealEvents.Closed(closed, source));
		return Optional.of(closed);
	}

	/** Reminds partners of protection about to end, and ends the protection that has. */
	@Transactional
	public int remindAndExpire() {
		LocalDate today = LocalDate.now(clock);
		List<Deal> reminders = deals.claimReminders(today, today.plusDays(rules.reminderDays()));
		reminders.forEach(deal -> events.publishEvent(new DealEvents.ExpiringSoon(deal)));
		List<Deal> expired = deals.expire(today);
		for (Deal deal : expired) {
			// the customer is free for other partners again
			deals.release(deal.id());
			deals.audit(deal.id(), "expired", "system", "protection ended " + deal.protectedUntil());
			events.publishEvent(new DealEvents.Expired(deal));
		}
		return reminders.size() + expired.size();
	}

	/** Adds a named account of the direct sales team. */
	@Transactional
	public DirectAccount addDirectAccount(String name, String domain, String owner) {
		String nameKey = CustomerMatcher.normalizeName(name);
		if (nameKey == null || nameKey.isEmpty()) {
			throw new InvalidInputException("name", "is required");
		}
		String normalized = (domain == null || domain.isBlank()) ? null : CustomerMatcher.normalizeDomain(domain);
		if (domain != null && !domain.isBlank() && normalized == null) {
			throw new InvalidInputException("domain", "'" + domain + "' is not a domain");
		}
		DirectAccount account = new DirectAccount(UUID.randomUUID(), name.strip(), nameKey, normalized, owner, true);
		try {
			deals.insertDirectAccount(account);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("domain", normalized + " is a direct account already");
		}
		return account;
	}

	/**
	 * Adds or updates a direct-sales account or open opportunity kept in another system
	 * (the CRM) under its key there; it takes part in conflict checks as any direct
	 * account. An account whose domain is a direct account already is left out.
	 * @param named true for a named account (registrations of it are rejected), false for
	 * an open opportunity (a channel manager weighs them)
	 * @return whether it is stored
	 */
	@Transactional
	public boolean syncDirectAccount(String sourceKey, String name, String domainOrWebsite, String owner,
			boolean named) {
		String nameKey = CustomerMatcher.normalizeName(name);
		if (nameKey == null || nameKey.isEmpty()) {
			return false;
		}
		String domain = (domainOrWebsite == null || domainOrWebsite.isBlank()) ? null
				: CustomerMatcher.normalizeDomain(domainOrWebsite);
		return deals.upsertDirectAccount(sourceKey, name.strip(), nameKey, domain, owner, named);
	}

	/** Removes a direct account kept elsewhere, e.g. an opportunity the CRM closed. */
	@Transactional
	public boolean removeDirectAccount(String sourceKey) {
		return deals.deleteDirectAccount(sourceKey) > 0;
	}

	/**
	 * Other partners' registrations this partner sells together with them, for its
	 * influenced revenue.
	 */
	public List<Deal> coSelling(UUID partnerId) {
		return deals.coSelling(partnerId);
	}

	public List<Deal> forPartner(UUID partnerId) {
		return deals.forPartner(partnerId);
	}

	public Optional<Deal> find(UUID id) {
		return deals.find(id);
	}

	public List<AuditEntry> auditTrail(UUID dealId) {
		return deals.auditTrail(dealId);
	}

	public List<String> catalogue() {
		return rules.products();
	}

	public List<String> currencies() {
		return rules.currencies();
	}

	private Deal get(UUID id) {
		return deals.find(id).orElseThrow(() -> new NotFoundException("no deal registration " + id));
	}

	private Deal own(UUID dealId, UUID partnerId) {
		return deals.find(dealId)
			.filter(d -> d.partnerId().equals(partnerId))
			.orElseThrow(() -> new NotFoundException("no deal registration " + dealId + " of yours"));
	}

	private List<String> canonical(List<String> products) {
		return products.stream().map(this::canonicalProduct).flatMap(Optional::stream).distinct().toList();
	}

	private Optional<String> canonicalProduct(String product) {
		return rules.products()
			.stream()
			.filter(p -> p.equalsIgnoreCase(product == null ? "" : product.strip()))
			.findFirst();
	}

	private String reference() {
		StringBuilder reference = new StringBuilder("DR-");
		for (int i = 0; i < 6; i++) {
			reference.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
		}
		return reference.toString();
	}

}
