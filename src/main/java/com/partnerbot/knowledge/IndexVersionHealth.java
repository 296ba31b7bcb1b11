package com.partnerbot.knowledge;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Ready means serving the content version the cluster serves: an instance still indexing
 * at start-up, or catching up with a reindex made on another instance, is taken out of
 * the balancer until it has. Only the readiness group counts it (application.yml): the
 * index it serves meanwhile is still usable.
 */
@Component("indexVersion")
@RequiredArgsConstructor
class IndexVersionHealth implements HealthIndicator {

	/** A status the readiness group maps to 503 and the overall health ranks below UP. */
	static final Status BEHIND = new Status("BEHIND", "the index is not yet at the cluster's content version");

	private final KnowledgeBase knowledge;

	@Override
	public Health health() {
		String serving = knowledge.version();
		String cluster = knowledge.clusterVersion().orElse(serving);
		Health.Builder health = (serving.isEmpty() || !serving.equals(cluster)) ? Health.status(BEHIND) : Health.up();
		return health.withDetail("serving", serving).withDetail("cluster", cluster).build();
	}

}
