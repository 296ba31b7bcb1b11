package com.partnerbot.deals;

import java.util.UUID;

/**
 * A customer the vendor's direct sales team keeps.
 *
 * @param id its identifier
 * @param name the company
 * @param nameKey the normalised name
 * @param domain its registrable domain
 * @param owner the direct sales owner
 * @param named true for a named account, which partners cannot register; false for an
 * open opportunity of the direct team, which a channel manager weighs
 */
public record DirectAccount(UUID id, String name, String nameKey, String domain, String owner, boolean named) {

}
