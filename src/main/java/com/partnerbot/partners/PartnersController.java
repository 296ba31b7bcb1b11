package com.partnerbot.partners;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

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
@RequiredArgsConstructor
class PartnersController {

	private final PartnerManagement partners;

	@PostMapping
	ResponseEntity<Partner> register(@Valid @RequestBody NewPartner partner) {
		Partner created = partners.register(partner);
		return ResponseEntity.created(URI.create("/api/partners/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	Partner get(@PathVariable UUID id) {
		return partners.get(id);
	}

	/** A change of tier, of channel manager, or both. */
	record PartnerChange(Tier tier, @jakarta.validation.constraints.Pattern(regexp = "[UW][A-Z0-9_]{2,63}|",
			message = "is not a Slack user id (U or W, then capitals and digits; empty to unassign)") String channelManager) {
	}

	@PatchMapping("/{id}")
	Partner change(@PathVariable UUID id, @Valid @RequestBody PartnerChange change) {
		if (change.tier() == null && change.channelManager() == null) {
			throw new com.partnerbot.platform.InvalidInputException("tier",
					"is required (one of Registered, Silver, Gold, Platinum) unless channelManager is given");
		}
		Partner partner = partners.get(id);
		if (change.channelManager() != null) {
			partner = partners.assignChannelManager(id,
					change.channelManager().isEmpty() ? null : change.channelManager());
		}
		return (change.tier() != null) ? partners.changeTier(id, change.tier()) : partner;
	}

	@GetMapping
	List<Partner> all() {
		return partners.all();
	}

}
