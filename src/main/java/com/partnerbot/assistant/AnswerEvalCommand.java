package com.partnerbot.assistant;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;

import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.knowledge.KnowledgeProperties;
import com.partnerbot.knowledge.ReindexProgress;

/**
 * {@code eval answers --questions FILE}: the command line of the answer evaluation.
 * Optional: {@code --content DIR} (default {@code ./content-index}), {@code --data DIR}
 * (where its index is kept between runs, default {@code ./data/eval-answers}),
 * {@code --tune} (set the abstention bounds on the tune part first), {@code --verbose}
 * (print each miss), {@code --all} (print every answer), {@code --min-similarity S},
 * {@code --min-coverage C}, {@code --min-similarity-unknown U},
 * {@code --max-unknown-topicality T}. With {@code --llm-base-url URL --llm-model NAME}
 * (or {@code OPENAI_BASE_URL} and {@code PARTNERBOT_LLM_MODEL} in the environment, as the
 * application reads them) the answers come from that model.
 */
public final class AnswerEvalCommand {

	private AnswerEvalCommand() {
	}

	/**
	 * @param environment the process environment, for the LLM settings
	 * @return the process exit code
	 */
	public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
		Map<String, String> options = new HashMap<>();
		for (int i = 2; i < args.length; i++) {
			if (args[i].equals("--tune") || args[i].equals("--verbose") || args[i].equals("--all")) {
				options.put(args[i].substring(2), "true");
			}
			else if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i].substring(2), args[++i]);
			}
			else {
				err.println("eval answers: option " + args[i] + " needs a value");
				return 2;
			}
		}
		if (!options.containsKey("questions") || !Files.isRegularFile(Path.of(options.get("questions")))) {
			err.println("usage: eval answers --questions FILE [--content DIR] [--data DIR] [--tune] [--verbose]"
					+ " [--llm-base-url URL --llm-model NAME]");
			return 2;
		}
		AssistantProperties defaults = AssistantProperties.defaults();
		KnowledgeBase knowledge = null;
		try {
			knowledge = KnowledgeBase.open(Path.of(options.getOrDefault("content", "content-index")),
					Path.of(options.getOrDefault("data", "data/eval-answers")), KnowledgeProperties.defaults());
			out.println("Indexed: " + knowledge.reindex(ReindexProgress.NONE).chunks() + " chunks");
			List<AnswerEvaluation.Labelled> questions = AnswerEvaluation.read(Path.of(options.get("questions")));
			AssistantProperties properties = defaults.withBounds(
					Double
						.parseDouble(options.getOrDefault("min-similarity", String.valueOf(defaults.minSimilarity()))),
					Double.parseDouble(options.getOrDefault("min-coverage", String.valueOf(defaults.minCoverage()))),
					Double.parseDouble(options.getOrDefault("min-similarity-unknown",
							String.valueOf(defaults.minSimilarityUnknown()))),
					Double.parseDouble(options.getOrDefault("max-unknown-topicality",
							String.valueOf(defaults.maxUnknownTopicality()))));
			if (options.containsKey("tune")) {
				properties = AnswerEvaluation.tune(questions, knowledge, properties, out,
						options.containsKey("verbose"));
			}
			String baseUrl = options.getOrDefault("llm-base-url", environment.get("OPENAI_BASE_URL"));
			String model = options.getOrDefault("llm-model", environment.get("PARTNERBOT_LLM_MODEL"));
			GroundedAnswerer answerer = null;
			QuestionTranslator translator = null;
			if (baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank()) {
				ChatModel chat = OpenAiChatModel.builder()
					.baseUrl(baseUrl)
					.apiKey(environment.getOrDefault("OPENAI_API_KEY", "none"))
					.modelName(model)
					.temperature(0.0)
					.timeout(Duration.ofSeconds(60))
					.maxRetries(1)
					.build();
				answerer = AiServices.builder(GroundedAnswerer.class)
					.chatModel(chat)
					.chatMemoryProvider(id -> MessageWindowChatMemory.withMaxMessages(8))
					.build();
				translator = AiServices.builder(QuestionTranslator.class).chatModel(chat).build();
				out.println("Answering with the LLM " + model + " at " + baseUrl);
			}
			else {
				out.println("Answering without an LLM (extractive)");
			}
			AnswerComposer composer = new AnswerComposer(knowledge, properties, answerer, translator);
			new AnswerEvaluation(knowledge, composer).run(questions, out,
					options.containsKey("verbose") || options.containsKey("all"), options.containsKey("all"));
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			err.println("eval answers failed: " + ex);
			return 1;
		}
		finally {
			close(knowledge);
		}
	}

	private static void close(KnowledgeBase knowledge) {
		if (knowledge != null) {
			try {
				knowledge.destroy();
			}
			catch (IOException ex) {
				// the figures are printed; a failed close changes none of them
			}
		}
	}

}
