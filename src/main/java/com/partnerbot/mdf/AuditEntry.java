package com.partnerbot.mdf;

import java.time.Instant;

/**
 * One change to a fund, request or claim.
 *
 * @param action what happened (allocated, requested, approved, claimed, paid, ...)
 * @param actor who did it
 * @param detail why, or what changed
 * @param at when
 */
public record AuditEntry(String action, String actor, String detail, Instant at) {

}
