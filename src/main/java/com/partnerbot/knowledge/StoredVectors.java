package com.partnerbot.knowledge;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Embeddings kept for the cluster by the hash of the text they embed, so a text is
 * embedded once, whichever instance meets it first.
 */
interface StoredVectors {

	/**
	 * Nothing is kept: every instance embeds for itself (the evaluation, outside Spring).
	 */
	StoredVectors NONE = new StoredVectors() {

		@Override
		public Map<String, float[]> find(Collection<String> textHashes) {
			return Map.of();
		}

		@Override
		public Set<String> known(Collection<String> textHashes) {
			return Set.of();
		}

		@Override
		public void store(Map<String, float[]> vectorsByTextHash) {
		}

	};

	/** The vectors known for these hashes; the others are missing from the map. */
	Map<String, float[]> find(Collection<String> textHashes);

	/** The hashes among these whose vectors are kept. */
	Set<String> known(Collection<String> textHashes);

	/** Keeps these vectors; a hash kept already keeps its vector. */
	void store(Map<String, float[]> vectorsByTextHash);

}
