package com.partnerbot;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat completions endpoint on loopback: records each request and
 * answers with what the test's function makes of it.
 */
public final class StubOpenAi implements AutoCloseable {

	private final HttpServer server;

	private final List<JsonObject> requests = new CopyOnWriteArrayList<>();

	private volatile Function<JsonObject, String> reply = request -> "NOT_IN_SOURCES";

	public StubOpenAi() throws IOException {
		this(0);
	}

	/**
	 * On this loopback port (0: any free one), for a benchmark's app to be pointed at.
	 */
	public StubOpenAi(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
	}

	public void reply(Function<JsonObject, String> reply) {
		this.reply = reply;
	}

	public List<JsonObject> requests() {
		return requests;
	}

	/** Everything the model was sent in one request, system and user messages alike. */
	public static String prompt(JsonObject request) {
		StringBuilder text = new StringBuilder();
		request.getAsJsonArray("messages")
			.forEach(m -> text.append(m.getAsJsonObject().get("content").getAsString()).append('\n'));
		return text.toString();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		JsonObject request = JsonParser.parseString(body).getAsJsonObject();
		requests.add(request);
		String content;
		try {
			content = reply.apply(request);
		}
		catch (RuntimeException ex) {
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
			return;
		}
		JsonObject message = new JsonObject();
		message.addProperty("role", "assistant");
		message.addProperty("content", content);
		JsonObject choice = new JsonObject();
		choice.addProperty("index", 0);
		choice.add("message", message);
		choice.addProperty("finish_reason", "stop");
		JsonObject response = new JsonObject();
		response.addProperty("id", "chatcmpl-stub");
		response.addProperty("object", "chat.completion");
		response.addProperty("created", System.currentTimeMillis() / 1000);
		response.addProperty("model", request.get("model").getAsString());
		com.google.gson.JsonArray choices = new com.google.gson.JsonArray();
		choices.add(choice);
		response.add("choices", choices);
		JsonObject usage = new JsonObject();
		usage.addProperty("prompt_tokens", 10);
		usage.addProperty("completion_tokens", 10);
		usage.addProperty("total_tokens", 20);
		response.add("usage", usage);
		byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
