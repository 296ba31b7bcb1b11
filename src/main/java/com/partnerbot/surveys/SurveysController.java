package com.partnerbot.surveys;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.partnerbot.platform.InvalidInputException;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
@RequiredArgsConstructor
class SurveysController {

	private final Surveys surveys;

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

	/**
	 * @param invited how many people were invited now
	 * @param waitingFor partners of the audience with no one known yet
	 * @param notice what an admin should know when no one was reached
	 */
	record Sent(UUID surveyId, int invited, List<String> waitingFor, String notice) {
	}

	/**
	 * Sends a campaign now, as a new round; the invitations are delivered in Slack, and
	 * people who become known while it is open are invited later.
	 */
	@PostMapping("/{id}/send")
	Sent send(@PathVariable UUID id) {
		SurveySent sent = surveys.send(id, "api");
		return new Sent(id, sent.invitations().size(), sent.waitingFor(), sent.notice());
	}

	@GetMapping("/{id}/results")
	SurveyResults results(@PathVariable UUID id) {
		return surveys.results(id);
	}

	/** Every invitation with its answers, for a spreadsheet. */
	@GetMapping(path = "/{id}/results.csv", produces = "text/csv")
	ResponseEntity<String> resultsCsv(@PathVariable UUID id) {
		return csv("survey-" + id, surveys.resultsCsv(id));
	}

	/** The program's PSAT and NPS over every survey, or one partner's. */
	@GetMapping("/results")
	SurveyResults program(@RequestParam(required = false) UUID partnerId) {
		return surveys.programResults(partnerId);
	}

	@GetMapping(path = "/results.csv", produces = "text/csv")
	ResponseEntity<String> programCsv(@RequestParam(required = false) UUID partnerId) {
		return csv("survey-answers", surveys.programCsv(partnerId));
	}

	private static ResponseEntity<String> csv(String name, String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
			.body(body);
	}

}
