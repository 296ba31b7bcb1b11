package com.partnerbot.crm;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which CRM ({@code PARTNERBOT_CRM}) and how the sync runs
 * ({@code partnerbot.crm-sync.*}).
 *
 * @param crm {@code salesforce}, {@code hubspot}, or blank for none
 * @param crmSync how the sync runs
 */
@ConfigurationProperties("partnerbot")
record CrmProperties(String crm, @DefaultValue CrmSync crmSync) {

	String choice() {
		return (crm == null || crm.isBlank()) ? "" : crm.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param outInterval how often the outbox is looked at
	 * @param inCron when the CRM's changes are read ({@code -}: only on demand)
	 * @param maxAttempts attempts before a record is given up and channel managers told
	 * @param firstBackoff the wait after the first failure; each next one doubles
	 * @param maxBackoff the longest wait between attempts
	 * @param callTimeout how long one call to the CRM may take
	 * @param claimLease how long a batch taken by an instance stays its own; a crashed
	 * instance's batch is taken again after it
	 * @param dailyReserve the share of the daily API allowance left untouched for people
	 * and other integrations: the sync pauses when only this much remains
	 */
	record CrmSync(@DefaultValue("2s") Duration outInterval, @DefaultValue("0 */15 * * * *") String inCron,
			@DefaultValue("12") int maxAttempts, @DefaultValue("5s") Duration firstBackoff,
			@DefaultValue("1h") Duration maxBackoff, @DefaultValue("30s") Duration callTimeout,
			@DefaultValue("2m") Duration claimLease, @DefaultValue("0.1") double dailyReserve) {
	}

}
