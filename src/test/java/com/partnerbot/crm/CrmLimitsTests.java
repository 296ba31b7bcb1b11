package com.partnerbot.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class CrmLimitsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));

	private CrmLimits limits(double reserve) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("clock", clock);
		CrmProperties properties = new CrmProperties("salesforce",
				new CrmProperties.CrmSync(Duration.ofSeconds(2), "-", 12, Duration.ofSeconds(5), Duration.ofHours(1),
						Duration.ofSeconds(30), Duration.ofMinutes(2), reserve));
		return new CrmLimits(beans.getBeanProvider(Clock.class), properties);
	}

	@Test
	void theSyncPausesWhenTheDailyAllowanceIsDownToTheReserveAndLooksAgainWithinTheHour() {
		CrmLimits limits = limits(0.1);
		limits.observeDaily(1600, 15000);
		assertThat(limits.open()).isTrue();
		limits.observeDaily(1500, 15000);
		assertThat(limits.open()).isFalse();
		assertThat(limits.reason()).contains("1500 of 15000");
		assertThat(limits.pausedUntil()).isEqualTo(Instant.parse("2026-12-02T11:00:00Z"));
		clock.now = Instant.parse("2026-12-02T11:00:01Z");
		assertThat(limits.open()).isTrue();
	}

	@Test
	void aRetryAfterPausesEveryCallForItsLengthAndALongerPauseIsNotShortened() {
		CrmLimits limits = limits(0.1);
		limits.pause(Duration.ofSeconds(30), "429");
		limits.pause(Duration.ofSeconds(5), "429 again");
		assertThat(limits.pausedUntil()).isEqualTo(Instant.parse("2026-12-02T10:00:30Z"));
		clock.now = Instant.parse("2026-12-02T10:00:30Z");
		assertThat(limits.open()).isTrue();
	}

	@Test
	void nearMidnightTheDailyPauseEndsAtMidnight() {
		clock.now = Instant.parse("2026-12-02T23:50:00Z");
		CrmLimits limits = limits(0.1);
		limits.dailyLimitReached("REQUEST_LIMIT_EXCEEDED");
		assertThat(limits.pausedUntil()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
	}

	static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
