package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.partnerbot.platform.InvalidInputException;

import lombok.RequiredArgsConstructor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@RequiredArgsConstructor
class MdfController {

	private final MdfManagement mdf;

	/** A request as other systems see it, with what the program would reimburse. */
	record RequestView(UUID id, String reference, UUID partnerId, String activity, String description, BigDecimal cost,
			BigDecimal amount, BigDecimal approvedAmount, BigDecimal reimbursable, String currency, LocalDate startsOn,
			LocalDate endsOn, Integer attendees, BigDecimal cateringCost, RequestStatus status, String reason,
			LocalDate decisionDue, LocalDate claimDue, List<String> notes, List<MdfClaim> claims) {

		static RequestView of(MdfRequest r, MdfManagement mdf, List<String> notes) {
			BigDecimal reimbursable = (r.approvedAmount() != null) ? r.approvedAmount() : r.amount();
			return new RequestView(r.id(), r.reference(), r.partnerId(), r.activity(), r.description(), r.cost(),
					r.amount(), r.approvedAmount(), r.status() == RequestStatus.REJECTED ? null : reimbursable,
					r.currency(), r.startsOn(), r.endsOn(), r.attendees(), r.cateringCost(), r.status(), r.reason(),
					r.status() == RequestStatus.SUBMITTED ? mdf.decisionDue(r) : null, mdf.claimDue(r), notes,
					mdf.claims(r.id()));
		}

	}

	record BalanceView(UUID partnerId, String currency, BigDecimal allocated, BigDecimal committed, BigDecimal claimed,
			BigDecimal paid, BigDecimal available, BigDecimal expired, List<Balance.Expiring> expiring,
			List<Fund> upcoming, List<RequestView> requests, MdfManagement.Performance performance) {
	}

	@PostMapping(path = "/mdf/allocations", consumes = "application/json")
	ResponseEntity<Fund> allocate(@RequestBody NewAllocation allocation) {
		Fund fund = mdf.allocate(allocation, "api");
		return ResponseEntity.created(URI.create("/api/partners/" + fund.partnerId() + "/mdf")).body(fund);
	}

	/** Allocations from CSV: {@code partnerId,amount,currency,startsOn,endsOn} a line. */
	@PostMapping(path = "/mdf/allocations", consumes = "text/csv")
	ResponseEntity<List<Fund>> allocateCsv(@RequestBody String csv) {
		return ResponseEntity.status(201).body(mdf.allocate(csv, "api"));
	}

	record Accrual(String quarter) {
	}

	/**
	 * Accrues a quarter's MDF from won revenue now (the job does it after quarter end).
	 */
	@PostMapping("/mdf/accruals")
	List<Fund> accrue(@RequestBody Accrual accrual) {
		Quarter quarter;
		try {
			quarter = Quarter.parse(accrual.quarter());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("quarter", ex.getMessage());
		}
		return mdf.accrue(quarter, "api");
	}

	@GetMapping("/partners/{id}/mdf")
	BalanceView balance(@PathVariable UUID id) {
		Balance b = mdf.balance(id);
		return new BalanceView(id, b.currency(), b.allocated(), b.committed(), b.claimed(), b.paid(), b.available(),
				b.expired(), b.expiring(), b.upcoming(),
				mdf.requests(id).stream().map(r -> RequestView.of(r, mdf, null)).toList(), mdf.performance(id));
	}

	@PostMapping("/mdf/requests")
	ResponseEntity<RequestView> request(@RequestBody NewRequest request) {
		MdfManagement.Submission submission = mdf.submit(request, "api", null);
		return ResponseEntity.created(URI.create("/api/mdf/requests/" + submission.request().id()))
			.body(RequestView.of(submission.request(), mdf, submission.quote().notes()));
	}

	@GetMapping("/mdf/requests/{id}")
	RequestView get(@PathVariable UUID id) {
		return RequestView.of(mdf.get(id), mdf, null);
	}

	@GetMapping("/mdf/requests/{id}/audit")
	List<AuditEntry> audit(@PathVariable UUID id) {
		mdf.get(id);
		return mdf.auditTrail(id);
	}

	record Decision(RequestStatus decision, BigDecimal amount, String reason, String manager) {
	}

	@PostMapping("/mdf/requests/{id}/decision")
	RequestView decide(@PathVariable UUID id, @RequestBody Decision decision) {
		if (decision.decision() != RequestStatus.APPROVED && decision.decision() != RequestStatus.REJECTED) {
			throw new InvalidInputException("decision", "is required: APPROVED or REJECTED");
		}
		return RequestView.of(mdf.decide(id, decision.decision() == RequestStatus.APPROVED, decision.amount(),
				by(decision.manager()), decision.reason()), mdf, null);
	}

	@PostMapping("/mdf/requests/{id}/claims")
	ResponseEntity<MdfClaim> claim(@PathVariable UUID id, @RequestBody NewClaim claim) {
		MdfClaim created = mdf.claim(id, claim, "api");
		return ResponseEntity.created(URI.create("/api/mdf/claims/" + created.id())).body(created);
	}

	record DealLink(UUID dealId) {
	}

	/**
	 * Ties a registration the activity brought in to it, for the partner's MDF return.
	 */
	@PostMapping("/mdf/requests/{id}/deals")
	RequestView linkDeal(@PathVariable UUID id, @RequestBody DealLink link) {
		if (link.dealId() == null) {
			throw new InvalidInputException("dealId", "is required");
		}
		mdf.linkDeal(id, link.dealId(), "api");
		return get(id);
	}

	@GetMapping("/mdf/claims/{id}")
	MdfClaim claim(@PathVariable UUID id) {
		return mdf.getClaim(id);
	}

	record ClaimDecision(ClaimStatus decision, String reason, String manager) {
	}

	@PostMapping("/mdf/claims/{id}/decision")
	MdfClaim decideClaim(@PathVariable UUID id, @RequestBody ClaimDecision decision) {
		return mdf.decideClaim(id, decision.decision(), by(decision.manager()), decision.reason());
	}

	/** Adds the proof a channel manager asked for. */
	@PostMapping("/mdf/claims/{id}/proof")
	MdfClaim addProof(@PathVariable UUID id, @RequestBody NewClaim more) {
		return mdf.addProof(id, more, "api");
	}

	private static String by(String manager) {
		return (manager != null && !manager.isBlank()) ? manager.strip() : "api";
	}

}
