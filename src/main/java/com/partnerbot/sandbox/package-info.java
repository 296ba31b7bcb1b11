/**
 * The local Slack sandbox, served only when no Slack credentials are set: a Slack-like
 * page at {@code /}, an emulator of the Web API methods the bot calls at
 * {@code /sandbox/api/}, and the page's actions turned into signed Slack payloads posted
 * to {@code /slack/events}, so the bot runs its real path. No feature knows it exists.
 */
@ApplicationModule(allowedDependencies = { "platform", "partners", "slack" })
package com.partnerbot.sandbox;

import org.springframework.modulith.ApplicationModule;
