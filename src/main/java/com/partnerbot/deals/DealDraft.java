package com.partnerbot.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A deal as described so far in a conversation.
 *
 * @param customerName the customer
 * @param customerDomain its domain
 * @param products catalogue products
 * @param amount the expected value
 * @param currency its currency
 * @param expectedCloseDate the expected close
 * @param problems what the last message said that could not be understood
 */
public record DealDraft(String customerName, String customerDomain, List<String> products, BigDecimal amount,
		String currency, LocalDate expectedCloseDate, List<String> problems) {

	public DealDraft {
		products = (products != null) ? Collections.unmodifiableList(new ArrayList<>(products)) : List.of();
		problems = (problems != null) ? List.copyOf(problems) : List.of();
	}

	public static DealDraft empty() {
		return new DealDraft(null, null, List.of(), null, null, null, List.of());
	}

	/** What the rules read in a message. */
	static DealDraft of(ParsedDeal parsed) {
		return new DealDraft(parsed.customerName(), parsed.customerDomain(), parsed.products(), parsed.amount(),
				parsed.currency(), parsed.expectedCloseDate(), parsed.problems());
	}

	/**
	 * The fields still missing, by their API names, in the order the bot asks for them.
	 */
	public List<String> missing() {
		List<String> missing = new ArrayList<>();
		if (blank(customerName)) {
			missing.add("customerName");
		}
		if (blank(customerDomain)) {
			missing.add("customerDomain");
		}
		if (products.isEmpty()) {
			missing.add("products");
		}
		if (amount == null) {
			missing.add("amount");
		}
		if (blank(currency)) {
			missing.add("currency");
		}
		if (expectedCloseDate == null) {
			missing.add("expectedCloseDate");
		}
		return missing;
	}

	public boolean complete() {
		return missing().isEmpty();
	}

	public NewDeal toNewDeal(UUID partnerId) {
		return new NewDeal(partnerId, customerName, customerDomain, products, amount, currency, expectedCloseDate);
	}

	/**
	 * This draft with what a later message said: its fields win, its problems replace
	 * these.
	 */
	DealDraft with(DealDraft later) {
		return new DealDraft(later.customerName() != null ? later.customerName() : customerName,
				later.customerDomain() != null ? later.customerDomain() : customerDomain,
				!later.products().isEmpty() ? later.products() : products,
				later.amount() != null ? later.amount() : amount,
				later.currency() != null ? later.currency() : currency,
				later.expectedCloseDate() != null ? later.expectedCloseDate() : expectedCloseDate, later.problems());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
