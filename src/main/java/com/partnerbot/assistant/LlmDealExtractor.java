package com.partnerbot.assistant;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.partnerbot.deals.DealDraft;
import com.partnerbot.deals.DealExtractor;
import com.partnerbot.deals.DealsProperties;

import lombok.RequiredArgsConstructor;

/**
 * Deal extraction by the LLM. What the model returns is checked here like any other
 * input: a product outside the catalogue, an unknown currency, a date that is not a date
 * or lies in the past become problems the partner is told about, never fields.
 */
@RequiredArgsConstructor
class LlmDealExtractor implements DealExtractor {

	private final DealFieldsModel model;

	private final DealsProperties rules;

	@Override
	public DealDraft extract(String text, LocalDate today) {
		DealFieldsModel.ExtractedDeal extracted = model.extract(today.toString(), String.join(", ", rules.products()),
				text);
		List<String> problems = new ArrayList<>();
		List<String> products = new ArrayList<>();
		for (String product : Optional.ofNullable(extracted.products()).orElse(List.of())) {
			rules.products()
				.stream()
				.filter(p -> p.equalsIgnoreCase(product.strip()))
				.findFirst()
				.ifPresentOrElse(p -> {
					if (!products.contains(p)) {
						products.add(p);
					}
				}, () -> problems.add("'" + product + "' is not a product in the catalogue ("
						+ String.join(", ", rules.products()) + ")"));
		}
		String currency = extracted.currency();
		if (currency != null) {
			currency = currency.strip().toUpperCase(Locale.ROOT);
			if (!rules.currencies().contains(currency)) {
				problems.add("the currency " + currency + " is not accepted (" + String.join(", ", rules.currencies())
						+ ")");
				currency = null;
			}
		}
		LocalDate close = null;
		if (extracted.expectedCloseDate() != null && !extracted.expectedCloseDate().isBlank()) {
			try {
				close = LocalDate.parse(extracted.expectedCloseDate().strip());
				if (close.isBefore(today)) {
					problems.add("the close date " + close + " is in the past");
					close = null;
				}
			}
			catch (DateTimeParseException ex) {
				problems.add("I couldn't read the close date '" + extracted.expectedCloseDate() + "'");
			}
		}
		var amount = extracted.amount();
		if (amount != null && amount.signum() <= 0) {
			problems.add("the amount must be more than zero");
			amount = null;
		}
		return new DealDraft(blankToNull(extracted.customerName()), blankToNull(extracted.customerDomain()), products,
				amount, currency, close, problems);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
