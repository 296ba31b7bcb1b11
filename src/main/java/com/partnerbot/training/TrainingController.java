package com.partnerbot.training;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import com.partnerbot.partners.PartnerManagement;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/training")
@RequiredArgsConstructor
class TrainingController {

	private final TrainingManagement training;

	private final PartnerManagement partners;

	@GetMapping("/courses")
	List<Course> courses() {
		return training.catalogue();
	}

	@PostMapping("/completions")
	ResponseEntity<Completion> record(@RequestBody NewCompletion completion) {
		TrainingManagement.Recorded recorded = training.add(completion, "api");
		// an LMS retries: a completion reported again answers 200 with the one recorded
		// first, not an error
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(recorded.completion());
	}

	@GetMapping("/completions")
	List<Completion> completions(@RequestParam UUID partnerId) {
		partners.get(partnerId);
		return training.completions(partnerId);
	}

	@PostMapping(path = "/completions/import", consumes = "text/csv")
	ImportReport importCsv(@RequestBody(required = false) String csv) {
		return training.importCsv(new StringReader((csv != null) ? csv : ""));
	}

}
