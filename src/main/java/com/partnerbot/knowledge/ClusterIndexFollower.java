package com.partnerbot.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import lombok.RequiredArgsConstructor;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance on the content version the cluster serves: PostgreSQL's
 * {@code LISTEN} tells it within moments when another instance indexed new content, and a
 * poll catches what a notification missed (notifications sent while the listening
 * connection was down are lost). The listener holds one pooled connection for as long as
 * the instance runs.
 */
@Component
@RequiredArgsConstructor
class ClusterIndexFollower implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterIndexFollower.class);

	private static final Duration RECONNECT = Duration.ofSeconds(2);

	private final DataSource dataSource;

	private final KnowledgeBase knowledge;

	private final AtomicBoolean following = new AtomicBoolean();

	private volatile boolean running;

	private volatile Thread listener;

	@Override
	public void start() {
		running = true;
		listener = Thread.ofPlatform().daemon().name("content-version-listener").start(this::listen);
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = listener;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** The fallback for notifications lost while the listener was disconnected. */
	@Scheduled(fixedDelayString = "${partnerbot.knowledge.version-poll:15s}",
			initialDelayString = "${partnerbot.knowledge.version-poll:15s}")
	void poll() {
		follow();
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + JdbcContentVersions.CHANNEL);
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				// a version published while this instance was not listening
				follow();
				while (running) {
					PGNotification[] notifications = postgres.getNotifications(1000);
					if (notifications != null && notifications.length > 0) {
						follow();
					}
				}
			}
			catch (SQLException ex) {
				if (running) {
					log.warn("Not listening for content versions ({}); trying again in {} s", ex.getMessage(),
							RECONNECT.toSeconds());
					sleep();
				}
			}
		}
	}

	private void follow() {
		// the listener and the poll share one run; a version that arrives meanwhile is
		// caught by the next poll or notification
		if (!following.compareAndSet(false, true)) {
			return;
		}
		try {
			knowledge.followCluster();
		}
		catch (RuntimeException ex) {
			log.error("Could not follow the cluster's content version; the current index stays in use", ex);
		}
		finally {
			following.set(false);
		}
	}

	private void sleep() {
		try {
			Thread.sleep(RECONNECT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

}
