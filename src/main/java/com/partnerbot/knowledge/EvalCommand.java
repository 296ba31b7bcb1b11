package com.partnerbot.knowledge;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code eval beir --dataset DIR --split test}: the command line of the retrieval
 * evaluation. Optional: {@code --index DIR} (default {@code ./data/eval-index}, reused
 * across runs), {@code --vector-weight W}, {@code --candidates N}.
 */
public final class EvalCommand {

	private EvalCommand() {
	}

	/**
	 * @return the process exit code
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length < 2 || !args[0].equals("eval") || !args[1].equals("beir")) {
			err.println(
					"usage: eval beir --dataset DIR [--split test] [--index DIR] [--vector-weight W] [--candidates N]");
			return 2;
		}
		Map<String, String> options = new HashMap<>();
		for (int i = 2; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				err.println("eval beir: option " + args[i] + " needs a value");
				return 2;
			}
			options.put(args[i].substring(2), args[++i]);
		}
		if (!options.containsKey("dataset")) {
			err.println("eval beir: --dataset DIR is required (a folder with corpus.jsonl, queries.jsonl, qrels/)");
			return 2;
		}
		Path dataset = Path.of(options.get("dataset"));
		String split = options.getOrDefault("split", "test");
		for (Path required : new Path[] { dataset.resolve("corpus.jsonl"), dataset.resolve("queries.jsonl"),
				dataset.resolve("qrels").resolve(split + ".tsv") }) {
			if (!Files.isRegularFile(required)) {
				err.println("eval beir: " + required + " not found");
				return 2;
			}
		}
		KnowledgeProperties defaults = KnowledgeProperties.defaults();
		KnowledgeProperties properties;
		try {
			properties = new KnowledgeProperties(defaults.chunkChars(), defaults.chunkOverlap(),
					Integer.parseInt(options.getOrDefault("candidates", String.valueOf(defaults.candidates()))),
					Double.parseDouble(options.getOrDefault("vector-weight", String.valueOf(defaults.vectorWeight()))),
					options.getOrDefault("query-instruction", defaults.queryInstruction()),
					defaults.groundedSimilarity(), defaults.restrictedMargin());
		}
		catch (NumberFormatException ex) {
			err.println("eval beir: " + ex.getMessage());
			return 2;
		}
		Path index = Path.of(options.getOrDefault("index", "data/eval-index"));
		try {
			new BeirEvaluation(properties, index, out).run(dataset, split);
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			err.println("eval beir failed: " + ex);
			return 1;
		}
	}

}
