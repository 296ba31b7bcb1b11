package com.partnerbot.slack;

import com.slack.api.bolt.App;

/**
 * A group of Bolt handlers; each registers its own with the app.
 */
interface SlackFeature {

	void register(App app);

}
