package com.partnerbot.platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scheduled jobs that run on one instance at a time, however many share the database,
 * through ShedLock's {@code shedlock} table: a job holds its row for at most
 * {@code atMost} (so a crashed instance frees it) and at least {@code atLeast} after it
 * started (so a fast job is not run again by an instance whose clock fires a moment
 * later). Lock times are the database's, so instances' clocks need not agree.
 */
@Component
public class ScheduledJobs {

	private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

	private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final LockingTaskExecutor locks;

	public ScheduledJobs(DataSource dataSource) {
		this.locks = new DefaultLockingTaskExecutor(
				new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource))
					.withLockedByValue(instance)
					.usingDbTime()
					.build()));
	}

	/** This instance's name in locks and claims. */
	public String instance() {
		return instance;
	}

	/**
	 * Runs the job here unless another instance holds it; returns whether it ran.
	 */
	public boolean runExclusively(String name, Duration atMost, Duration atLeast, Runnable job) {
		try {
			boolean ran = locks.executeWithLock(() -> {
				job.run();
				return true;
			}, new LockConfiguration(ClockProvider.now(), name, atMost, atLeast)).wasExecuted();
			if (!ran) {
				log.debug("Job {} runs on another instance", name);
			}
			return ran;
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Job " + name + " failed", ex);
		}
	}

}
