package com.partnerbot.slack.bolt;

import com.slack.api.bolt.App;

/**
 * A group of Bolt handlers; each registers its own with the app.
 */
public interface SlackFeature {

	void register(App app);

}
