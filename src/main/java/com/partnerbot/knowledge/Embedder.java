package com.partnerbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * BAAI's bge-small-en-v1.5 (quantized), run in-process from the ONNX model inside its
 * Maven artifact: nothing is downloaded at run time. Vectors are 384 floats.
 */
public final class Embedder implements AutoCloseable {

	/**
	 * Identifies the model in the index, so vectors of another model are never reused.
	 */
	static final String MODEL_ID = "bge-small-en-v1.5-q";

	private final ExecutorService executor;

	private final EmbeddingModel model;

	private final String queryInstruction;

	public Embedder(String queryInstruction) {
		this.executor = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
				Thread.ofPlatform().daemon().name("embedder-", 0).factory());
		this.model = new BgeSmallEnV15QuantizedEmbeddingModel(executor);
		this.queryInstruction = (queryInstruction != null) ? queryInstruction : "";
	}

	float[] query(String text) {
		return model.embed(queryInstruction + text).content().vector();
	}

	List<float[]> passages(List<String> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
		List<float[]> vectors = new ArrayList<>(embeddings.size());
		embeddings.forEach(e -> vectors.add(e.vector()));
		return vectors;
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
