package com.partnerbot.partners;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partners")
class PartnersController {

	private final PartnerManagement partners;

	PartnersController(PartnerManagement partners) {
		this.partners = partners;
	}

	@PostMapping
	ResponseEntity<Partner> register(@Valid @RequestBody NewPartner partner) {
		Partner created = partners.register(partner);
		return ResponseEntity.created(URI.create("/api/partners/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	Partner get(@PathVariable UUID id) {
		return partners.get(id);
	}

	record TierChange(@NotNull(message = "is required: one of Registered, Silver, Gold, Platinum") Tier tier) {
	}

	@PatchMapping("/{id}")
	Partner changeTier(@PathVariable UUID id, @Valid @RequestBody TierChange change) {
		return partners.changeTier(id, change.tier());
	}

	@GetMapping
	List<Partner> all() {
		return partners.all();
	}

}
