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

	/**
	 * This deal completed by a later message of the same conversation: what the later
	 * message gave replaces what this one said, the rest is kept. The problems are the
	 * later message's only, since the earlier ones were already told.
	 */
	ParsedDeal merge(ParsedDeal later) {
		if (later == null) {
			return new ParsedDeal(this.customerName, this.customerDomain, this.products, this.seats, this.amount,
					this.currency, this.expectedCloseDate, this.contactEmail, List.of());
		}
		return new ParsedDeal(pick(later.customerName, this.customerName),
				pick(later.customerDomain, this.customerDomain),
				later.products.isEmpty() ? this.products : later.products, pick(later.seats, this.seats),
				pick(later.amount, this.amount), pick(later.currency, this.currency),
				pick(later.expectedCloseDate, this.expectedCloseDate), pick(later.contactEmail, this.contactEmail),
				later.problems);
	}

	private static <T> T pick(T later, T earlier) {
		return (later != null) ? later : earlier;
	}

	private static List<String> withoutNulls(List<String> values) {
		return (values != null) ? values.stream().filter(Objects::nonNull).toList() : List.of();
	}

}
