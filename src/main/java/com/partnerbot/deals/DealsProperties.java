package com.partnerbot.deals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of engagement, as configuration ({@code partnerbot.deals.*}). The defaults
 * are the demo program's, as its library states them in "Deal registration: rules of
 * engagement" ({@code DemoRulesMatchTheLibraryTests} reads both).
 *
 * @param protectionDays how long an approved registration protects its partner, from the
 * approval
 * @param extensionDays how much one extension adds
 * @param maxExtensions how many extensions a registration may get
 * @param extensionWindowDays how close to expiry an extension may be asked for
 * @param approval {@code auto}: a registration with no conflict that keeps every rule is
 * approved at once; {@code manager}: every registration waits for a channel manager
 * @param reminderDays how many days before expiry the partner is reminded
 * @param nameSimilarity trigram similarity from which two company names are the same
 * customer
 * @param maxCloseDays how far ahead of the submission the expected close date may be
 * @param minimumAmount the smallest registrable amount, per currency; an amount in a
 * currency without one waits for a channel manager
 * @param requireContact whether a registration names a customer contact
 * @param requireSalesRep whether a registration names the partner's sales representative
 * @param responseBusinessDays within how many business days channel managers decide
 * @param namedAccounts {@code reject}: a registration of a named account of the direct
 * sales team is rejected at once, with the reason; {@code review}: a channel manager
 * decides
 * @param products the product catalogue
 * @param currencies the currencies a registration may be in
 * @param nameIndex the customer names kept in memory to find similar ones
 */
@ConfigurationProperties("partnerbot.deals")
public record DealsProperties(@DefaultValue("90") int protectionDays, @DefaultValue("30") int extensionDays,
		@DefaultValue("1") int maxExtensions, @DefaultValue("15") int extensionWindowDays,
		@DefaultValue("auto") String approval, @DefaultValue("15") int reminderDays,
		@DefaultValue("0.6") double nameSimilarity, @DefaultValue("180") int maxCloseDays,
		Map<String, BigDecimal> minimumAmount, @DefaultValue("true") boolean requireContact,
		@DefaultValue("true") boolean requireSalesRep, @DefaultValue("3") int responseBusinessDays,
		@DefaultValue("reject") String namedAccounts, @DefaultValue( {
				"Analytics Suite", "Data Pipeline", "Secure Gateway" }) List<String> products,
		@DefaultValue({ "USD", "EUR", "GBP", "CAD", "AUD" }) List<String> currencies,
		@DefaultValue NameIndex nameIndex){

	public DealsProperties {
		// a map has no annotation default; the library states its minimum in dollars only
		minimumAmount = (minimumAmount == null || minimumAmount.isEmpty()) ? Map.of("USD", new BigDecimal("5000"))
				: Map.copyOf(minimumAmount);
	}

	/**
	 * The live registrations' customer names kept in memory on each instance, to find
	 * similar names without PostgreSQL's trigram index (about 115 MB of heap a million
	 * names); off, every conflict check searches the trigram index.
	 *
	 * @param enabled whether the names are kept in memory
	 */
	public record NameIndex(@DefaultValue("true") boolean enabled) {
	}

	public boolean rejectNamedAccounts() {
		return "reject".equalsIgnoreCase(namedAccounts);
	}

	public boolean autoApprove() {
		return "auto".equalsIgnoreCase(approval);
	}

}
