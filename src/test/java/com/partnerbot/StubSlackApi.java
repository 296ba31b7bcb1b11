package com.partnerbot;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Slack's Web API on loopback: answers the methods the bot calls as Slack
 * does and records every call, so tests can assert what the bot sent.
 */
public final class StubSlackApi implements AutoCloseable {

	public static final String TEAM = "T_INSTALLED";

	public static final String BOT_USER = "W111";

	private static StubSlackApi shared;

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicLong ts = new AtomicLong(1_700_000_000_000L);

	private final Map<String, String> userTeams = new java.util.concurrent.ConcurrentHashMap<>();

	/** One recorded Web API call: the method and its arguments, form or JSON alike. */
	public record Call(String method, String token, JsonObject args) {

		public String arg(String name) {
			return args.has(name) && !args.get(name).isJsonNull()
					? (args.get(name).isJsonPrimitive() ? args.get(name).getAsString() : args.get(name).toString())
					: null;
		}

	}

	private StubSlackApi() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/api/", this::handle);
		server.start();
	}

	/** The stub every test class shares, started once per test JVM. */
	public static synchronized StubSlackApi shared() {
		if (shared == null) {
			try {
				shared = new StubSlackApi();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return shared;
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestURI().getPath().substring("/api/".length());
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
		JsonObject args = contentType.contains("json") && !body.isBlank()
				? JsonParser.parseString(body).getAsJsonObject() : form(body);
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		calls.add(new Call(method, auth != null ? auth.replace("Bearer ", "") : null, args));
		String response = switch (method) {
			case "auth.test" ->
				"{\"ok\":true,\"url\":\"https://vendor.slack.com/\",\"team\":\"Vendor\",\"user\":\"partnerbot\","
						+ "\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B111\"}";
			case "chat.postMessage" ->
				"{\"ok\":true,\"channel\":\"" + args.get("channel").getAsString() + "\",\"ts\":\"" + nextTs() + "\"}";
			case "users.info" ->
				userTeams.containsKey(String.valueOf(args.has("user") ? args.get("user").getAsString() : ""))
						? "{\"ok\":true,\"user\":{\"id\":\"" + args.get("user").getAsString() + "\",\"team_id\":\""
								+ userTeams.get(args.get("user").getAsString()) + "\",\"name\":\"someone\"}}"
						: "{\"ok\":false,\"error\":\"user_not_found\"}";
			case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}";
			case "chat.update" -> "{\"ok\":true,\"channel\":\"" + args.get("channel").getAsString() + "\",\"ts\":\""
					+ args.get("ts").getAsString() + "\"}";
			default -> "{\"ok\":true}";
		};
		byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private String nextTs() {
		long value = ts.incrementAndGet();
		return (value / 1_000_000) + "." + String.format("%06d", value % 1_000_000);
	}

	private static JsonObject form(String body) {
		JsonObject json = new JsonObject();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			json.addProperty(name, value);
		}
		return json;
	}

	/** Makes users.info answer for this user with this workspace. */
	public void user(String userId, String teamId) {
		userTeams.put(userId, teamId);
	}

	public List<Call> calls(String method) {
		return calls.stream().filter(c -> c.method().equals(method)).toList();
	}

	/**
	 * Calls of a method that match, waiting up to ten seconds for at least {@code count}.
	 */
	public List<Call> await(String method, Predicate<Call> filter, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<Call> found = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			found = calls(method).stream().filter(filter).toList();
			if (found.size() >= count) {
				return found;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return found;
	}

	public Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		calls.forEach(c -> counts.merge(c.method(), 1L, Long::sum));
		return counts;
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
