package com.partnerbot.knowledge;

import lombok.RequiredArgsConstructor;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
@RequiredArgsConstructor
class KnowledgeController {

	private final KnowledgeBase knowledge;

	/**
	 * Rebuilds the index from the content directory and answers with the counts when
	 * done; while another reindex runs (the one at start-up), it waits for it.
	 */
	@PostMapping("/reindex")
	ReindexReport reindex() {
		return knowledge.reindex(ReindexProgress.NONE);
	}

}
