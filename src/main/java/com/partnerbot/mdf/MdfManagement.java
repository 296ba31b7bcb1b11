package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.platform.ApiError;
import com.partnerbot.platform.ConflictException;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.platform.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mdf module's API: funds (allocations and accruals), balances, requests checked
 * against the rules, channel managers' decisions, claims and payment. Every change is
 * audited and published as an {@link MdfEvents} event.
 */
@Service
public class MdfManagement {

	private static final Logger log = LoggerFactory.getLogger(MdfManagement.class);

	private static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final Funds funds;

	private final FundRequests requests;

	private final PartnerManagement partners;

	private final DealRegistrations deals;

	private final MdfRules rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	MdfManagement(Funds funds, FundRequests requests, PartnerManagement partners, DealRegistrations deals,
			MdfProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.funds = funds;
		this.requests = requests;
		this.partners = partners;
		this.deals = deals;
		this.rules = new MdfRules(properties);
		this.events = events;
		this.clock = clock;
	}

	public MdfRules rules() {
		return rules;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * Allocates funds to a partner.
	 * @throws InvalidInputException naming each wrong field
	 */
	@Transactional
	public Fund allocate(NewAllocation allocation, String by) {
		List<ApiError.FieldError> errors = validate(allocation, "");
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return insertAllocation(allocation, by);
	}

	private Fund insertAllocation(NewAllocation allocation, String by) {
		UUID id = UUID.randomUUID();
		funds.insert(id, allocation.partnerId(), "ALLOCATION", allocation.amount(), rules.properties().currency(),
				allocation.startsOn(), allocation.endsOn(), null, null, by);
		requests.audit(allocation.partnerId(), id, "allocated", by,
				rules.money(allocation.amount()) + " from " + allocation.startsOn() + " to " + allocation.endsOn());
		return funds.get(id);
	}

	private List<ApiError.FieldError> validate(NewAllocation a, String prefix) {
		List<ApiError.FieldError> errors = new ArrayList<>();
		if (a.partnerId() == null) {
			errors.add(new ApiError.FieldError(prefix + "partnerId", "is required"));
		}
		else if (partners.find(a.partnerId()).isEmpty()) {
			errors.add(new ApiError.FieldError(prefix + "partnerId", "no partner with id " + a.partnerId()));
		}
		if (a.amount() == null || !MdfRules.validMoney(a.amount())) {
			errors.add(new ApiError.FieldError(prefix + "amount", "is required: more than zero, at most two decimals"));
		}
		if (a.currency() != null && !a.currency().strip().equalsIgnoreCase(rules.properties().currency())) {
			errors.add(new ApiError.FieldError(prefix + "currency",
					"funds are kept in " + rules.properties().currency() + " only"));
		}
		if (a.startsOn() == null) {
			errors.add(new ApiError.FieldError(prefix + "startsOn", "is required (YYYY-MM-DD)"));
		}
		if (a.endsOn() == null) {
			errors.add(new ApiError.FieldError(prefix + "endsOn", "is required (YYYY-MM-DD)"));
		}
		else if (a.startsOn() != null && a.endsOn().isBefore(a.startsOn())) {
			errors.add(new ApiError.FieldError(prefix + "endsOn", "is before startsOn"));
		}
		return errors;
	}

	/**
	 * Allocates funds from CSV lines {@code partnerId,amount,currency,startsOn,endsOn} (a
	 * header line is skipped): all of them, or none when any line is wrong.
	 * @throws InvalidInputException naming each wrong line and field
	 */
	@Transactional
	public List<Fund> allocate(String csv, String by) {
		List<NewAllocation> allocations = new ArrayList<>();
		List<ApiError.FieldError> errors = new ArrayList<>();
		List<String> lines = (csv == null) ? List.of() : csv.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("partner"))) {
				continue;
			}
			String prefix = "line " + (i + 1) + ": ";
			String[] cells = line.split(",", -1);
			if (cells.length != 5) {
				errors.add(new ApiError.FieldError("line " + (i + 1),
						"needs 5 values: partnerId,amount,currency,startsOn,endsOn"));
				continue;
			}
			try {
				NewAllocation allocation = new NewAllocation(UUID.fromString(cells[0].strip()),
						new BigDecimal(cells[1].strip()), cells[2].strip().isEmpty() ? null : cells[2].strip(),
						LocalDate.parse(cells[3].strip()), LocalDate.parse(cells[4].strip()));
				List<ApiError.FieldError> wrong = validate(allocation, prefix);
				errors.addAll(wrong);
				allocations.add(allocation);
			}
			catch (RuntimeException ex) {
				errors.add(new ApiError.FieldError("line " + (i + 1),
						"is not partnerId (a UUID), amount, currency, startsOn and endsOn (YYYY-MM-DD)"));
			}
		}
		if (errors.isEmpty() && allocations.isEmpty()) {
			errors.add(new ApiError.FieldError("csv", "has no allocation lines"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return allocations.stream().map(a -> insertAllocation(a, by)).toList();
	}

	/**
	 * Accrues a quarter's MDF for every eligible partner from its won revenue in the
	 * quarter, once per partner and quarter, up to the tier's annual cap.
	 * @return the accruals made now
	 */
	@Transactional
	public List<Fund> accrue(Quarter quarter, String by) {
		if (!quarter.lastDay().isBefore(today())) {
			throw new InvalidInputException("quarter", quarter + " has not ended yet");
		}
		List<Fund> accrued = new ArrayList<>();
		for (Partner partner : partners.all()) {
			accrue(partner, quarter, wonRevenue(partner.id(), quarter), by).ifPresent(accrued::add);
		}
		return accrued;
	}

	/**
	 * Accrues a quarter's MDF for one partner from what it won in the quarter, unless it
	 * accrued for that quarter already or its tier does not accrue.
	 */
	Optional<Fund> accrue(Partner partner, Quarter quarter, BigDecimal won, String by) {
		if (!rules.eligible(partner.tier()) || funds.accrued(partner.id(), quarter)) {
			return Optional.empty();
		}
		BigDecimal amount = rules.accrual(partner.tier(), won, funds.accruedInYear(partner.id(), quarter.year()));
		if (amount.signum() <= 0) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		funds.insert(id, partner.id(), "ACCRUAL", amount, rules.properties().currency(), rules.accrualStarts(quarter),
				rules.accrualEnds(quarter), quarter.toString(), won, by);
		requests.audit(partner.id(), id, "accrued", by,
				rules.money(amount) + " of " + rules.money(won) + " won in " + quarter);
		return Optional.of(funds.get(id));
	}

	/** A partner's won revenue in a quarter, in the program's currency. */
	public BigDecimal wonRevenue(UUID partnerId, Quarter quarter) {
		return deals.forPartner(partnerId)
			.stream()
			.filter(d -> d.status() == DealStatus.WON && d.closedOn() != null
					&& Quarter.of(d.closedOn()).equals(quarter))
			.filter(d -> rules.properties().currency().equalsIgnoreCase(d.currency()))
			.map(Deal::amount)
			.reduce(ZERO, BigDecimal::add);
	}

	/** A partner's funds today. */
	@Transactional(readOnly = true)
	public Balance balance(UUID partnerId) {
		partners.get(partnerId);
		LocalDate today = today();
		List<Fund> all = funds.ofPartner(partnerId);
		BigDecimal allocated = ZERO;
		BigDecimal available = ZERO;
		BigDecimal expired = ZERO;
		List<Balance.Expiring> expiring = new ArrayList<>();
		List<Fund> upcoming = new ArrayList<>();
		for (Fund fund : all) {
			if (fund.startsOn().isAfter(today)) {
				upcoming.add(fund);
				continue;
			}
			allocated = allocated.add(fund.amount());
			if (fund.endsOn().isBefore(today)) {
				expired = expired.add(fund.left());
			}
			else {
				available = available.add(fund.left());
				if (fund.left().signum() > 0) {
					expiring.add(new Balance.Expiring(fund.left(), fund.endsOn(), fund.source()));
				}
			}
		}
		BigDecimal committed = ZERO;
		BigDecimal claimed = ZERO;
		BigDecimal paid = ZERO;
		for (MdfRequest request : requests.ofPartner(partnerId)) {
			BigDecimal held = held(request);
			switch (request.status()) {
				case APPROVED -> committed = committed.add(held);
				case CLAIMED -> {
					BigDecimal claim = openClaim(request.id()).map(MdfClaim::amount).orElse(held).min(held);
					claimed = claimed.add(claim);
					committed = committed.add(held.subtract(claim));
				}
				case PAID -> paid = paid.add(held);
				default -> {
				}
			}
		}
		// what a request drew from funds that expired before it was paid still counts as
		// held by it: allocated = available + committed + claimed + paid + expired
		return new Balance(rules.properties().currency(), allocated, committed, claimed, paid, available, expired,
				List.copyOf(expiring), List.copyOf(upcoming));
	}

	private BigDecimal held(MdfRequest request) {
		return funds.draws(request.id()).stream().map(Funds.Draw::amount).reduce(ZERO, BigDecimal::add);
	}

	private Optional<MdfClaim> openClaim(UUID requestId) {
		return requests.claims(requestId).stream().filter(c -> c.status() != ClaimStatus.REJECTED).findFirst();
	}

	/**
	 * What the program would reimburse for a request under the rules and the partner's
	 * balance, without submitting it.
	 */
	@Transactional(readOnly = true)
	public Quote quote(NewRequest request) {
		Partner partner = request.partnerId() == null ? null : partners.find(request.partnerId()).orElse(null);
		if (partner == null) {
			throw new InvalidInputException("partnerId",
					request.partnerId() == null ? "is required" : "no partner with id " + request.partnerId());
		}
		return rules.quote(partner.tier(), request, today(), balance(partner.id()).available());
	}

	/** A submitted request and what the rules made of it. */
	public record Submission(MdfRequest request, Quote quote) {
	}

	/**
	 * Submits a request: one that breaks a rule or asks for more than the balance is
	 * refused with every reason; one that needs no pre-approval is approved at once.
	 * @throws InvalidInputException naming each rule and balance it breaks
	 */
	@Transactional
	public Submission submit(NewRequest request, String by, String conversationKey) {
		if (request.partnerId() != null) {
			funds.lock(request.partnerId());
		}
		Quote quote = quote(request);
		if (!quote.acceptable()) {
			throw new InvalidInputException(quote.breaches());
		}
		boolean preApproval = quote.needsPreApproval();
		MdfRequest created = new MdfRequest(UUID.randomUUID(), reference(), request.partnerId(),
				rules.activityKey(request.activity()).orElseThrow(),
				request.description() == null ? null : request.description().strip(), request.cost(),
				quote.reimbursable(), preApproval ? null : quote.reimbursable(), rules.properties().currency(),
				request.startsOn(), request.lastDay(), request.attendees(), request.cateringCost(),
				preApproval ? RequestStatus.SUBMITTED : RequestStatus.APPROVED, by, conversationKey,
				preApproval ? null : "policy", null, clock.instant());
		requests.insert(created);
		requests.audit(created.partnerId(), created.id(), "requested", by,
				rules.money(created.amount()) + " for " + created.activity() + " of " + rules.money(created.cost()));
		if (!preApproval) {
			draw(created, created.amount());
			requests.audit(created.partnerId(), created.id(), "approved", "policy",
					"no pre-approval needed up to " + rules.money(rules.properties().preApprovalAbove()));
		}
		log.info("MDF request {} of partner {}: {} ({})", created.reference(), created.partnerId(), created.amount(),
				created.status());
		MdfRequest stored = get(created.id());
		events.publishEvent(new MdfEvents.RequestSubmitted(stored));
		return new Submission(stored, quote);
	}

	private void draw(MdfRequest request, BigDecimal amount) {
		LocalDate today = today();
		BigDecimal left = amount;
		for (Fund fund : funds.ofPartner(request.partnerId())) {
			if (left.signum() <= 0) {
				break;
			}
			if (fund.liveOn(today) && fund.left().signum() > 0) {
				BigDecimal take = fund.left().min(left);
				funds.draw(request.id(), fund.id(), take);
				left = left.subtract(take);
			}
		}
		if (left.signum() > 0) {
			throw new InvalidInputException("amount", rules.money(amount) + " is more than the available balance of "
					+ rules.money(amount.subtract(left)));
		}
	}

	/**
	 * Gives back what a request holds beyond an amount, to the funds that last longest.
	 */
	private void release(MdfRequest request, BigDecimal keep) {
		BigDecimal excess = held(request).subtract(keep);
		for (Funds.Draw draw : funds.draws(request.id())) {
			if (excess.signum() <= 0) {
				break;
			}
			BigDecimal give = draw.amount().min(excess);
			funds.setDraw(request.id(), draw.fundId(), draw.amount().subtract(give));
			excess = excess.subtract(give);
		}
	}

	/**
	 * A channel manager's decision on a request: approved (for the amount asked, or a
	 * lower one) or rejected with a reason.
	 * @throws InvalidInputException when the decision, amount or reason is wrong
	 * @throws ConflictException when the request was decided already
	 */
	@Transactional
	public MdfRequest decide(UUID requestId, boolean approve, BigDecimal amount, String by, String reason) {
		MdfRequest request = requests.lock(requestId)
			.orElseThrow(() -> new NotFoundException("no MDF request " + requestId));
		if (request.status() != RequestStatus.SUBMITTED) {
			throw new ConflictException("status", request.reference() + " is " + request.status() + " already");
		}
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (!approve) {
			if (why == null) {
				throw new InvalidInputException("reason", "is required: the partner is told why");
			}
			requests.decide(requestId, RequestStatus.REJECTED, null, by, why);
			requests.audit(request.partnerId(), requestId, "rejected", by, why);
		}
		else {
			BigDecimal approved = (amount == null) ? request.amount() : amount;
			if (!MdfRules.validMoney(approved) || approved.compareTo(request.amount()) > 0) {
				throw new InvalidInputException("amount",
						"must be more than zero and at most the " + rules.money(request.amount()) + " asked for");
			}
			funds.lock(request.partnerId());
			draw(request, approved);
			requests.decide(requestId, RequestStatus.APPROVED, approved, by, why);
			requests.audit(request.partnerId(), requestId, "approved", by,
					rules.money(approved)
							+ (approved.compareTo(request.amount()) < 0 ? " of " + rules.money(request.amount()) : "")
							+ (why != null ? ": " + why : ""));
		}
		MdfRequest decided = get(requestId);
		events.publishEvent(new MdfEvents.RequestDecided(decided, by));
		return decided;
	}

	/**
	 * Claims an approved request's funds, checked against the approval, the deadline and
	 * the proof its activity needs.
	 * @throws InvalidInputException naming each thing missing or wrong
	 */
	@Transactional
	public MdfClaim claim(UUID requestId, NewClaim claim, String by) {
		MdfRequest request = requests.lock(requestId)
			.orElseThrow(() -> new NotFoundException("no MDF request " + requestId));
		Partner partner = partners.get(request.partnerId());
		List<ApiError.FieldError> errors = rules.checkClaim(request, partner.tier(), claim, today());
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		MdfClaim created = new MdfClaim(UUID.randomUUID(), requestId, claim.amount(), claim.actualCost(),
				claim.attendees(), claim.leads(), claim.proof(), ClaimStatus.SUBMITTED, by, null, null,
				clock.instant());
		requests.insertClaim(created);
		requests.setStatus(requestId, RequestStatus.CLAIMED);
		requests.audit(request.partnerId(), created.id(), "claimed", by, rules.money(claim.amount()) + " for "
				+ request.reference() + " with " + claim.proof().size() + " proof files");
		MdfClaim stored = getClaim(created.id());
		events.publishEvent(new MdfEvents.ClaimSubmitted(stored, get(requestId)));
		return stored;
	}

	/**
	 * Adds the proof, leads or attendance a channel manager asked for to a claim, which
	 * goes back to them.
	 */
	@Transactional
	public MdfClaim addProof(UUID claimId, NewClaim more, String by) {
		MdfClaim claim = requests.lockClaim(claimId)
			.orElseThrow(() -> new NotFoundException("no MDF claim " + claimId));
		if (claim.status() != ClaimStatus.MORE_INFO && claim.status() != ClaimStatus.SUBMITTED) {
			throw new ConflictException("status", "the claim is " + claim.status() + " already");
		}
		if (more.proof().isEmpty() && more.leads() == null && more.attendees() == null && more.actualCost() == null) {
			throw new InvalidInputException("proof", "add at least one file, the leads or the attendance");
		}
		requests.updateClaimProof(claimId, more);
		MdfRequest request = get(claim.requestId());
		requests.audit(request.partnerId(), claimId, "proof added", by, more.proof().size() + " files");
		MdfClaim stored = getClaim(claimId);
		events.publishEvent(new MdfEvents.ClaimSubmitted(stored, request));
		return stored;
	}

	/**
	 * A channel manager's decision on a claim: approved, more proof asked for, rejected
	 * (with a reason), or paid.
	 * @throws InvalidInputException when a reason is missing
	 * @throws ConflictException when the claim is past that step
	 */
	@Transactional
	public MdfClaim decideClaim(UUID claimId, ClaimStatus decision, String by, String reason) {
		MdfClaim claim = requests.lockClaim(claimId)
			.orElseThrow(() -> new NotFoundException("no MDF claim " + claimId));
		MdfRequest request = requests.lock(claim.requestId()).orElseThrow();
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (decision == null || decision == ClaimStatus.SUBMITTED) {
			throw new InvalidInputException("decision", "is required: APPROVED, MORE_INFO, REJECTED or PAID");
		}
		if ((decision == ClaimStatus.REJECTED || decision == ClaimStatus.MORE_INFO) && why == null) {
			throw new InvalidInputException("reason", "is required: the partner is told why, or what to add");
		}
		boolean open = claim.status() == ClaimStatus.SUBMITTED || claim.status() == ClaimStatus.MORE_INFO;
		boolean allowed = switch (decision) {
			case APPROVED, REJECTED, MORE_INFO -> open;
			case PAID -> open || claim.status() == ClaimStatus.APPROVED;
			default -> false;
		};
		if (!allowed) {
			throw new ConflictException("status", "the claim is " + claim.status() + " already");
		}
		funds.lock(request.partnerId());
		requests.decideClaim(claimId, decision, by, why);
		if (decision == ClaimStatus.PAID) {
			release(request, claim.amount());
			requests.setStatus(request.id(), RequestStatus.PAID);
		}
		else if (decision == ClaimStatus.REJECTED) {
			boolean due = !today().isAfter(rules.claimDue(request.endsOn()));
			requests.setStatus(request.id(), due ? RequestStatus.APPROVED : RequestStatus.EXPIRED);
			if (!due) {
				release(request, ZERO);
			}
		}
		requests.audit(request.partnerId(), claimId, decision.name().toLowerCase(Locale.ROOT).replace('_', ' '), by,
				(decision == ClaimStatus.PAID ? rules.money(claim.amount()) : "") + (why != null ? why : ""));
		MdfClaim decided = getClaim(claimId);
		events.publishEvent(new MdfEvents.ClaimDecided(decided, get(request.id()), by));
		return decided;
	}

	/** Ties a registration the activity brought in to the request, for its return. */
	@Transactional
	public void linkDeal(UUID requestId, UUID dealId, String by) {
		MdfRequest request = get(requestId);
		Deal deal = deals.find(dealId)
			.filter(d -> d.partnerId().equals(request.partnerId()))
			.orElseThrow(() -> new InvalidInputException("dealId", "no registration " + dealId + " of this partner"));
		requests.linkDeal(requestId, deal.id());
		requests.audit(request.partnerId(), requestId, "deal linked", by, deal.reference());
	}

	/**
	 * A partner's MDF return: what was paid, how much of what was available it used, and
	 * the won revenue of the registrations tied to its activities per unit paid.
	 *
	 * @param paid paid out so far
	 * @param utilisation paid, claimed and committed over all funds that have started
	 * (zero to one)
	 * @param wonRevenue won revenue of registrations tied to its activities
	 * @param returnPerUnit won revenue per unit paid, null before anything is paid
	 */
	public record Performance(BigDecimal paid, BigDecimal utilisation, BigDecimal wonRevenue,
			BigDecimal returnPerUnit) {
	}

	@Transactional(readOnly = true)
	public Performance performance(UUID partnerId) {
		Balance balance = balance(partnerId);
		BigDecimal used = balance.paid().add(balance.claimed()).add(balance.committed());
		BigDecimal utilisation = balance.allocated().signum() == 0 ? BigDecimal.ZERO
				: used.divide(balance.allocated(), 2, java.math.RoundingMode.HALF_UP);
		BigDecimal won = requests.linkedDeals(partnerId)
			.stream()
			.map(deals::find)
			.flatMap(Optional::stream)
			.filter(d -> d.status() == DealStatus.WON && d.partnerId().equals(partnerId))
			.map(Deal::amount)
			.reduce(ZERO, BigDecimal::add);
		BigDecimal perUnit = balance.paid().signum() == 0 ? null
				: won.divide(balance.paid(), 2, java.math.RoundingMode.HALF_UP);
		return new Performance(balance.paid(), utilisation, won, perUnit);
	}

	/**
	 * Reminds partners of funds about to expire, asks them for the claim once an activity
	 * ended, reminds them of claims coming due (each once), and expires approved requests
	 * never claimed by their deadline.
	 * @return how many reminders and expiries
	 */
	@Transactional
	public int remindAndExpire() {
		LocalDate today = today();
		int count = 0;
		for (Fund fund : funds.claimExpiryReminders(today, today.plusDays(rules.properties().expiryReminderDays()))) {
			events.publishEvent(
					new MdfEvents.FundsExpiring(fund.partnerId(), fund.left(), fund.currency(), fund.endsOn()));
			count++;
		}
		int claimDays = rules.properties().claimDays();
		int reminderDays = rules.properties().claimReminderDays();
		// after the activity the partner is asked for its claim; one already close to
		// its deadline gets the reminder below instead
		for (MdfRequest request : requests.claimInvitations(today.minusDays(claimDays - reminderDays), today)) {
			events.publishEvent(new MdfEvents.ActivityEnded(request, rules.claimDue(request.endsOn())));
			count++;
		}
		for (MdfRequest request : requests.claimDueReminders(
				today.minusDays(claimDays - rules.properties().claimReminderDays()), today.minusDays(claimDays))) {
			events.publishEvent(new MdfEvents.ClaimDue(request, rules.claimDue(request.endsOn())));
			count++;
		}
		for (MdfRequest request : requests.unclaimedEndedBefore(today.minusDays(claimDays))) {
			release(request, ZERO);
			requests.setStatus(request.id(), RequestStatus.EXPIRED);
			requests.audit(request.partnerId(), request.id(), "expired", "system",
					"not claimed by " + rules.claimDue(request.endsOn()));
			count++;
		}
		return count;
	}

	/**
	 * The month's note of each partner's unspent funds for channel managers, once per
	 * month.
	 * @return whether the note was published now
	 */
	@Transactional
	public boolean noteUnspentFunds() {
		LocalDate today = today();
		String month = YearMonth.from(today).toString();
		List<MdfEvents.UnspentFunds.Unspent> unspent = new ArrayList<>();
		for (UUID partnerId : funds.partnersWithFunds()) {
			Balance balance = balance(partnerId);
			if (balance.available().signum() > 0) {
				BigDecimal soon = balance.expiring()
					.stream()
					.filter(e -> !e.on().isAfter(today.plusMonths(1)))
					.map(Balance.Expiring::amount)
					.reduce(ZERO, BigDecimal::add);
				unspent
					.add(new MdfEvents.UnspentFunds.Unspent(partnerId, balance.available(), soon, balance.currency()));
			}
		}
		if (unspent.isEmpty() || !funds.noteOnce("unspent", month)) {
			return false;
		}
		events.publishEvent(new MdfEvents.UnspentFunds(month, List.copyOf(unspent)));
		return true;
	}

	public Optional<MdfRequest> find(UUID requestId) {
		return requests.find(requestId);
	}

	/**
	 * @throws NotFoundException when there is no such request
	 */
	public MdfRequest get(UUID requestId) {
		return find(requestId).orElseThrow(() -> new NotFoundException("no MDF request " + requestId));
	}

	/** A partner's own request by its reference; never another partner's. */
	public Optional<MdfRequest> ofPartner(String reference, UUID partnerId) {
		return requests.findByReference(reference.strip().toUpperCase(Locale.ROOT))
			.filter(r -> r.partnerId().equals(partnerId));
	}

	public List<MdfRequest> requests(UUID partnerId) {
		return requests.ofPartner(partnerId);
	}

	public List<MdfClaim> claims(UUID requestId) {
		return requests.claims(requestId);
	}

	public Optional<MdfClaim> findClaim(UUID claimId) {
		return requests.findClaim(claimId);
	}

	/**
	 * @throws NotFoundException when there is no such claim
	 */
	public MdfClaim getClaim(UUID claimId) {
		return findClaim(claimId).orElseThrow(() -> new NotFoundException("no MDF claim " + claimId));
	}

	/** The audit trail of a request and its claims, or of a fund. */
	public List<AuditEntry> auditTrail(UUID id) {
		return requests.requestTrail(id);
	}

	public void attachConversation(UUID requestId, String conversationKey) {
		requests.attachConversation(requestId, conversationKey);
	}

	/** The last day to claim an activity that ends on a day. */
	public LocalDate claimDue(MdfRequest request) {
		return rules.claimDue(request.endsOn());
	}

	/** The day a channel manager's pre-approval is due by. */
	public LocalDate decisionDue(MdfRequest request) {
		return MdfRules.plusBusinessDays(request.createdAt().atZone(clock.getZone()).toLocalDate(),
				rules.properties().decisionBusinessDays());
	}

	private String reference() {
		StringBuilder reference = new StringBuilder("MDF-");
		for (int i = 0; i < 5; i++) {
			reference.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
		}
		return reference.toString();
	}

}
