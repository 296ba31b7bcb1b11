/**
 * The Slack adapter: Bolt for Java over HTTP ({@code /slack/events}) or Socket Mode,
 * identity of Slack users, and the replies, cards and modals partners and channel
 * managers see. Nothing depends on this module.
 */
@ApplicationModule(allowedDependencies = { "platform", "partners", "knowledge", "assistant", "deals", "scorecards",
		"surveys", "crm" })
package com.partnerbot.slack;

import org.springframework.modulith.ApplicationModule;
