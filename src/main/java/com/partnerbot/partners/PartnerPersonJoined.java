package com.partnerbot.partners;

import java.util.UUID;

/**
 * The bot came to know a person of a partner: a member of its shared channel, or someone
 * who talked to the bot.
 */
public record PartnerPersonJoined(UUID partnerId, String slackUserId) {

}
