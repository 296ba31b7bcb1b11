package com.partnerbot.knowledge;

/**
 * The library was rebuilt: questions it could not answer before may have an answer now.
 *
 * @param report what the reindex did
 */
public record ContentReindexed(ReindexReport report) {

}
