package com.partnerbot.partners;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner organisation of the program.
 *
 * @param id its identifier
 * @param name its company name
 * @param tier its current tier
 * @param slackTeamIds the Slack workspaces its people belong to
 * @param slackChannelIds the shared channels that belong to it
 * @param createdAt when it joined the bot
 * @param channelManager the Slack user id of the vendor's channel manager who looks after
 * it, if one is assigned
 */
public record Partner(UUID id, String name, Tier tier, List<String> slackTeamIds, List<String> slackChannelIds,
		Instant createdAt, String channelManager) {

}
