package com.partnerbot.crm;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Salesforce org ({@code SALESFORCE_*}, {@code salesforce.*}).
 *
 * @param url the org's My Domain URL, for OAuth and the REST API
 * @param clientId the connected app's consumer key
 * @param clientSecret its consumer secret
 * @param apiVersion the REST API version
 * @param registrationObject {@code Lead} (Salesforce PRM's own convention) or
 * {@code Opportunity}
 * @param externalIdField the external id field, on that object and on Opportunity, that
 * holds our registration id
 * @param leadSource the Lead's {@code LeadSource}
 * @param opportunityStage the {@code StageName} of a new Opportunity
 * @param directAccountFilter the SOQL condition that picks the direct team's accounts
 * (blank: none)
 * @param fields our field names to the org's: overrides and additions to
 * {@link #DEFAULT_FIELDS}; a blank value leaves a field out
 */
@ConfigurationProperties("salesforce")
record SalesforceProperties(String url, String clientId, String clientSecret, @DefaultValue("v62.0") String apiVersion,
		@DefaultValue("Lead") String registrationObject,
		@DefaultValue("Partnerbot_Registration_Id__c") String externalIdField,
		@DefaultValue("Partner") String leadSource, @DefaultValue("Prospecting") String opportunityStage,
		@DefaultValue("Type = 'Customer - Direct'") String directAccountFilter, Map<String, String> fields) {

	/**
	 * Where our fields go by default: standard fields where Salesforce has one, custom
	 * fields an admin creates (see the README) for the partner and the attribution.
	 */
	static final Map<String, String> DEFAULT_FIELDS = Map.ofEntries(Map.entry("customer", "Company"),
			Map.entry("contact", "LastName"), Map.entry("website", "Website"), Map.entry("description", "Description"),
			Map.entry("name", "Name"), Map.entry("amount", "Amount"), Map.entry("closeDate", "CloseDate"),
			Map.entry("partner", "Partnerbot_Partner__c"), Map.entry("partnerRole", "Partnerbot_Partner_Role__c"),
			Map.entry("coSellPartners", "Partnerbot_Co_Sell_Partners__c"), Map.entry("status", "Partnerbot_Status__c"),
			Map.entry("protectedUntil", "Partnerbot_Protected_Until__c"),
			Map.entry("reference", "Partnerbot_Reference__c"), Map.entry("currency", ""));

	boolean opportunities() {
		return "opportunity".equalsIgnoreCase(registrationObject);
	}

	String objectName() {
		return opportunities() ? "Opportunity" : "Lead";
	}

	/** Our field names to the org's. */
	FieldMapping mapping() {
		return new FieldMapping(DEFAULT_FIELDS, fields);
	}

	String base() {
		return (url == null) ? "" : url.strip().replaceAll("/+$", "");
	}

}
