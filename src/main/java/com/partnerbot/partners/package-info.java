/**
 * Partner organisations, their tiers and Slack identities, and who a Slack user is: staff
 * of the vendor, a person of a partner, or a stranger.
 */
@ApplicationModule(allowedDependencies = "platform")
package com.partnerbot.partners;

import org.springframework.modulith.ApplicationModule;
