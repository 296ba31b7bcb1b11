package com.partnerbot.knowledge;

/**
 * Told how a reindex goes, e.g. to update a Slack message.
 */
@FunctionalInterface
public interface ReindexProgress {

	ReindexProgress NONE = (done, total, current) -> {
	};

	/**
	 * @param done files handled so far
	 * @param total files to handle
	 * @param current the file being handled
	 */
	void progressed(int done, int total, String current);

}
