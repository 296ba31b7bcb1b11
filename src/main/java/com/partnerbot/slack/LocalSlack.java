package com.partnerbot.slack;

/**
 * What a local stand-in for Slack needs to talk to the bot when no Slack credentials are
 * set: the signing secret made up for this run, and the token the bot calls with.
 */
public interface LocalSlack {

	/** The secret requests to {@code /slack/events} must be signed with. */
	String signingSecret();

	/** The bot token the bot sends with every Web API call. */
	String botToken();

}
