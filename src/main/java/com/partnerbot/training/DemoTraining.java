package com.partnerbot.training;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.DemoProgramSeeded;
import com.partnerbot.partners.Partner;

import lombok.RequiredArgsConstructor;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo partners' certified people and courses; a partner with completions already is
 * left as it is.
 */
@Component
@RequiredArgsConstructor
class DemoTraining {

	private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);

	/** Who of each demo partner completed what. */
	static final Map<String, Map<String, List<String>>> DONE = Map.of("Acme Resellers", Map.of("dana@acme.example",
			List.of("sales-essentials", "csp-exam"), "sam@acme.example", List.of("analytics-suite-fundamentals")),
			"Globex Systems",
			Map.of("grace@globex.example", List.of("sales-essentials", "csp-exam"), "lee@globex.example",
					List.of("csp-exam"), "kai@globex.example",
					List.of("analytics-suite-fundamentals", "cse-analytics-suite-exam")),
			"Umbrella Integrators",
			Map.of("ann@umbrella.example", List.of("csp-exam"), "bo@umbrella.example", List.of("csp-exam"),
					"cy@umbrella.example", List.of("csp-exam"), "di@umbrella.example", List.of("csp-exam"),
					"ed@umbrella.example", List.of("cse-analytics-suite-exam"), "fay@umbrella.example",
					List.of("cse-data-pipeline-exam"), "gus@umbrella.example", List.of("cse-analytics-suite-exam")),
			"Hooli Cloud Partners", Map.of("hal@hooli.example", List.of("csp-exam")));

	private final TrainingManagement training;

	private final Clock clock;

	@EventListener
	void on(DemoProgramSeeded seeded) {
		LocalDate when = LocalDate.now(clock).minusMonths(2);
		int recorded = 0;
		for (Partner partner : seeded.partners()) {
			if (!training.completions(partner.id()).isEmpty()) {
				continue;
			}
			for (var person : DONE.getOrDefault(partner.name(), Map.of()).entrySet()) {
				for (String course : person.getValue()) {
					try {
						training.record(new NewCompletion(partner.id(), person.getKey(), null, course, when), "api");
						recorded++;
					}
					catch (RuntimeException ex) {
						log.warn("Demo completion for {} not seeded: {}", partner.name(), ex.getMessage());
					}
				}
			}
		}
		log.info("Demo program: {} course completions seeded", recorded);
	}

}
