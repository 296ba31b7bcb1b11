package com.partnerbot.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the modules read the business day from (protection periods, close dates,
 * certificates, survey rounds), so that tests can set the day instead of depending on the
 * one they run on.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
