package com.partnerbot.deals;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of engagement, as configuration ({@code partnerbot.deals.*}).
 *
 * @param protectionDays how long an approved registration protects its partner
 * @param extensionDays how much one extension adds
 * @param maxExtensions how many extensions a registration may get
 * @param extensionWindowDays how close to expiry an extension may be asked for
 * @param approval {@code auto}: a registration with no conflict is approved at once;
 * {@code manager}: every registration waits for a channel manager
 * @param reminderDays how many days before expiry the partner is reminded
 * @param nameSimilarity trigram similarity from which two company names are the same
 * customer
 * @param maxCloseDays how far ahead the expected close date may be
 * @param products the product catalogue
 * @param currencies the currencies a registration may be in
 */
@ConfigurationProperties("partnerbot.deals")
public record DealsProperties(@DefaultValue("90") int protectionDays, @DefaultValue("30") int extensionDays,
		@DefaultValue("1") int maxExtensions, @DefaultValue("15") int extensionWindowDays,
		@DefaultValue("auto") String approval, @DefaultValue("14") int reminderDays,
		@DefaultValue("0.6") double nameSimilarity, @DefaultValue("365") int maxCloseDays, @DefaultValue( {
				"Analytics Suite", "Data Pipeline", "Secure Gateway" }) List<String> products,
		@DefaultValue({ "USD", "EUR", "GBP", "CAD", "AUD" }) List<String> currencies){

	public boolean autoApprove() {
		return "auto".equalsIgnoreCase(approval);
	}

}
