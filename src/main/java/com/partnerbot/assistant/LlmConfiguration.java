package com.partnerbot.assistant;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;

import com.partnerbot.deals.DealsProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The LLM, when {@code OPENAI_BASE_URL} and {@code PARTNERBOT_LLM_MODEL} are set.
 * LangChain4j's Spring Boot starters do not support Boot 4 yet, so the model and the AI
 * service are built here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${openai.base-url:}'.isBlank() and !'${partnerbot.llm-model:}'.isBlank()")
class LlmConfiguration {

	@Bean
	ChatModel chatModel(OpenAiProperties openAi, AssistantProperties properties) {
		// a task computing on one of the cores' slots gives it up while the model answers
		return new WaitingChatModel(OpenAiChatModel.builder()
			.baseUrl(openAi.baseUrl())
			// local servers such as Ollama take any key
			.apiKey(StringUtils.hasText(openAi.apiKey()) ? openAi.apiKey() : "none")
			.modelName(properties.llmModel())
			.temperature(0.0)
			.timeout(properties.llmTimeout())
			.maxRetries(1)
			.build());
	}

	@Bean
	LlmDealExtractor llmDealExtractor(ChatModel chatModel, DealsProperties rules) {
		return new LlmDealExtractor(AiServices.builder(DealFieldsModel.class).chatModel(chatModel).build(), rules);
	}

	@Bean
	QuestionTranslator questionTranslator(ChatModel chatModel) {
		return AiServices.builder(QuestionTranslator.class).chatModel(chatModel).build();
	}

	@Bean
	GroundedAnswerer groundedAnswerer(ChatModel chatModel, JdbcChatMemoryStore store) {
		return AiServices.builder(GroundedAnswerer.class)
			.chatModel(chatModel)
			.chatMemoryProvider(
					id -> MessageWindowChatMemory.builder().id(id).maxMessages(8).chatMemoryStore(store).build())
			.build();
	}

}
