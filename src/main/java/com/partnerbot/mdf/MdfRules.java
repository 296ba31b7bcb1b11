package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.partnerbot.partners.Tier;
import com.partnerbot.platform.ApiError;

import lombok.RequiredArgsConstructor;

/**
 * The MDF policy as plain deterministic Java over {@link MdfProperties}: what a request
 * may be reimbursed, what a claim must show, and what a quarter accrues.
 */
@RequiredArgsConstructor
public final class MdfRules {

	private final MdfProperties rules;

	public MdfProperties properties() {
		return rules;
	}

	/** The activity type a key or label names, ignoring case. */
	public Optional<String> activityKey(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		return rules.activities()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().equals(wanted) || e.getValue().label().toLowerCase(Locale.ROOT).equals(wanted))
			.map(java.util.Map.Entry::getKey)
			.findFirst();
	}

	public boolean eligible(Tier tier) {
		return rules.eligibleTiers().contains(tier);
	}

	/** The program's share of the eligible cost for a tier; zero when not eligible. */
	public BigDecimal share(Tier tier) {
		return eligible(tier) ? rules.share().getOrDefault(tier, BigDecimal.ZERO) : BigDecimal.ZERO;
	}

	/** The last day a claim for an activity ending on this day may be submitted. */
	public LocalDate claimDue(LocalDate activityEnds) {
		return activityEnds.plusDays(rules.claimDays());
	}

	/** The first day an activity may start when its request needs pre-approval. */
	public LocalDate earliestStart(LocalDate submittedOn) {
		return plusBusinessDays(submittedOn, rules.leadBusinessDays());
	}

	/** Whether a request for this amount waits for a channel manager. */
	public boolean needsPreApproval(BigDecimal amount) {
		return amount != null && amount.compareTo(rules.preApprovalAbove()) > 0;
	}

	/** Business days, Monday to Friday, after a day. */
	public static LocalDate plusBusinessDays(LocalDate day, int days) {
		LocalDate result = day;
		int left = days;
		while (left > 0) {
			result = result.plusDays(1);
			if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return result;
	}

	/**
	 * What the program would reimburse for a request of a partner of this tier submitted
	 * today with this much available, and every rule or balance it breaks.
	 */
	public Quote quote(Tier tier, NewRequest request, LocalDate today, BigDecimal available) {
		List<ApiError.FieldError> breaches = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		if (!eligible(tier)) {
			breaches.add(new ApiError.FieldError("partnerId", "MDF is for " + labels(rules.eligibleTiers())
					+ " partners; a " + tier.label() + " partner does not accrue or spend MDF"));
		}
		Optional<MdfProperties.Activity> activity = activityKey(request.activity()).map(rules.activities()::get);
		if (request.activity() == null || request.activity().isBlank()) {
			breaches.add(new ApiError.FieldError("activity", "is required: one of " + activityLabels()));
		}
		else if (activity.isEmpty()) {
			breaches.add(new ApiError.FieldError("activity",
					"'" + request.activity() + "' is not an eligible activity: one of " + activityLabels()));
		}
		if (request.currency() != null && !request.currency().strip().equalsIgnoreCase(rules.currency())) {
			breaches.add(new ApiError.FieldError("currency", "funds are kept in " + rules.currency() + " only"));
		}
		if (request.description() != null && request.description().length() > 1000) {
			breaches.add(new ApiError.FieldError("description", "is longer than 1000 characters"));
		}
		dates(request, today, breaches);
		BigDecimal cost = request.cost();
		if (cost == null) {
			breaches.add(new ApiError.FieldError("cost", "is required: the activity's whole cost"));
		}
		else if (!validMoney(cost)) {
			breaches.add(new ApiError.FieldError("cost", "must be more than zero, with at most two decimals"));
			cost = null;
		}
		if (request.attendees() != null && request.attendees() <= 0) {
			breaches.add(new ApiError.FieldError("attendees", "must be more than zero"));
		}
		BigDecimal eligibleCost = (cost != null) ? eligibleCost(cost, request, activity, notes, breaches) : null;
		BigDecimal share = share(tier);
		BigDecimal maximum = (eligibleCost != null) ? eligibleCost.multiply(share).setScale(2, RoundingMode.DOWN)
				: null;
		BigDecimal amount = request.amount();
		if (amount != null && !validMoney(amount)) {
			breaches.add(new ApiError.FieldError("amount", "must be more than zero, with at most two decimals"));
			amount = null;
		}
		else if (amount == null) {
			amount = maximum;
		}
		else if (maximum != null && amount.compareTo(maximum) > 0 && share.signum() > 0) {
			breaches.add(new ApiError.FieldError("amount",
					"the program pays " + percent(share) + " of the eligible cost for a " + tier.label()
							+ " partner: at most " + money(maximum) + " of " + money(eligibleCost) + ", not "
							+ money(amount)));
		}
		if (amount != null && available != null && amount.compareTo(available) > 0) {
			breaches.add(new ApiError.FieldError("amount",
					money(amount) + " is more than the available balance of " + money(available)));
		}
		boolean preApproval = needsPreApproval(amount);
		if (preApproval && request.startsOn() != null && !request.startsOn().isBefore(today)
				&& request.startsOn().isBefore(earliestStart(today))) {
			breaches.add(new ApiError.FieldError("startsOn",
					"a request for more than " + money(rules.preApprovalAbove()) + " needs pre-approval "
							+ rules.leadBusinessDays() + " business days before the activity starts: on "
							+ earliestStart(today) + " or later"));
		}
		activity.filter(a -> a.attendanceFloor() != null)
			.ifPresent(a -> notes.add("if it has fewer than " + a.attendanceFloor() + " live attendees, "
					+ percent(a.belowFloorRate()) + " of the approved amount is paid"));
		LocalDate claimDue = (request.lastDay() != null) ? claimDue(request.lastDay()) : null;
		return new Quote(share, eligibleCost, maximum, amount, available, preApproval, claimDue, List.copyOf(notes),
				List.copyOf(breaches));
	}

	private void dates(NewRequest request, LocalDate today, List<ApiError.FieldError> breaches) {
		if (request.startsOn() == null) {
			breaches.add(new ApiError.FieldError("startsOn", "is required (YYYY-MM-DD): the activity's first day"));
		}
		else if (request.startsOn().isBefore(today)) {
			breaches.add(new ApiError.FieldError("startsOn", "is in the past: MDF is requested before the activity"));
		}
		if (request.startsOn() != null && request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
			breaches.add(new ApiError.FieldError("endsOn", "is before startsOn"));
		}
		else if (request.startsOn() != null && request.endsOn() != null
				&& request.endsOn().isAfter(request.startsOn().plusYears(1))) {
			breaches.add(new ApiError.FieldError("endsOn", "is more than a year after startsOn"));
		}
	}

	private static BigDecimal eligibleCost(BigDecimal cost, NewRequest request,
			Optional<MdfProperties.Activity> activity, List<String> notes, List<ApiError.FieldError> breaches) {
		BigDecimal catering = request.cateringCost();
		if (catering == null || catering.signum() == 0) {
			return cost;
		}
		if (catering.signum() < 0 || catering.compareTo(cost) > 0) {
			breaches.add(new ApiError.FieldError("cateringCost", "must be between zero and the cost"));
			return cost;
		}
		BigDecimal perAttendee = activity.map(MdfProperties.Activity::cateringPerAttendee).orElse(null);
		if (perAttendee == null) {
			return cost;
		}
		if (request.attendees() == null || request.attendees() <= 0) {
			breaches.add(new ApiError.FieldError("attendees",
					"how many attendees: catering counts up to " + perAttendee.toPlainString() + " per attendee"));
			return cost;
		}
		BigDecimal cap = perAttendee.multiply(BigDecimal.valueOf(request.attendees()));
		if (catering.compareTo(cap) <= 0) {
			return cost;
		}
		notes.add("catering counts up to " + perAttendee.toPlainString() + " per attendee: " + cap.toPlainString()
				+ " of " + catering.toPlainString());
		return cost.subtract(catering.subtract(cap));
	}

	/**
	 * The field errors of a claim for an approved request, checked today: the approval,
	 * the deadline, the attendance floor, the leads and the proof its activity needs.
	 */
	public List<ApiError.FieldError> checkClaim(MdfRequest request, Tier tier, NewClaim claim, LocalDate today) {
		List<ApiError.FieldError> errors = new ArrayList<>();
		if (request.status() != RequestStatus.APPROVED) {
			errors.add(new ApiError.FieldError("status",
					request.reference() + " is " + request.status() + ": only an approved request may be claimed"));
			return errors;
		}
		LocalDate due = claimDue(request.endsOn());
		if (today.isAfter(due)) {
			errors.add(new ApiError.FieldError("deadline", "claims are due within " + rules.claimDays()
					+ " days of the activity's end (" + request.endsOn() + "): the last day was " + due));
			return errors;
		}
		MdfProperties.Activity activity = rules.activities().get(request.activity());
		BigDecimal approved = request.approvedAmount();
		if (claim.amount() == null || !validMoney(claim.amount())) {
			errors.add(new ApiError.FieldError("amount", "is required: the funds claimed, more than zero"));
		}
		else {
			BigDecimal most = payable(request, tier, claim);
			if (claim.amount().compareTo(most) > 0) {
				errors.add(new ApiError.FieldError("amount", "at most " + money(most) + " may be claimed: "
						+ String.join("; ", limits(request, tier, claim, activity))));
			}
		}
		if (claim.actualCost() != null && !validMoney(claim.actualCost())) {
			errors.add(new ApiError.FieldError("actualCost", "must be more than zero, with at most two decimals"));
		}
		if (activity != null && activity.attendanceFloor() != null
				&& (claim.attendees() == null || claim.attendees() < 0)) {
			errors.add(new ApiError.FieldError("attendees", "how many attended live: fewer than "
					+ activity.attendanceFloor() + " are paid " + percent(activity.belowFloorRate())));
		}
		if (activity != null && activity.leadsRequired() && (claim.leads() == null || claim.leads() <= 0)) {
			errors.add(new ApiError.FieldError("leads",
					"a " + activity.label().toLowerCase(Locale.ROOT) + "'s claim needs its leads uploaded: how many"));
		}
		List<String> missing = missingProof(request.activity(), claim.proof());
		if (!missing.isEmpty()) {
			errors.add(new ApiError.FieldError("proof", "still needed: " + String.join(", ", missing)));
		}
		if (approved == null) {
			errors.add(new ApiError.FieldError("status", "the request has no approved amount"));
		}
		return errors;
	}

	/**
	 * The most a claim may be paid: the approved amount, the share of the actual cost,
	 * and the reduced rate below a webinar's attendance floor.
	 */
	public BigDecimal payable(MdfRequest request, Tier tier, NewClaim claim) {
		BigDecimal most = request.approvedAmount();
		if (claim.actualCost() != null && claim.actualCost().signum() > 0) {
			most = most.min(claim.actualCost().multiply(share(tier)).setScale(2, RoundingMode.DOWN));
		}
		MdfProperties.Activity activity = rules.activities().get(request.activity());
		if (belowFloor(activity, claim)) {
			most = most
				.min(request.approvedAmount().multiply(activity.belowFloorRate()).setScale(2, RoundingMode.DOWN));
		}
		return most;
	}

	private static boolean belowFloor(MdfProperties.Activity activity, NewClaim claim) {
		return activity != null && activity.attendanceFloor() != null && claim.attendees() != null
				&& claim.attendees() < activity.attendanceFloor();
	}

	private List<String> limits(MdfRequest request, Tier tier, NewClaim claim, MdfProperties.Activity activity) {
		List<String> limits = new ArrayList<>();
		limits.add("approved " + money(request.approvedAmount()));
		if (claim.actualCost() != null && claim.actualCost().signum() > 0) {
			limits.add(percent(share(tier)) + " of the actual cost " + money(claim.actualCost()));
		}
		if (belowFloor(activity, claim)) {
			limits.add(claim.attendees() + " attended live, fewer than " + activity.attendanceFloor() + ", so "
					+ percent(activity.belowFloorRate()) + " of the approved amount");
		}
		return limits;
	}

	/** The proof an activity needs that none of the files' names shows. */
	public List<String> missingProof(String activityKey, List<MdfClaim.ProofFile> files) {
		MdfProperties.Activity activity = rules.activities().get(activityKey);
		if (activity == null) {
			return List.of();
		}
		List<List<String>> names = files.stream().map(MdfRules::words).toList();
		return activity.proof()
			.stream()
			.filter(p -> names.stream()
				.noneMatch(n -> p.words().stream().anyMatch(w -> n.stream().anyMatch(t -> t.startsWith(w)))))
			.map(MdfProperties.Proof::label)
			.toList();
	}

	/**
	 * The words of a file's name and of the last part of its link: a proof's word must
	 * begin one ("ad" is "ads.png", not "leads.csv" or a link's "download").
	 */
	private static List<String> words(MdfClaim.ProofFile file) {
		String url = (file.url() == null) ? "" : file.url().replaceAll("[?#].*$", "");
		String text = (file.name() == null ? "" : file.name()) + " " + url.substring(url.lastIndexOf('/') + 1);
		return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
	}

	/**
	 * What a quarter's won revenue accrues for a partner of this tier that accrued
	 * {@code accruedThisYear} earlier in the same year: the accrual rate, up to the
	 * tier's annual cap; zero for a tier that does not accrue.
	 */
	public BigDecimal accrual(Tier tier, BigDecimal wonRevenue, BigDecimal accruedThisYear) {
		if (!eligible(tier) || wonRevenue == null || wonRevenue.signum() <= 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal accrued = wonRevenue.multiply(rules.accrualRate()).setScale(2, RoundingMode.DOWN);
		BigDecimal cap = rules.annualCap().getOrDefault(tier, BigDecimal.ZERO);
		BigDecimal room = cap.subtract(accruedThisYear == null ? BigDecimal.ZERO : accruedThisYear)
			.max(BigDecimal.ZERO);
		return accrued.min(room).setScale(2, RoundingMode.DOWN);
	}

	/** The first day a quarter's accrual may be spent. */
	public LocalDate accrualStarts(Quarter quarter) {
		return quarter.plus(1).firstDay();
	}

	/** The last day a quarter's accrual may be spent. */
	public LocalDate accrualEnds(Quarter quarter) {
		return quarter.plus(rules.usableQuarters()).lastDay();
	}

	public String activityLabels() {
		return String.join(", ", rules.activities().keySet());
	}

	/** An amount for people, e.g. "4,500.00 USD". */
	public String money(BigDecimal amount) {
		return String.format(Locale.ROOT, "%,.2f %s", amount, rules.currency());
	}

	static String percent(BigDecimal share) {
		return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
	}

	static boolean validMoney(BigDecimal amount) {
		return amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2
				&& amount.compareTo(new BigDecimal("1000000000000")) < 0;
	}

	private static String labels(List<Tier> tiers) {
		return String.join(", ", tiers.stream().map(Tier::label).toList());
	}

}
