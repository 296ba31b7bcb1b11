/**
 * The Slack adapter: Bolt for Java over HTTP ({@code /slack/events}) or Socket Mode,
 * identity of Slack users, and the replies, cards and modals partners and channel
 * managers see. Nothing depends on this module.
 * <p>
 * The root package is what other modules may use ({@link com.partnerbot.slack.LocalSlack}
 * for the sandbox) and the {@code /partner} command's router. Below it: {@code bolt}
 * (HTTP and Socket Mode entry, the delivery gate, payload parsing, the Web API client,
 * the work queue, replies), {@code outbox} (reliable delivery of what the bot sends on
 * its own), {@code people} (who is who), and one folder per feature's screens:
 * {@code answers}, {@code deals}, {@code scorecards}, {@code surveys}, {@code crm}.
 */
@ApplicationModule(allowedDependencies = { "platform", "partners", "knowledge", "assistant", "deals", "scorecards",
		"surveys", "crm", "program", "mdf" })
package com.partnerbot.slack;

import org.springframework.modulith.ApplicationModule;
