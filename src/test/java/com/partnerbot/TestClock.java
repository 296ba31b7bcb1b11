package com.partnerbot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the real time, moved on by what a test asks for, so a
 * test reckons its dates from the same day as the code under test and can let days pass
 * (a protection period, a certificate's validity) without waiting for them.
 * {@code -Dpartnerbot.test.clock=2031-02-28T09:00:00Z} starts it at another time, to
 * check that no test depends on the day it runs (the database's own clock stays real).
 */
public final class TestClock extends Clock {

	private static final TestClock INSTANCE = new TestClock();

	private final Duration start = start(System.getProperty("partnerbot.test.clock"));

	private volatile Duration offset = start;

	private TestClock() {
	}

	public static TestClock get() {
		return INSTANCE;
	}

	/** The day the application takes for today. */
	public static LocalDate today() {
		return LocalDate.now(INSTANCE);
	}

	/** Lets this much time pass for the application. */
	public void advance(Duration by) {
		offset = offset.plus(by);
	}

	/** Back to the time the clock started from. */
	public void reset() {
		offset = start;
	}

	private static Duration start(String instant) {
		return (instant == null || instant.isBlank()) ? Duration.ZERO
				: Duration.between(Instant.now(), Instant.parse(instant));
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), offset);
	}

	/** Puts this clock in place of the application's. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		Clock testClock() {
			return INSTANCE;
		}

	}

}
