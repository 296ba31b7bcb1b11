package com.partnerbot.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerbot.deals.PartnerRole;

/**
 * A registration as it goes to the CRM: one CRM record per {@code registrationId}.
 *
 * @param registrationId our id, the CRM record's external id
 * @param reference the short reference people quote
 * @param partnerId the registering partner
 * @param partnerName its name
 * @param customerName the customer
 * @param customerDomain its domain
 * @param products the products
 * @param amount the expected value
 * @param currency its currency
 * @param expectedCloseDate the expected close
 * @param status where the registration stands (APPROVED, EXPIRED, ...)
 * @param protectedUntil the end of protection, if approved
 * @param role sourced or influenced
 * @param coSellPartners the names of the partners selling it together
 * @param registeredBy who registered it
 * @param known whether the CRM has a record of it already: fields the sales team owns
 * once the record exists (stage, amount) are only set when it does not
 */
public record CrmRecord(UUID registrationId, String reference, UUID partnerId, String partnerName, String customerName,
		String customerDomain, List<String> products, BigDecimal amount, String currency, LocalDate expectedCloseDate,
		String status, LocalDate protectedUntil, PartnerRole role, List<String> coSellPartners, String registeredBy,
		boolean known) {

	/**
	 * The registration's own fields every CRM gets, by our names (each adapter maps them
	 * to its own): the partner, its part, its co-sellers, where the registration stands.
	 * @param noDate what a CRM takes for no protection date
	 */
	Map<String, Object> registrationFields(Object noDate) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("partner", partnerName);
		fields.put("partnerRole", role.name());
		fields.put("coSellPartners", String.join("; ", coSellPartners));
		fields.put("status", status);
		fields.put("protectedUntil", protectedUntil != null ? protectedUntil.toString() : noDate);
		fields.put("reference", reference);
		return fields;
	}

	/** A title for CRM records that need one (an opportunity's or a deal's name). */
	public String title() {
		return customerName + " - " + String.join(", ", products) + " (" + reference + ")";
	}

}
