package com.partnerbot.slack.bolt;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param alertsChannel the channel managers' channel ({@code PARTNERBOT_ALERTS_CHANNEL})
 * @param contentBaseUrl where partners can open the enablement documents (e.g. the
 * partner portal); a citation links to this plus the document's path. Unset: citations
 * name the path.
 */
@ConfigurationProperties("partnerbot")
public record BotProperties(String alertsChannel, String contentBaseUrl) {

	public boolean hasAlertsChannel() {
		return alertsChannel != null && !alertsChannel.isBlank();
	}

}
