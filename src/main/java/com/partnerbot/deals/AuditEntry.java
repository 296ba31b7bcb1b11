package com.partnerbot.deals;

import java.time.Instant;

/**
 * One change to a registration.
 *
 * @param action what happened (registered, approved, extended, ...)
 * @param actor who did it
 * @param detail why, or what changed
 * @param at when
 */
public record AuditEntry(String action, String actor, String detail, Instant at) {

}
