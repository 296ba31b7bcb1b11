package com.partnerbot.crm;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A HubSpot account ({@code HUBSPOT_*}, {@code hubspot.*}).
 *
 * @param accessToken the private app's access token
 * @param apiUrl HubSpot's API, no trailing slash
 * @param apiVersion the date-versioned API ({@code /crm/objects/2026-03/...}); the
 * numbered {@code /crm/v3/} paths are the fallback where it is not served
 * @param pipeline the pipeline registrations' deals go to
 * @param stage the stage a new deal starts in
 * @param idProperty the deal property, unique, that holds our registration id
 * @param directCompanyProperty the company property that marks the direct team's accounts
 * (blank: none)
 * @param directCompanyValue its value for them
 * @param properties our field names to the account's deal properties: overrides and
 * additions to {@link #DEFAULT_PROPERTIES}; a blank value leaves a field out
 */
@ConfigurationProperties("hubspot")
record HubspotProperties(String accessToken, @DefaultValue("https://api.hubapi.com") String apiUrl,
		@DefaultValue("2026-03") String apiVersion, @DefaultValue("default") String pipeline,
		@DefaultValue("appointmentscheduled") String stage,
		@DefaultValue("partnerbot_registration_id") String idProperty,
		@DefaultValue("lifecyclestage") String directCompanyProperty,
		@DefaultValue("customer") String directCompanyValue, Map<String, String> properties) {

	/** Custom deal properties an admin creates (see the README). */
	static final Map<String, String> DEFAULT_PROPERTIES = Map.of("partner", "partnerbot_partner", "partnerRole",
			"partnerbot_partner_role", "coSellPartners", "partnerbot_co_sell_partners", "status", "partnerbot_status",
			"reference", "partnerbot_reference", "protectedUntil", "partnerbot_protected_until", "description",
			"description", "currency", "");

	/** Our field names to the account's deal properties. */
	FieldMapping mapping() {
		return new FieldMapping(DEFAULT_PROPERTIES, properties);
	}

	String base() {
		return (apiUrl == null) ? "" : apiUrl.strip().replaceAll("/+$", "");
	}

}
