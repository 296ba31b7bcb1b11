package com.partnerbot.assistant;

import java.util.List;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chat memory in PostgreSQL, so a conversation survives restarts and is shared by
 * instances.
 */
@Component
@RequiredArgsConstructor
class JdbcChatMemoryStore implements ChatMemoryStore {

	private final JdbcClient jdbc;

	@Override
	public List<ChatMessage> getMessages(Object memoryId) {
		return jdbc.sql("select messages from assistant_chat_memory where conversation_id = ?")
			.param(memoryId.toString())
			.query(String.class)
			.optional()
			.map(ChatMessageDeserializer::messagesFromJson)
			.orElse(List.of());
	}

	@Override
	public void updateMessages(Object memoryId, List<ChatMessage> messages) {
		jdbc.sql("""
				insert into assistant_chat_memory (conversation_id, messages) values (?, ?)
				on conflict (conversation_id) do update set messages = excluded.messages, updated_at = now()
				""").params(memoryId.toString(), ChatMessageSerializer.messagesToJson(messages)).update();
	}

	@Override
	public void deleteMessages(Object memoryId) {
		jdbc.sql("delete from assistant_chat_memory where conversation_id = ?").param(memoryId.toString()).update();
	}

}
