package com.partnerbot.knowledge;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** What the index's health tells an operator. */
class IndexHealthTests {

	@TempDir
	Path data;

	@Test
	void aMissingContentDirectoryIsSaidWhileTheIndexStaysUsable() {
		Path missing = data.resolve("no-such-content");
		data.resolve("index").toFile().mkdirs();
		KnowledgeBase knowledge = mock(KnowledgeBase.class);
		given(knowledge.size()).willReturn(0);
		Health health = new IndexHealth(new ContentProperties(missing, data), knowledge).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("content").toString()).contains(missing.toString(), "does not exist");
	}

	@Test
	void anExistingContentDirectoryAddsNothing() {
		data.resolve("index").toFile().mkdirs();
		KnowledgeBase knowledge = mock(KnowledgeBase.class);
		given(knowledge.size()).willReturn(288);
		Health health = new IndexHealth(new ContentProperties(data, data), knowledge).health();
		assertThat(health.getDetails()).containsEntry("chunks", 288).doesNotContainKey("content");
	}

}
