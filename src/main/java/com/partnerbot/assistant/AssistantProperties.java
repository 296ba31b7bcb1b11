package com.partnerbot.assistant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param llmModel the chat model's name ({@code PARTNERBOT_LLM_MODEL}); the LLM is used
 * only when this and {@code OPENAI_BASE_URL} are set
 * @param llmTimeout how long to wait for the model
 * @param passages how many passages an answer is drawn from
 */
@ConfigurationProperties("partnerbot")
record AssistantProperties(String llmModel, @DefaultValue("30s") Duration llmTimeout, @DefaultValue("5") int passages) {

}
