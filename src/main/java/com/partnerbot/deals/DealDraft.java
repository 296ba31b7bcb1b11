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
 * @param seats how many seats, users or licences, when said
 * @param customerContact the customer's contact (name, title, e-mail), as written
 * @param salesRep the partner's sales representative: a Slack user id or a name
 * @param role whether the partner sourced the deal or influenced someone else's; null
 * when not said
 * @param coSellers the names of the partners selling it together with this one; null when
 * not said, empty for none
 * @param shared whether the conversation said others take part (co-selling, or an
 * opportunity someone else found), so the bot asks what it did not say of them
 */
public record DealDraft(String customerName, String customerDomain, List<String> products, BigDecimal amount,
		String currency, LocalDate expectedCloseDate, List<String> problems, Integer seats, String customerContact,
		String salesRep, PartnerRole role, List<String> coSellers, boolean shared) {

	public DealDraft {
		products = (products != null) ? Collections.unmodifiableList(new ArrayList<>(products)) : List.of();
		problems = (problems != null) ? List.copyOf(problems) : List.of();
		coSellers = (coSellers != null) ? List.copyOf(coSellers) : null;
	}

	/** A draft that says nothing of the partner's part. */
	public DealDraft(String customerName, String customerDomain, List<String> products, BigDecimal amount,
			String currency, LocalDate expectedCloseDate, List<String> problems, Integer seats, String customerContact,
			String salesRep) {
		this(customerName, customerDomain, products, amount, currency, expectedCloseDate, problems, seats,
				customerContact, salesRep, null, null, false);
	}

	/** A draft of the fields every reader gives, without seats or people. */
	public DealDraft(String customerName, String customerDomain, List<String> products, BigDecimal amount,
			String currency, LocalDate expectedCloseDate, List<String> problems) {
		this(customerName, customerDomain, products, amount, currency, expectedCloseDate, problems, null, null, null);
	}

	public static DealDraft empty() {
		return new DealDraft(null, null, List.of(), null, null, null, List.of());
	}

	/** What the rules read in a message. */
	static DealDraft of(ParsedDeal parsed) {
		return new DealDraft(parsed.customerName(), parsed.customerDomain(), parsed.products(), parsed.amount(),
				parsed.currency(), parsed.expectedCloseDate(), parsed.problems(), parsed.seats(), null, null);
	}

	/**
	 * The fields still missing, by their API names, in the order the bot asks for them.
	 */
	public List<String> missing() {
		return missing(false, false);
	}

	public boolean complete() {
		return missing().isEmpty();
	}

	/**
	 * The fields still missing, with the customer contact and the sales representative
	 * when the rules require them.
	 */
	public List<String> missing(boolean contactRequired, boolean salesRepRequired) {
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
		if (contactRequired && blank(customerContact)) {
			missing.add("customerContact");
		}
		if (salesRepRequired && blank(salesRep)) {
			missing.add("salesRep");
		}
		// the partner's part is asked only when the conversation says others take part
		if (shared && role == null) {
			missing.add("role");
		}
		if (shared && coSellers == null) {
			missing.add("coSellPartners");
		}
		return missing;
	}

	/** The registration of a deal the partner sourced alone. */
	public NewDeal toNewDeal(UUID partnerId) {
		return toNewDeal(partnerId, List.of());
	}

	/** The registration, with the ids of the co-selling partners. */
	NewDeal toNewDeal(UUID partnerId, List<UUID> coSellPartners) {
		return new NewDeal(partnerId, customerName, customerDomain, products, amount, currency, expectedCloseDate,
				seats, customerContact, salesRep, role, coSellPartners);
	}

	/** This draft with what was said of the partner's part. */
	public DealDraft withAttribution(PartnerRole role, List<String> coSellers, boolean shared) {
		return new DealDraft(customerName, customerDomain, products, amount, currency, expectedCloseDate, problems,
				seats, customerContact, salesRep, role, coSellers, shared);
	}

	/** This draft with the problems found, in place of the last message's. */
	DealDraft withProblems(List<String> found) {
		return new DealDraft(customerName, customerDomain, products, amount, currency, expectedCloseDate, found, seats,
				customerContact, salesRep, role, coSellers, shared);
	}

	/**
	 * This draft with what a later message said: its fields win, its problems replace
	 * these.
	 */
	DealDraft with(DealDraft later) {
		return new DealDraft(pick(later.customerName(), customerName), pick(later.customerDomain(), customerDomain),
				!later.products().isEmpty() ? later.products() : products, pick(later.amount(), amount),
				pick(later.currency(), currency), pick(later.expectedCloseDate(), expectedCloseDate), later.problems(),
				pick(later.seats(), seats), pick(later.customerContact(), customerContact),
				pick(later.salesRep(), salesRep), pick(later.role(), role), pick(later.coSellers(), coSellers),
				later.shared() || shared);
	}

	private static <T> T pick(T later, T earlier) {
		return (later != null) ? later : earlier;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
