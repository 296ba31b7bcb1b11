package com.partnerbot.deals;

import java.util.UUID;

/**
 * A named account the vendor's direct sales team keeps: partners cannot register it.
 *
 * @param id its identifier
 * @param name the company
 * @param nameKey the normalised name
 * @param domain its registrable domain
 * @param owner the direct sales owner
 */
public record DirectAccount(UUID id, String name, String nameKey, String domain, String owner) {

}
