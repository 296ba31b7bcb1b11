package com.partnerbot.scorecards;

import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
class ScorecardsController {

	private final Scorecards scorecards;

	/** The partner's scorecard; with {@code person}, recommendations for that person. */
	@GetMapping("/api/partners/{id}/scorecard")
	Scorecard scorecard(@PathVariable UUID id, @RequestParam(required = false) String person) {
		return (person != null && !person.isBlank()) ? scorecards.forPerson(id, person.strip())
				: scorecards.forPartner(id);
	}

}
