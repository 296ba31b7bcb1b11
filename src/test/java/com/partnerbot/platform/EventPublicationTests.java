package com.partnerbot.platform;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Module hand-offs through Spring Modulith's JDBC event publication registry, on the
 * table Flyway made: a hand-off whose listener failed stays in the registry until it is
 * republished (as every start does), and one that was delivered leaves no row behind.
 */
class EventPublicationTests extends EndToEndTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	PingListener listener;

	@Test
	void theRegistrysTableComesFromAMigration() {
		assertThat(jdbc
			.sql("select count(*) from flyway_schema_history where script like '%event_publication%' and success")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFailedHandOffIsKeptUntilRepublishedAndADeliveredOneIsCleanedAway() {
		String id = EndToEndTests.class.getSimpleName() + System.nanoTime();
		listener.failOnce(id);
		transactions.executeWithoutResult(status -> events.publishEvent(new PingListener.Ping(id)));

		await().atMost(Duration.ofSeconds(30)).until(() -> listener.failed(id));
		// the failure is recorded, the publication kept for a later try
		await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(id)));
		assertThat(listener.received(id)).isFalse();

		incomplete.resubmitIncompletePublications(
				p -> p.getEvent() instanceof PingListener.Ping ping && ping.id().equals(id));
		await().atMost(Duration.ofSeconds(30)).until(() -> listener.received(id));
		await().atMost(Duration.ofSeconds(30)).until(() -> rows(id) == 0);
	}

	private String status(String id) {
		return jdbc.sql("select status from event_publication where serialized_event like ?")
			.param("%" + id + "%")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private int rows(String id) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + id + "%")
			.query(Integer.class)
			.single();
	}

}
