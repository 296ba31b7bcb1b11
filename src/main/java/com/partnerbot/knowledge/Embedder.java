package com.partnerbot.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * BAAI's bge-small-en-v1.5 (quantized), run in-process from the ONNX model inside its
 * Maven artifact: nothing is downloaded at run time. Vectors are 384 floats.
 * <p>
 * The model's session is opened here rather than by the library, to fit it to the
 * machine: each inference runs on one thread, and texts run side by side, as many as
 * there are cores. Left to itself, the runtime sizes its own thread pool from the
 * physical cores, under the texts the executor already runs in parallel. Measured on two
 * cores (docs/benchmarks.md): two threads per inference embedded a question no faster and
 * a batch of passages about a tenth slower; with spinning threads a question took a
 * millisecond less, a batch a quarter more, and the spinning holds the core that
 * acknowledgements, PostgreSQL and the lexical search need. A question's vector is kept
 * for a while, since people ask the same questions and one answer embeds its question
 * more than once.
 */
public final class Embedder implements AutoCloseable {

	/**
	 * Identifies the model in the index, so vectors of another model are never reused.
	 */
	static final String MODEL_ID = "bge-small-en-v1.5-q";

	/** Questions whose vectors are kept: 1,000 vectors of 384 floats, about 1.5 MB. */
	private static final int REMEMBERED_QUESTIONS = 1_000;

	private final ExecutorService executor;

	private final OrtSession session;

	private final EmbeddingModel model;

	private final String queryInstruction;

	private final Cache<String, float[]> questions = Caffeine.newBuilder().maximumSize(REMEMBERED_QUESTIONS).build();

	/**
	 * Inferences hold it to read, closing holds it to write: the native session is never
	 * freed under a running inference (that crashes the whole JVM, as a reindex's
	 * follow-up work did while its context closed).
	 */
	private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();

	private volatile boolean closed;

	public Embedder(String queryInstruction) {
		int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
		this.executor = Executors.newFixedThreadPool(cores,
				Thread.ofPlatform().daemon().name("embedder-", 0).factory());
		this.session = openSession();
		OnnxBertBiEncoder encoder = encoder(session);
		// the library's in-process model, over the session opened here
		this.model = new AbstractInProcessEmbeddingModel(executor) {

			@Override
			protected OnnxBertBiEncoder model() {
				return encoder;
			}

			@Override
			protected Integer knownDimension() {
				return 384;
			}

		};
		this.queryInstruction = (queryInstruction != null) ? queryInstruction : "";
	}

	/** The question's vector: the one computed before when this question was asked. */
	float[] query(String text) {
		float[] vector = questions.getIfPresent(text);
		if (vector == null) {
			vector = inference(() -> model.embed(queryInstruction + text).content().vector());
			questions.put(text, vector);
		}
		return vector.clone();
	}

	/** Whether this question's vector is at hand, so that asking for it costs nothing. */
	boolean knows(String question) {
		return questions.getIfPresent(question) != null;
	}

	List<float[]> passages(List<String> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		List<Embedding> embeddings = inference(
				() -> model.embedAll(texts.stream().map(TextSegment::from).toList()).content());
		List<float[]> vectors = new ArrayList<>(embeddings.size());
		embeddings.forEach(e -> vectors.add(e.vector()));
		return vectors;
	}

	private <T> T inference(java.util.function.Supplier<T> run) {
		inUse.readLock().lock();
		try {
			if (closed) {
				throw new IllegalStateException("the embedding model is closed: the application is stopping");
			}
			return run.get();
		}
		finally {
			inUse.readLock().unlock();
		}
	}

	/**
	 * Closes the session once the inferences running finish (a few milliseconds each);
	 * later ones are refused. A session still busy after ten seconds is left to the
	 * process's end rather than freed under it.
	 */
	@Override
	public void close() {
		boolean locked = false;
		try {
			locked = inUse.writeLock().tryLock(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			closed = true;
			executor.shutdownNow();
			if (locked) {
				session.close();
			}
		}
		catch (OrtException ex) {
			// closing: nothing left to do with it
		}
		finally {
			if (locked) {
				inUse.writeLock().unlock();
			}
		}
	}

	/**
	 * The model's session, as every inference here runs it (the benches open theirs so
	 * too).
	 */
	static OrtSession openSession() {
		try (InputStream onnx = resource("bge-small-en-v1.5-q.onnx");
				OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			options.setInterOpNumThreads(1);
			options.setIntraOpNumThreads(1);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			return OrtEnvironment.getEnvironment().createSession(onnx.readAllBytes(), options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the embedding model", ex);
		}
		catch (OrtException ex) {
			throw new IllegalStateException("could not open the embedding model", ex);
		}
	}

	private static OnnxBertBiEncoder encoder(OrtSession session) {
		try (InputStream tokenizer = resource("bge-small-en-v1.5-q-tokenizer.json")) {
			return new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(), session, tokenizer, PoolingMode.CLS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the embedding model's tokenizer", ex);
		}
	}

	/** The model's files, inside the library's jar (as the library itself finds them). */
	private static InputStream resource(String name) throws IOException {
		InputStream in = Embedder.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IOException(name + " is not on the classpath");
		}
		return in;
	}

}
