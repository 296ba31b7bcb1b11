package com.partnerbot.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A registration as submitted; {@link DealRegistrations#validate} says what is wrong with
 * it.
 *
 * @param partnerId the registering partner
 * @param customerName the customer company
 * @param customerDomain its web or e-mail domain
 * @param products products from the catalogue
 * @param amount the expected deal value
 * @param currency ISO code
 * @param expectedCloseDate when it should close
 * @param seats how many seats, users or licences (optional)
 * @param customerContact the customer's contact: name, title, e-mail
 * @param salesRep the partner's sales representative
 * @param role whether the partner sourced the deal (the default) or influenced it
 * @param coSellPartners other partners selling it together with this one
 */
public record NewDeal(UUID partnerId, String customerName, String customerDomain, List<String> products,
		BigDecimal amount, String currency, LocalDate expectedCloseDate, Integer seats, String customerContact,
		String salesRep, PartnerRole role, List<UUID> coSellPartners) {

	public NewDeal {
		products = (products != null) ? Collections.unmodifiableList(new ArrayList<>(products)) : List.of();
		role = (role != null) ? role : PartnerRole.SOURCED;
		coSellPartners = (coSellPartners != null) ? List.copyOf(coSellPartners) : List.of();
	}

	/** A deal the partner sourced alone, with no seats, contact or sales rep given. */
	public NewDeal(UUID partnerId, String customerName, String customerDomain, List<String> products, BigDecimal amount,
			String currency, LocalDate expectedCloseDate) {
		this(partnerId, customerName, customerDomain, products, amount, currency, expectedCloseDate, null, null, null,
				null, null);
	}

	/** A deal the partner sourced alone. */
	public NewDeal(UUID partnerId, String customerName, String customerDomain, List<String> products, BigDecimal amount,
			String currency, LocalDate expectedCloseDate, Integer seats, String customerContact, String salesRep) {
		this(partnerId, customerName, customerDomain, products, amount, currency, expectedCloseDate, seats,
				customerContact, salesRep, null, null);
	}

}
