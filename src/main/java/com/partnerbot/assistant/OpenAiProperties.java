package com.partnerbot.assistant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An OpenAI-compatible endpoint ({@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}):
 * OpenAI, Ollama, vLLM and the like.
 */
@ConfigurationProperties("openai")
record OpenAiProperties(String baseUrl, String apiKey) {

}
