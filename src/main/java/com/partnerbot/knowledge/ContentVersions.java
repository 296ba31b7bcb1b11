package com.partnerbot.knowledge;

import java.util.Optional;

/** The content version the cluster serves, kept where every instance can read it. */
interface ContentVersions {

	/** One instance alone (the evaluation, outside Spring): it serves what it indexed. */
	ContentVersions NONE = new ContentVersions() {

		@Override
		public Optional<String> current() {
			return Optional.empty();
		}

		@Override
		public void publish(ReindexReport report) {
		}

	};

	/** The version the cluster serves, empty before any instance indexed. */
	Optional<String> current();

	/** Makes what this instance indexed the cluster's version, and tells the others. */
	void publish(ReindexReport report);

}
