package com.partnerbot.program;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.partnerbot.platform.NotFoundException;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
class ProgramController {

	private final HealthChecks health;

	private final ProgramAnalytics analytics;

	private final ProgramCharts charts;

	/** The program at a glance, with each partner's figures. */
	@GetMapping("/api/program/summary")
	ProgramSummary summary() {
		return analytics.summary();
	}

	/** Each partner's figures as CSV, for the program's own reporting. */
	@GetMapping(value = "/api/program/partners.csv", produces = "text/csv")
	ResponseEntity<String> csv() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"partner-metrics.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(analytics.csv());
	}

	/** One of the program's charts as a PNG image. */
	@GetMapping(value = "/api/program/charts/{name}.png", produces = MediaType.IMAGE_PNG_VALUE)
	byte[] chart(@PathVariable String name) {
		if (!ProgramCharts.NAMES.contains(name)) {
			throw new NotFoundException("no chart named " + name + "; there are " + ProgramCharts.NAMES);
		}
		return charts.render(analytics.summary()).get(name);
	}

	/** The partner's health now, with every signal's value, weight and reason. */
	@GetMapping("/api/partners/{id}/health")
	PartnerHealth health(@PathVariable UUID id) {
		return health.health(id);
	}

}
