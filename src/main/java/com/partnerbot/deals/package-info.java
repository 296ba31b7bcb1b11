/**
 * Deal registration: drafts described in plain words, the rules of engagement (conflicts
 * with other partners' registrations and direct-sales accounts, protection windows,
 * approvals), the lifecycle of a registration, and its audit trail.
 */
@ApplicationModule(allowedDependencies = { "platform", "partners" })
package com.partnerbot.deals;

import org.springframework.modulith.ApplicationModule;
