/**
 * Partner satisfaction: PSAT campaigns (1-5 satisfaction, 0-10 likelihood to recommend, a
 * comment) for an audience of partners, sent by hand or on a cron schedule, micro-surveys
 * after key moments (a deal decided, thirty days after onboarding), one answer per
 * person, reminders, and PSAT and NPS per partner and for the program, with the trend.
 * Low scores and detractors are published at once, for the channel managers.
 */
@ApplicationModule(allowedDependencies = { "platform", "partners", "deals" })
package com.partnerbot.surveys;

import org.springframework.modulith.ApplicationModule;
