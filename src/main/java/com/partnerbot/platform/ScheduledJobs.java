package com.partnerbot.platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scheduled jobs that run on one instance at a time, however many share the database: a
 * job takes its row in {@code job_lock} for at most {@code atMost} (so a crashed instance
 * frees it) and keeps it for at least {@code atLeast} after it started (so a fast job is
 * not run again by an instance whose clock fires a moment later).
 */
@Component
public class ScheduledJobs {

	private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

	private final JdbcClient jdbc;

	private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	public ScheduledJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** This instance's name in locks and claims. */
	public String instance() {
		return instance;
	}

	/**
	 * Runs the job here unless another instance holds it; returns whether it ran.
	 */
	public boolean runExclusively(String name, Duration atMost, Duration atLeast, Runnable job) {
		int taken = jdbc.sql("""
				insert into job_lock (name, locked_until, locked_at, locked_by)
				values (:name, now() + make_interval(secs => :atMost), now(), :instance)
				on conflict (name) do update
				    set locked_until = excluded.locked_until, locked_at = excluded.locked_at,
				        locked_by = excluded.locked_by
				    where job_lock.locked_until <= now()""")
			.param("name", name)
			.param("atMost", (double) atMost.toMillis() / 1000)
			.param("instance", instance)
			.update();
		if (taken == 0) {
			log.debug("Job {} runs on another instance", name);
			return false;
		}
		try {
			job.run();
			return true;
		}
		finally {
			jdbc.sql("""
					update job_lock set locked_until = greatest(locked_at + make_interval(secs => :atLeast), now())
					where name = :name and locked_by = :instance""")
				.param("atLeast", (double) atLeast.toMillis() / 1000)
				.param("name", name)
				.param("instance", instance)
				.update();
		}
	}

}
