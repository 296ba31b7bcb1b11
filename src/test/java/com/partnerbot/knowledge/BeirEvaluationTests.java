package com.partnerbot.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BeirEvaluationTests {

	@Test
	void ndcgRewardsRelevantDocumentsNearTheTop() {
		Map<String, Integer> relevant = Map.of("a", 1, "b", 1);
		assertThat(BeirEvaluation.ndcgAt10(List.of("a", "b", "c"), relevant)).isEqualTo(1.0);
		assertThat(BeirEvaluation.ndcgAt10(List.of("c", "a", "b"), relevant)).isCloseTo(0.693, within(0.001));
		assertThat(BeirEvaluation.ndcgAt10(List.of("c", "d"), relevant)).isZero();
		assertThat(BeirEvaluation.recallAt100(List.of("c", "a"), relevant)).isEqualTo(0.5);
	}

	@Test
	void theCommandRunsTheProductsRetrievalOverABeirDataset(@TempDir Path dir) throws IOException {
		Path dataset = dir.resolve("tiny");
		Files.createDirectories(dataset.resolve("qrels"));
		Files.writeString(dataset.resolve("corpus.jsonl"), String.join("\n",
				doc("d1", "Deal registration", "A registered deal is protected for ninety days after approval."),
				doc("d2", "Market development funds", "MDF can pay for webinars and trade show booths."),
				doc("d3", "Certification", "The sales professional exam takes sixty minutes and needs 75 percent."),
				doc("d4", "Support", "Severity one incidents get a response within one hour for Gold partners.")));
		Files.writeString(dataset.resolve("queries.jsonl"),
				String.join("\n", query("q1", "how long is a deal protected"),
						query("q2", "can funds pay for a webinar"), query("q3", "exam pass mark"),
						query("q9", "not judged")));
		Files.writeString(dataset.resolve("qrels").resolve("test.tsv"),
				"query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\nq3\td3\t1\n");

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = EvalCommand.run(
				new String[] { "eval", "beir", "--dataset", dataset.toString(), "--split", "test", "--index",
						dir.resolve("index").toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
		List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(lines.size() - 1)).matches("ndcg@10=\\d\\.\\d{4} recall@100=\\d\\.\\d{4} queries=3");
		assertThat(lines.get(lines.size() - 1)).startsWith("ndcg@10=1.0000 recall@100=1.0000");
	}

	@Test
	void badArgumentsAreExplained(@TempDir Path dir) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
		assertThat(EvalCommand.run(new String[] { "eval", "beir" }, System.out, errors)).isEqualTo(2);
		assertThat(EvalCommand.run(new String[] { "eval", "beir", "--dataset", dir.toString() }, System.out, errors))
			.isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dataset DIR is required").contains("corpus.jsonl");
	}

	private static String doc(String id, String title, String text) {
		return "{\"_id\": \"%s\", \"title\": \"%s\", \"text\": \"%s\"}".formatted(id, title, text);
	}

	private static String query(String id, String text) {
		return "{\"_id\": \"%s\", \"text\": \"%s\"}".formatted(id, text);
	}

}
