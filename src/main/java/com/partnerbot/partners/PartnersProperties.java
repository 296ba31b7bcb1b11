package com.partnerbot.partners;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param slackAdmins Slack user ids allowed admin commands from Slack
 */
@ConfigurationProperties("partnerbot")
record PartnersProperties(List<String> slackAdmins) {

	PartnersProperties {
		slackAdmins = (slackAdmins != null) ? slackAdmins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()
				: List.of();
	}

}
