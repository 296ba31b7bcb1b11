package com.partnerbot.crm;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldMappingTests {

	private final FieldMapping mapping = new FieldMapping(Map.of("closeDate", "CloseDate", "currency", ""),
			Map.of("close_date", " Close_Date__c ", "PARTNER", "Partner__c", "website", ""));

	@Test
	void anAdminsNameReplacesTheDefaultWhateverTheSpellingOfOurs() {
		assertThat(mapping.theirs("closeDate")).isEqualTo("Close_Date__c");
		assertThat(mapping.theirs("partner")).isEqualTo("Partner__c");
		assertThat(mapping.theirs("partner-role")).isNull();
	}

	@Test
	void aBlankNameLeavesTheFieldOutOfTheRecord() {
		Map<String, Object> record = new LinkedHashMap<>();
		mapping.put(record, "currency", "EUR");
		mapping.put(record, "website", "example.com");
		mapping.put(record, "CLOSEDATE", "2027-01-31");
		assertThat(record).containsExactly(Map.entry("Close_Date__c", "2027-01-31"));
	}

	@Test
	void withoutOverridesTheDefaultsHold() {
		assertThat(new FieldMapping(Map.of("closeDate", "CloseDate"), null).theirs("close-date"))
			.isEqualTo("CloseDate");
	}

}
