package com.partnerbot.deals;

import java.time.LocalDate;

/**
 * Reads what a message says about a deal. The built-in reader is rule-based; with an LLM
 * configured, the assistant module provides one that extracts with the model. Either way
 * the result is only a draft: validation and the rules of engagement stay in plain Java
 * here.
 */
public interface DealExtractor {

	/**
	 * @param text the partner's message
	 * @param today the day relative dates count from
	 * @return the fields the message gives (null or empty when it does not), and problems
	 */
	DealDraft extract(String text, LocalDate today);

}
