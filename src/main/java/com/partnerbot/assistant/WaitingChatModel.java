package com.partnerbot.assistant;

import java.util.List;
import java.util.Set;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

import com.partnerbot.platform.CpuSlots;

/**
 * The chat model, its calls counted as waiting: a task that holds one of the cores' slots
 * ({@link CpuSlots}) gives it up while the model answers, so answers waiting on the LLM
 * overlap and the cores go to the ones that compute.
 */
record WaitingChatModel(ChatModel model) implements ChatModel {

	@Override
	public ChatResponse chat(ChatRequest request) {
		return CpuSlots.waiting(() -> model.chat(request));
	}

	@Override
	public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
		return CpuSlots.waiting(() -> model.chat(request, options));
	}

	@Override
	public ChatResponse doChat(ChatRequest request) {
		return CpuSlots.waiting(() -> model.doChat(request));
	}

	@Override
	public ChatRequestParameters defaultRequestParameters() {
		return model.defaultRequestParameters();
	}

	@Override
	public List<ChatModelListener> listeners() {
		return model.listeners();
	}

	@Override
	public ModelProvider provider() {
		return model.provider();
	}

	@Override
	public Set<Capability> supportedCapabilities() {
		return model.supportedCapabilities();
	}

}
