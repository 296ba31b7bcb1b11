package com.partnerbot.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The index is usable when its folder can be written; an empty index (before the first
 * reindex) still answers, with "I don't know".
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
		return Health.up().withDetail("chunks", knowledge.size()).build();
	}

}
