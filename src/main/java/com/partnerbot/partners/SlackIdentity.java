package com.partnerbot.partners;

/**
 * What a Slack delivery says about who is talking and where.
 *
 * @param userId the Slack user id
 * @param userTeamId the user's own workspace ({@code user_team}, else {@code team}, else
 * the payload's team id)
 * @param channelId the conversation, if any
 * @param installedTeamId the vendor's workspace, where the app is installed
 */
public record SlackIdentity(String userId, String userTeamId, String channelId, String installedTeamId) {

}
