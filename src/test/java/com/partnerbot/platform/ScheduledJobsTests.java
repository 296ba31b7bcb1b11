package com.partnerbot.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job lock between two instances on one database: each {@link ScheduledJobs} here is
 * one instance.
 */
class ScheduledJobsTests extends EndToEndTests {

	@Autowired
	DataSource dataSource;

	// the instances' scheduler threads, never the common pool, which one blocked job can
	// fill
	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	@Test
	void ofTwoInstancesFiringAtOnceOneRunsTheJob() throws Exception {
		ScheduledJobs first = new ScheduledJobs(dataSource);
		ScheduledJobs second = new ScheduledJobs(dataSource);
		String job = unique("job-");
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		Runnable work = () -> {
			runs.incrementAndGet();
			running.countDown();
			waitFor(finish);
		};
		CompletableFuture<Boolean> one = CompletableFuture
			.supplyAsync(() -> first.runExclusively(job, Duration.ofMinutes(5), Duration.ZERO, work), threads);
		CompletableFuture<Boolean> other = CompletableFuture
			.supplyAsync(() -> second.runExclusively(job, Duration.ofMinutes(5), Duration.ZERO, work), threads);
		assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
		// whichever is not running was refused, and only once the lock is let go may it
		// run
		assertThat(CompletableFuture.anyOf(one, other).get(30, TimeUnit.SECONDS)).isEqualTo(false);
		finish.countDown();
		assertThat(one.get(30, TimeUnit.SECONDS) ^ other.get(30, TimeUnit.SECONDS)).isTrue();
		assertThat(runs).hasValue(1);
		assertThat(second.runExclusively(job, Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet)).isTrue();
		assertThat(runs).hasValue(2);
	}

	@Test
	void aJobThatRanIsNotRunAgainBeforeItsLeastTime() {
		ScheduledJobs first = new ScheduledJobs(dataSource);
		ScheduledJobs second = new ScheduledJobs(dataSource);
		String job = unique("job-");
		AtomicInteger runs = new AtomicInteger();
		assertThat(first.runExclusively(job, Duration.ofHours(2), Duration.ofHours(1), runs::incrementAndGet)).isTrue();
		assertThat(second.runExclusively(job, Duration.ofHours(2), Duration.ofHours(1), runs::incrementAndGet))
			.isFalse();
		assertThat(first.runExclusively(job, Duration.ofHours(2), Duration.ofHours(1), runs::incrementAndGet))
			.isFalse();
		assertThat(runs).hasValue(1);
	}

	@Test
	void aLockHeldPastItsMostTimeIsFreedForTheOtherInstance() throws Exception {
		ScheduledJobs stuck = new ScheduledJobs(dataSource);
		ScheduledJobs other = new ScheduledJobs(dataSource);
		String job = unique("job-");
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Boolean> hung = CompletableFuture
			.supplyAsync(() -> stuck.runExclusively(job, Duration.ofSeconds(1), Duration.ZERO, () -> {
				running.countDown();
				waitFor(finish);
			}), threads);
		try {
			assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
			AtomicInteger runs = new AtomicInteger();
			// as if the instance holding it had died: after at most a second the other
			// runs it
			await().atMost(Duration.ofSeconds(30))
				.until(() -> other.runExclusively(job, Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet));
			assertThat(runs).hasValue(1);
		}
		finally {
			finish.countDown();
			hung.get(30, TimeUnit.SECONDS);
		}
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
