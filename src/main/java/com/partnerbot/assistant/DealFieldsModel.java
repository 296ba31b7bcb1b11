package com.partnerbot.assistant;

import java.math.BigDecimal;
import java.util.List;

import dev.langchain4j.model.output.structured.Description;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * The LLM, extracting a deal's fields from a partner's message into a record.
 */
interface DealFieldsModel {

	@SystemMessage(fromResource = "/prompts/deal-extraction-system.md")
	@UserMessage(fromResource = "/prompts/deal-extraction-user.md")
	ExtractedDeal extract(@V("today") String today, @V("catalogue") String catalogue, @V("message") String message);

	/** The fields, as the model read them; plain Java checks every one. */
	record ExtractedDeal(@Description("the end customer's company name, or null") String customerName,
			@Description("the customer's web or e-mail domain, e.g. initech.com, or null") String customerDomain,
			@Description("products named in the message, spelled as in the catalogue") List<String> products,
			@Description("the total deal value as a plain number, or null") BigDecimal amount,
			@Description("three-letter ISO currency code, or null") String currency,
			@Description("the expected close date as YYYY-MM-DD, or null") String expectedCloseDate) {
	}

}
