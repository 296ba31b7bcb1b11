package com.partnerbot.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new instance catching up on a library the cluster has embedded already asks for the
 * stored vectors of many files at once, not once per file, and embeds nothing.
 */
class CatchUpBatchesTests {

	@TempDir
	Path content;

	@TempDir
	Path first;

	@TempDir
	Path second;

	/** The cluster's vectors in memory, with every lookup recorded. */
	static final class RecordingVectors implements StoredVectors {

		final Map<String, float[]> vectors = new ConcurrentHashMap<>();

		final List<Integer> finds = new ArrayList<>();

		final List<Integer> knowns = new ArrayList<>();

		/** Whether every text has a vector already (a unit vector: no model needed). */
		boolean knowsEverything;

		@Override
		public Map<String, float[]> find(Collection<String> textHashes) {
			finds.add(textHashes.size());
			if (knowsEverything) {
				float[] unit = new float[384];
				unit[0] = 1;
				return textHashes.stream().collect(Collectors.toMap(hash -> hash, hash -> unit, (a, b) -> a));
			}
			return textHashes.stream()
				.filter(vectors::containsKey)
				.collect(Collectors.toMap(hash -> hash, vectors::get, (a, b) -> a));
		}

		@Override
		public Set<String> known(Collection<String> textHashes) {
			knowns.add(textHashes.size());
			return textHashes.stream().filter(vectors::containsKey).collect(Collectors.toSet());
		}

		@Override
		public void store(Map<String, float[]> vectorsByTextHash) {
			vectorsByTextHash.forEach(vectors::putIfAbsent);
		}

	}

	@Test
	void aNewInstanceLooksUpTheStoredVectorsOfManyFilesAtOnce() throws IOException {
		for (int i = 0; i < 40; i++) {
			Files.writeString(content.resolve("doc-" + i + ".md"),
					"# Document " + i + "\n\nThe rebate of programme " + i + " is " + i + " percent of list price.\n");
		}
		RecordingVectors cluster = new RecordingVectors();
		ReindexReport built = reindex(first, cluster);
		assertThat(built.embedded()).isEqualTo(built.chunks()).isEqualTo(cluster.vectors.size());

		cluster.finds.clear();
		ReindexReport caughtUp = reindex(second, cluster);
		assertThat(caughtUp.embedded()).isZero();
		assertThat(caughtUp.chunks()).isEqualTo(built.chunks());
		assertThat(caughtUp.version()).isEqualTo(built.version());
		// 40 files, one lookup (it was 40)
		assertThat(cluster.finds).containsExactly(built.chunks());
	}

	@Test
	void aLargeLibraryIsLookedUpInBatchesOfAFewHundredChunks() throws IOException {
		for (int i = 0; i < 1200; i++) {
			Files.writeString(content.resolve("note-" + i + ".txt"), "Note " + i + " of the partner program.\n");
		}
		RecordingVectors cluster = new RecordingVectors();
		cluster.knowsEverything = true;
		ReindexReport built = reindex(first, cluster);
		assertThat(built.chunks()).isEqualTo(1200);
		assertThat(built.embedded()).isZero();
		assertThat(cluster.finds).hasSize(3).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(500));
		assertThat(cluster.finds.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1200);
	}

	private ReindexReport reindex(Path data, StoredVectors cluster) throws IOException {
		KnowledgeBase knowledge = new KnowledgeBase(new ContentProperties(content, data),
				KnowledgeProperties.defaults(), cluster, ContentVersions.NONE, UploadedContent.NONE, event -> {
				});
		try {
			return knowledge.reindex(ReindexProgress.NONE);
		}
		finally {
			knowledge.destroy();
		}
	}

}
