package com.partnerbot.platform;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A module listener of the tests' own event, for {@link EventPublicationTests}: it fails
 * once for the ids in {@code failing}, and notes the others.
 */
public class PingListener {

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	private final Set<String> received = ConcurrentHashMap.newKeySet();

	// methods, not fields, for the tests: the bean they get is an @Async proxy

	void failOnce(String id) {
		failing.add(id);
	}

	boolean failed(String id) {
		return !failing.contains(id);
	}

	boolean received(String id) {
		return received.contains(id);
	}

	@ApplicationModuleListener
	void on(Ping ping) {
		if (failing.remove(ping.id())) {
			throw new IllegalStateException("listener down");
		}
		received.add(ping.id());
	}

	/** An event of the tests alone. */
	public record Ping(String id) {
	}

	/** Puts the listener in the application. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		PingListener pingListener() {
			return new PingListener();
		}

	}

}
