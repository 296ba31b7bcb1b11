package com.partnerbot.slack.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers ({@code partnerbot.outbox.*}).
 *
 * @param enabled whether this instance delivers at all
 * @param laneInterval the least time between two messages in one channel (Slack allows
 * one a second)
 * @param lease how long a claimed message is this instance's; after that another instance
 * may take it over
 * @param maxBackoff the longest wait between two attempts; retries never stop
 * @param batch how many messages one claim takes
 * @param workers how many messages are sent at once (each in its own channel)
 * @param idlePoll how long to wait when nothing is due
 */
@ConfigurationProperties("partnerbot.outbox")
record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration laneInterval,
		@DefaultValue("60s") Duration lease, @DefaultValue("5m") Duration maxBackoff, @DefaultValue("50") int batch,
		@DefaultValue("4") int workers, @DefaultValue("200ms") Duration idlePoll) {

}
