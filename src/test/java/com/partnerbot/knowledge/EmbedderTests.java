package com.partnerbot.knowledge;

import java.util.List;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedder's own session against the library's, and the vectors it keeps for repeated
 * questions.
 */
class EmbedderTests {

	private static final String INSTRUCTION = KnowledgeProperties.defaults().queryInstruction();

	private static Embedder embedder;

	@BeforeAll
	static void open() {
		embedder = new Embedder(INSTRUCTION);
	}

	@AfterAll
	static void close() {
		embedder.close();
	}

	@Test
	void theSessionOpenedHereGivesTheLibrarysVectors() {
		// the ranking depends on the vectors: the session's options must not change them
		BgeSmallEnV15QuantizedEmbeddingModel library = new BgeSmallEnV15QuantizedEmbeddingModel();
		String question = "How long is a registered deal protected?";
		String passage = "A registered deal is protected for 90 days from its approval.";
		assertThat(embedder.query(question)).containsExactly(library.embed(INSTRUCTION + question).content().vector());
		assertThat(embedder.passages(List.of(passage)).get(0))
			.containsExactly(library.embed(passage).content().vector());
	}

	@Test
	void aRepeatedQuestionReusesItsVectorAndNoCallerCanChangeIt() {
		String question = "Who approves market development funds? " + System.nanoTime();
		assertThat(embedder.knows(question)).isFalse();
		float[] first = embedder.query(question);
		assertThat(embedder.knows(question)).isTrue();
		float[] expected = first.clone();
		first[0] = 42f;
		assertThat(embedder.query(question)).containsExactly(expected);
		assertThat(embedder.knows(question + "?")).isFalse();
	}

	@Test
	void closingWhileInferencesRunNeitherFreesTheModelUnderThemNorServesLaterOnes() throws Exception {
		Embedder closing = new Embedder(INSTRUCTION);
		List<String> texts = java.util.stream.IntStream.range(0, 40)
			.mapToObj(i -> "Partner discounts are taken off list price, paragraph " + i)
			.toList();
		java.util.concurrent.ExecutorService askers = java.util.concurrent.Executors.newFixedThreadPool(3);
		List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			runs.add(askers.submit(() -> {
				int done = 0;
				try {
					while (true) {
						assertThat(closing.passages(texts)).hasSize(texts.size());
						done++;
					}
				}
				catch (IllegalStateException refused) {
					assertThat(refused).hasMessageContaining("closed");
					return done;
				}
			}));
		}
		// the first inference has run, so the others run beside the close
		assertThat(closing.passages(texts.subList(0, 1))).hasSize(1);
		closing.close();
		for (java.util.concurrent.Future<Integer> run : runs) {
			// each ended by a refusal, not by the process dying under a freed session
			assertThat(run.get(60, java.util.concurrent.TimeUnit.SECONDS)).isNotNegative();
		}
		askers.shutdown();
		org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> closing.query("after"));
	}

}
