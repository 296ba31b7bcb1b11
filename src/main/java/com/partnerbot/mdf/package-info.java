/**
 * Market development funds: allocations and accruals, the balances they make, requests
 * checked against the program's rules, channel managers' decisions, claims with proof,
 * payment, and the audit trail of every change. Won revenue comes from {@code deals}; the
 * program's health and the scorecard read the funds through the ports they define.
 */
@ApplicationModule(allowedDependencies = { "platform", "partners", "deals", "program", "scorecards" })
package com.partnerbot.mdf;

import org.springframework.modulith.ApplicationModule;
