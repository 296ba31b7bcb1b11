package com.partnerbot.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The index is usable when its folder can be written; an empty index (before the first
 * reindex) still answers, with "I don't know". A content directory that does not exist
 * (the bot started from another folder, a volume not mounted) is said in the details:
 * only uploaded documents are then indexed, and every other question goes unanswered.
 */
@Component("index")
@RequiredArgsConstructor
class IndexHealth implements HealthIndicator {

	private final ContentProperties content;

	private final KnowledgeBase knowledge;

	@Override
	public Health health() {
		Path dir = content.indexDir();
		if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
			return Health.down().withDetail("reason", "the index folder is missing or read-only").build();
		}
		Health.Builder up = Health.up().withDetail("chunks", knowledge.size());
		if (!Files.isDirectory(content.contentDir())) {
			up.withDetail("content", "the content directory " + content.contentDir().toAbsolutePath().normalize()
					+ " does not exist: only uploaded documents are indexed");
		}
		return up.build();
	}

}
