package com.partnerbot.knowledge;

import com.partnerbot.platform.ConflictException;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
class KnowledgeController {

	private final KnowledgeBase knowledge;

	KnowledgeController(KnowledgeBase knowledge) {
		this.knowledge = knowledge;
	}

	/**
	 * Rebuilds the index from the content directory and answers with the counts when
	 * done.
	 */
	@PostMapping("/reindex")
	ReindexReport reindex() {
		try {
			return knowledge.reindex(ReindexProgress.NONE);
		}
		catch (ReindexInProgressException ex) {
			throw new ConflictException("reindex", ex.getMessage());
		}
	}

}
