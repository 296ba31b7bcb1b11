package com.partnerbot.knowledge;

import java.time.Duration;
import java.util.List;

/**
 * What a reindex did.
 *
 * @param files supported files found in the content directory
 * @param reindexed files read and embedded anew (new or changed)
 * @param unchanged files carried over from the previous index untouched
 * @param removed files gone from the content directory, and so from the index
 * @param chunks chunks in the new index
 * @param embedded chunks that needed the embedding model
 * @param failures files that could not be read; a previous version of such a file stays
 * indexed
 * @param took how long it took
 * @param version the content version the index now serves (the same content gives the
 * same version on every instance)
 */
public record ReindexReport(int files, int reindexed, int unchanged, int removed, int chunks, int embedded,
		List<Failure> failures, Duration took, String version) {

	/** A file that could not be read, and why. */
	public record Failure(String source, String reason, boolean previousVersionKept) {
	}

	public String summary() {
		return "%d files (%d new or changed, %d unchanged, %d removed), %d chunks, %d failed, in %.1f s; content version %s"
			.formatted(files, reindexed, unchanged, removed, chunks, failures.size(), took.toMillis() / 1000.0,
					version);
	}

}
