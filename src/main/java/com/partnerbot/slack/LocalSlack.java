package com.partnerbot.slack;

/**
 * What a local stand-in for Slack needs to talk to the bot when no Slack credentials are
 * set: requests signed with the secret made up for this run, and the token the bot calls
 * with.
 */
public interface LocalSlack {

	/**
	 * The {@code X-Slack-Signature} of a request to {@code /slack/events} with this
	 * timestamp and body.
	 */
	String sign(String timestamp, byte[] body);

	/** The bot token the bot sends with every Web API call. */
	String botToken();

}
