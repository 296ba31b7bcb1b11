/**
 * Scorecards: a partner's KPIs against the tier requirements, the gap to the next tier
 * and what is at risk for the current one, and the training that closes the gaps.
 */
@ApplicationModule(allowedDependencies = { "platform", "partners", "deals", "training", "knowledge", "surveys" })
package com.partnerbot.scorecards;

import org.springframework.modulith.ApplicationModule;
