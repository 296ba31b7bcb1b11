package com.partnerbot.knowledge;

import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Indexing throughput: the product's embedding of passages (each text its own inference, as
 * many side by side as there are cores) beside batched inference on the same model, texts of
 * like length padded into one input of several rows, with the same threads. Prints chunks a
 * second for each batch size, and how far the batched vectors are from the product's.
 *
 * <pre>
 * BatchedInferenceBench CORPUS_JSONL [chunks=256] [batch sizes=4,8,16,32]
 * </pre>
 */
public final class BatchedInferenceBench {

	public static void main(String[] args) throws Exception {
		Path corpus = Path.of(args[0]);
		int wanted = args.length > 1 ? Integer.parseInt(args[1]) : 256;
		String[] sizes = (args.length > 2 ? args[2] : "4,8,16,32").split(",");
		KnowledgeProperties properties = KnowledgeProperties.defaults();
		Chunker chunker = new Chunker(properties.chunkChars(), properties.chunkOverlap());
		List<String> texts = new ArrayList<>();
		try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
			String line;
			while (texts.size() < wanted && (line = lines.readLine()) != null) {
				JsonObject doc = JsonParser.parseString(line).getAsJsonObject();
				chunker
					.chunk(new SourceDocument(doc.get("_id").getAsString() + ".md", doc.get("title").getAsString(),
							List.of(), null, null,
							List.of(new SourceDocument.Section(List.of(), doc.get("text").getAsString()))))
					.forEach(c -> texts.add(c.contextualText()));
			}
		}
		List<String> sample = texts.subList(0, Math.min(wanted, texts.size()));
		int cores = Runtime.getRuntime().availableProcessors();
		try (Embedder embedder = new Embedder(properties.queryInstruction());
				HuggingFaceTokenizer tokenizer = tokenizer();
				OrtSession session = Embedder.openSession()) {
			ExecutorService pool = Executors.newFixedThreadPool(cores);
			embedder.passages(sample.subList(0, Math.min(8, sample.size())));
			batched(tokenizer, session, pool, sample.subList(0, Math.min(8, sample.size())), 4);
			long tokens = 0;
			for (String text : sample) {
				tokens += tokenizer.encode(text).getIds().length;
			}
			System.out.printf("chunks=%d mean tokens=%.0f cores=%d%n", sample.size(), (double) tokens / sample.size(),
					cores);
			for (int round = 1; round <= 2; round++) {
				long started = System.nanoTime();
				List<float[]> product = embedder.passages(sample);
				double seconds = (System.nanoTime() - started) / 1e9;
				double productRate = sample.size() / seconds;
				System.out.printf("round %d product, one text per inference:  %.1f chunks/s%n", round, productRate);
				for (String size : sizes) {
					started = System.nanoTime();
					List<float[]> vectors = batched(tokenizer, session, pool, sample, Integer.parseInt(size.strip()));
					seconds = (System.nanoTime() - started) / 1e9;
					double worst = 0;
					for (int i = 0; i < sample.size(); i++) {
						for (int d = 0; d < vectors.get(i).length; d++) {
							worst = Math.max(worst, Math.abs(vectors.get(i)[d] - product.get(i)[d]));
						}
					}
					System.out.printf("round %d batched, %2s texts per inference: %.1f chunks/s (%.2fx), "
							+ "max |vector difference| %.2e%n", round, size.strip(), sample.size() / seconds,
							sample.size() / seconds / productRate, worst);
				}
			}
			pool.shutdown();
		}
	}

	/** Texts of like length together, a batch per task, the vectors in the texts' order. */
	static List<float[]> batched(HuggingFaceTokenizer tokenizer, OrtSession session, ExecutorService pool,
			List<String> texts, int size) throws Exception {
		Encoding[] encodings = tokenizer.batchEncode(texts);
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingInt(i -> encodings[i].getIds().length));
		float[][] vectors = new float[texts.size()][];
		List<Future<?>> running = new ArrayList<>();
		for (int from = 0; from < order.size(); from += size) {
			List<Integer> batch = order.subList(from, Math.min(order.size(), from + size));
			running.add(pool.submit(() -> {
				run(session, encodings, batch, vectors);
				return null;
			}));
		}
		for (Future<?> task : running) {
			task.get();
		}
		return List.of(vectors);
	}

	private static void run(OrtSession session, Encoding[] encodings, List<Integer> batch, float[][] vectors)
			throws Exception {
		int length = batch.stream().mapToInt(i -> encodings[i].getIds().length).max().orElse(0);
		long[] ids = new long[batch.size() * length];
		long[] mask = new long[batch.size() * length];
		long[] types = new long[batch.size() * length];
		for (int row = 0; row < batch.size(); row++) {
			Encoding encoding = encodings[batch.get(row)];
			System.arraycopy(encoding.getIds(), 0, ids, row * length, encoding.getIds().length);
			System.arraycopy(encoding.getAttentionMask(), 0, mask, row * length, encoding.getAttentionMask().length);
			System.arraycopy(encoding.getTypeIds(), 0, types, row * length, encoding.getTypeIds().length);
		}
		OrtEnvironment env = OrtEnvironment.getEnvironment();
		long[] shape = { batch.size(), length };
		try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
				OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
				OnnxTensor typeTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
				OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor,
						"token_type_ids", typeTensor))) {
			float[][][] hidden = (float[][][]) result.get(0).getValue();
			for (int row = 0; row < batch.size(); row++) {
				// the CLS token's state, normalized, as the product pools it
				float[] cls = hidden[row][0].clone();
				double norm = 0;
				for (float v : cls) {
					norm += v * v;
				}
				norm = Math.sqrt(norm);
				for (int d = 0; d < cls.length; d++) {
					cls[d] /= (float) norm;
				}
				vectors[batch.get(row)] = cls;
			}
		}
	}

	private static HuggingFaceTokenizer tokenizer() throws Exception {
		try (InputStream json = resource("bge-small-en-v1.5-q-tokenizer.json")) {
			return HuggingFaceTokenizer.newInstance(json,
					Map.of("padding", "false", "truncation", "true", "maxLength", "512"));
		}
	}

	private static InputStream resource(String name) {
		return BatchedInferenceBench.class.getClassLoader().getResourceAsStream(name);
	}

}
