package com.partnerbot.deals;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import lombok.RequiredArgsConstructor;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Validated
@RequiredArgsConstructor
class DealsController {

	private final DealRegistrations registrations;

	/**
	 * A registration as other systems see it; conflicts are described as the partner may
	 * see them.
	 */
	record DealView(UUID id, String reference, UUID partnerId, String customerName, String customerDomain,
			List<String> products, java.math.BigDecimal amount, String currency, java.time.LocalDate expectedCloseDate,
			DealStatus status, java.time.LocalDate protectedUntil, int extensions, List<String> conflicts,
			Integer seats, String customerContact, String salesRep, List<String> ruleBreaches, String decisionNote,
			java.time.LocalDate decisionDue, List<DealView> approvedPart, PartnerRole role, List<UUID> coSellPartners) {

		static DealView of(Deal deal, List<String> conflicts, DealRegistrations registrations) {
			boolean waiting = deal.status() == DealStatus.PENDING || deal.status() == DealStatus.CONFLICT;
			return new DealView(deal.id(), deal.reference(), deal.partnerId(), deal.customerName(),
					deal.customerDomain(), deal.products(), deal.amount(), deal.currency(), deal.expectedCloseDate(),
					deal.status(), deal.protectedUntil(), deal.extensions(), conflicts, deal.seats(),
					deal.customerContact(), deal.salesRep(), registrations.breachesOf(deal), deal.decisionNote(),
					waiting ? registrations.decisionDue(deal) : null, null, deal.role(), deal.coSellPartners());
		}

	}

	private DealView view(Deal deal) {
		return DealView.of(deal, List.of(), registrations);
	}

	/**
	 * Registers a deal; when only some of its products conflicted, {@code approvedPart}
	 * holds the registration of the clean ones.
	 */
	@PostMapping("/deals")
	ResponseEntity<DealView> register(@RequestBody NewDeal deal) {
		DealRegistrations.Registration registration = registrations.register(deal, "api", null);
		Deal created = registration.deal();
		DealView view = DealView.of(created, registration.conflicts().stream().map(DealConflict::forPartner).toList(),
				registrations);
		if (registration.approvedPart().isPresent()) {
			view = new DealView(view.id(), view.reference(), view.partnerId(), view.customerName(),
					view.customerDomain(), view.products(), view.amount(), view.currency(), view.expectedCloseDate(),
					view.status(), view.protectedUntil(), view.extensions(), view.conflicts(), view.seats(),
					view.customerContact(), view.salesRep(), view.ruleBreaches(), view.decisionNote(),
					view.decisionDue(), List.of(view(registration.approvedPart().get())), view.role(),
					view.coSellPartners());
		}
		return ResponseEntity.created(URI.create("/api/deals/" + created.id())).body(view);
	}

	/** Registrations waiting for a channel manager, oldest first, with their due day. */
	@GetMapping("/deals/waiting")
	List<DealView> waiting() {
		return registrations.waiting().stream().map(w -> view(w.deal())).toList();
	}

	@GetMapping("/deals")
	List<DealView> forPartner(@RequestParam @NotNull UUID partnerId) {
		return registrations.forPartner(partnerId).stream().map(this::view).toList();
	}

	@GetMapping("/deals/{id}")
	DealView get(@PathVariable UUID id) {
		return registrations.find(id)
			.map(this::view)
			.orElseThrow(() -> new com.partnerbot.platform.NotFoundException("no deal registration " + id));
	}

	@GetMapping("/deals/{id}/audit")
	List<AuditEntry> audit(@PathVariable UUID id) {
		get(id);
		return registrations.auditTrail(id);
	}

	record Decision(DealStatus decision, String manager, String note) {
	}

	@PostMapping("/deals/{id}/decision")
	DealView decide(@PathVariable UUID id, @RequestBody Decision decision) {
		if (decision.decision() == null) {
			throw new com.partnerbot.platform.InvalidInputException("decision",
					"is required: APPROVED, REJECTED or CO_SELL");
		}
		String manager = (decision.manager() != null && !decision.manager().isBlank()) ? decision.manager() : "api";
		return view(registrations.decide(id, decision.decision(), manager, decision.note()));
	}

	record PartnerAction(@NotNull UUID partnerId) {
	}

	@PostMapping("/deals/{id}/extension")
	DealView extend(@PathVariable UUID id, @RequestBody PartnerAction action) {
		return view(registrations.extend(id, require(action), "api"));
	}

	record Outcome(UUID partnerId, Boolean won) {
	}

	@PostMapping("/deals/{id}/outcome")
	DealView outcome(@PathVariable UUID id, @RequestBody Outcome outcome) {
		if (outcome.partnerId() == null || outcome.won() == null) {
			throw new com.partnerbot.platform.InvalidInputException(outcome.partnerId() == null ? "partnerId" : "won",
					"is required");
		}
		return view(registrations.close(id, outcome.partnerId(), outcome.won(), "api"));
	}

	record NewDirectAccount(String name, String domain, String owner) {
	}

	@PostMapping("/direct-accounts")
	ResponseEntity<DirectAccount> directAccount(@RequestBody NewDirectAccount account) {
		DirectAccount created = registrations.addDirectAccount(account.name(), account.domain(), account.owner());
		return ResponseEntity.status(201).body(created);
	}

	private static UUID require(PartnerAction action) {
		if (action == null || action.partnerId() == null) {
			throw new com.partnerbot.platform.InvalidInputException("partnerId", "is required");
		}
		return action.partnerId();
	}

}
