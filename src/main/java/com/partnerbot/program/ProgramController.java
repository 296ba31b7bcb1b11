package com.partnerbot.program;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProgramController {

	private final HealthChecks health;

	ProgramController(HealthChecks health) {
		this.health = health;
	}

	/** The partner's health now, with every signal's value, weight and reason. */
	@GetMapping("/api/partners/{id}/health")
	PartnerHealth health(@PathVariable UUID id) {
		return health.health(id);
	}

}
