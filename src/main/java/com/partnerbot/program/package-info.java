/**
 * The program as a whole: a transparent health score per partner from the signals the
 * program already has, onboarding journeys tracked from what happens, and the analytics
 * channel managers start their week with (the summary, per-partner metrics, charts and a
 * weekly digest). Slack screens live in {@code slack.program}; market development funds
 * come in through {@link com.partnerbot.program.FundSignals}, which the MDF module may
 * implement.
 */
@ApplicationModule(
		allowedDependencies = { "platform", "partners", "deals", "surveys", "training", "scorecards", "assistant" })
package com.partnerbot.program;

import org.springframework.modulith.ApplicationModule;
