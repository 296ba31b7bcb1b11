package com.partnerbot.knowledge;

/**
 * Thrown when a reindex is asked for while another one runs: one at a time.
 */
public class ReindexInProgressException extends RuntimeException {

	public ReindexInProgressException() {
		super("a reindex is running already; try again when it has finished");
	}

}
