/**
 * Shared infrastructure every module may use: the embedded PostgreSQL, API authentication
 * and the JSON error format of {@code /api/**}.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.partnerbot.platform;

import org.springframework.modulith.ApplicationModule;
