package com.partnerbot.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a partner's message said about a deal. A field the message did not give is
 * {@code null}, or an empty list for the lists.
 *
 * @param customerName the end customer's company name as written, e.g. "Initech"
 * @param customerDomain the customer's web domain as written, lowercased and without
 * scheme, path or "www.", e.g. "shop.initech.co.uk"
 * @param products catalogue product names, in catalogue order
 * @param seats number of seats, users or licences
 * @param amount deal size in {@code currency}
 * @param currency ISO code, one of {@link DealTextParser#CURRENCIES}; {@code null} with
 * an amount when the message gave no currency
 * @param expectedCloseDate expected close date, never in the past
 * @param contactEmail the first e-mail address in the message
 * @param problems notes for the partner about things seen but not understood, e.g. "the
 * close date 2027-02-30 is not a real date"
 */
record ParsedDeal(String customerName, String customerDomain, List<String> products, Integer seats, BigDecimal amount,
		String currency, LocalDate expectedCloseDate, String contactEmail, List<String> problems) {

	ParsedDeal {
		products = withoutNulls(products);
		problems = withoutNulls(problems);
	}

	/**
	 * A deal that says nothing.
	 */
	static ParsedDeal empty() {
		return new ParsedDeal(null, null, List.of(), null, null, null, null, null, List.of());
	}

	private static List<String> withoutNulls(List<String> values) {
		return (values != null) ? values.stream().filter(Objects::nonNull).toList() : List.of();
	}

}
