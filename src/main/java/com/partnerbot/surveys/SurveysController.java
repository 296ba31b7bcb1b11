package com.partnerbot.surveys;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.partnerbot.platform.InvalidInputException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/surveys")
class SurveysController {

	private final Surveys surveys;

	SurveysController(Surveys surveys) {
		this.surveys = surveys;
	}

	@PostMapping
	ResponseEntity<Survey> create(@RequestBody NewSurvey survey) {
		Survey created = surveys.create(survey, "api");
		return ResponseEntity.created(URI.create("/api/surveys/" + created.id())).body(created);
	}

	@GetMapping
	List<Survey> all() {
		return surveys.all();
	}

	@GetMapping("/{id}")
	Survey get(@PathVariable UUID id) {
		return surveys.get(id);
	}

	record Change(Boolean active) {
	}

	/** Pauses or resumes a survey. */
	@PatchMapping("/{id}")
	Survey change(@PathVariable UUID id, @RequestBody Change change) {
		if (change.active() == null) {
			throw new InvalidInputException("active", "is required: true or false");
		}
		return surveys.setActive(id, change.active());
	}

	record Sent(UUID surveyId, int invited) {
	}

	/** Sends a campaign now, as a new round; the invitations are delivered in Slack. */
	@PostMapping("/{id}/send")
	Sent send(@PathVariable UUID id) {
		return new Sent(id, surveys.send(id).size());
	}

	@GetMapping("/{id}/results")
	SurveyResults results(@PathVariable UUID id) {
		return surveys.results(id);
	}

	/** The program's PSAT and NPS over every survey, or one partner's. */
	@GetMapping("/results")
	SurveyResults program(@RequestParam(required = false) UUID partnerId) {
		return surveys.programResults(partnerId);
	}

}
