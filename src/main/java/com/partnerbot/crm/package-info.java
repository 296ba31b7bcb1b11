/**
 * The CRM: registrations, decisions, extensions and expiries go out to Salesforce or
 * HubSpot through a durable outbox; won/lost outcomes and the direct team's accounts and
 * open opportunities come back on a schedule. The rest of the program sees
 * {@link com.partnerbot.crm.CrmManagement} and the events; only this module knows a
 * vendor.
 */
@ApplicationModule(allowedDependencies = { "platform", "partners", "deals" })
package com.partnerbot.crm;

import org.springframework.modulith.ApplicationModule;
