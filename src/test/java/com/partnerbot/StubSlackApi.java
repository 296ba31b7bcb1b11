package com.partnerbot;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

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

	private final Map<String, String> userFlags = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, String> userTeams = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, String> userTitles = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, byte[]> uploads = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, List<JsonObject>> history = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, java.util.Queue<Failure>> failuresByMethod = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * One recorded Web API call: the method and its arguments, form or JSON alike; failed
	 * calls are the ones answered with an injected failure.
	 */
	public record Call(String method, String token, JsonObject args, boolean failedCall, long atNanos) {

		Call(String method, String token, JsonObject args) {
			this(method, token, args, false, System.nanoTime());
		}

		Call failed() {
			return new Call(method, token, args, true, atNanos);
		}

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
		server.createContext("/upload/", this::upload);
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
		Call call = new Call(method, auth != null ? auth.replace("Bearer ", "") : null, args);
		Failure failure = nextFailure(method, args);
		if (failure != null && failure.status() > 0) {
			calls.add(call.failed());
			if (failure.retryAfterSeconds() > 0) {
				exchange.getResponseHeaders().add("Retry-After", String.valueOf(failure.retryAfterSeconds()));
			}
			byte[] bytes = "{\"ok\":false,\"error\":\"failed\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(failure.status(), bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
			return;
		}
		if (failure != null && failure.slackError() != null) {
			calls.add(call.failed());
			respond(exchange, "{\"ok\":false,\"error\":\"" + failure.slackError() + "\"}");
			return;
		}
		calls.add(call);
		String response = switch (method) {
			case "auth.test" ->
				"{\"ok\":true,\"url\":\"https://vendor.slack.com/\",\"team\":\"Vendor\",\"user\":\"partnerbot\","
						+ "\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B111\"}";
			case "chat.postMessage" -> post(args);
			case "conversations.open" ->
				"{\"ok\":true,\"channel\":{\"id\":\"D" + args.get("users").getAsString() + "\"}}";
			case "conversations.history", "conversations.replies" -> history(args);
			case "users.info" -> userInfo(args.has("user") ? args.get("user").getAsString() : "");
			case "files.getUploadURLExternal" -> {
				String id = "F" + ts.incrementAndGet();
				yield "{\"ok\":true,\"upload_url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/upload/"
						+ id + "\",\"file_id\":\"" + id + "\"}";
			}
			case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":"
					+ (args.get("files").isJsonPrimitive() ? args.get("files").getAsString() : args.get("files")) + "}";
			case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}";
			case "chat.update" -> "{\"ok\":true,\"channel\":\"" + args.get("channel").getAsString() + "\",\"ts\":\""
					+ args.get("ts").getAsString() + "\"}";
			default -> "{\"ok\":true}";
		};
		if (failure != null && failure.delay() != null) {
			// the work is done, but the answer comes too late: a timeout after the fact
			try {
				Thread.sleep(failure.delay());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		respond(exchange, response);
	}

	/**
	 * The bytes posted to an upload URL that files.getUploadURLExternal gave, by file id.
	 */
	private void upload(HttpExchange exchange) throws IOException {
		String id = exchange.getRequestURI().getPath().substring("/upload/".length());
		try (InputStream in = exchange.getRequestBody()) {
			uploads.put(id, in.readAllBytes());
		}
		byte[] ok = ("OK - " + uploads.get(id).length).getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, ok.length);
		exchange.getResponseBody().write(ok);
		exchange.close();
	}

	/** What was uploaded as this file, if anything. */
	public byte[] uploaded(String fileId) {
		return uploads.get(fileId);
	}

	private static void respond(HttpExchange exchange, String response) throws IOException {
		byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		try {
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
		catch (IOException gone) {
			// the client gave up waiting
		}
		exchange.close();
	}

	/** A message posted: kept in its channel, with its metadata, like Slack keeps it. */
	private String post(JsonObject args) {
		String channel = args.get("channel").getAsString();
		if (channel.matches("[UW][A-Z0-9_]+")) {
			// a user id: the direct message with them
			channel = "D" + channel;
		}
		String ts = nextTs();
		JsonObject message = new JsonObject();
		message.addProperty("type", "message");
		message.addProperty("ts", ts);
		message.addProperty("text", args.has("text") ? args.get("text").getAsString() : "");
		if (args.has("thread_ts") && !args.get("thread_ts").getAsString().isEmpty()) {
			message.addProperty("thread_ts", args.get("thread_ts").getAsString());
		}
		if (args.has("metadata") && !args.get("metadata").isJsonNull()) {
			message.add("metadata", args.get("metadata").isJsonPrimitive()
					? JsonParser.parseString(args.get("metadata").getAsString()) : args.get("metadata"));
		}
		history.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(message);
		return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\",\"message\":" + message + "}";
	}

	private String history(JsonObject args) {
		String channel = args.get("channel").getAsString();
		String thread = args.has("ts") ? args.get("ts").getAsString() : null;
		com.google.gson.JsonArray messages = new com.google.gson.JsonArray();
		history.getOrDefault(channel, List.of())
			.stream()
			.filter(m -> thread == null || (m.has("thread_ts") && m.get("thread_ts").getAsString().equals(thread)))
			.forEach(messages::add);
		return "{\"ok\":true,\"messages\":" + messages + ",\"has_more\":false}";
	}

	/** What the next calls of a method get instead of a normal answer. */
	public record Failure(int status, int retryAfterSeconds, String slackError, Duration delay) {

		public static Failure status(int status) {
			return new Failure(status, 0, null, null);
		}

		public static Failure rateLimited(int retryAfterSeconds) {
			return new Failure(429, retryAfterSeconds, null, null);
		}

		public static Failure error(String slackError) {
			return new Failure(0, 0, slackError, null);
		}

		/** Does the work, then answers after the delay (longer than the bot waits). */
		public static Failure slowAnswer(Duration delay) {
			return new Failure(0, 0, null, delay);
		}

	}

	/** The next calls of this method fail as given, in order, then answer normally. */
	public void failNext(String method, Failure... failures) {
		failuresByMethod.computeIfAbsent(method, m -> new java.util.concurrent.ConcurrentLinkedQueue<>())
			.addAll(List.of(failures));
	}

	/**
	 * The next calls of this method to this channel fail as given, then answer normally.
	 */
	public void failNext(String method, String channel, Failure... failures) {
		failNext(method + ":" + channel, failures);
	}

	private Failure nextFailure(String method, JsonObject args) {
		String channel = args.has("channel") ? args.get("channel").getAsString() : "";
		var queue = failuresByMethod.get(method + ":" + channel);
		Failure failure = (queue != null) ? queue.poll() : null;
		if (failure != null) {
			return failure;
		}
		queue = failuresByMethod.get(method);
		return (queue != null) ? queue.poll() : null;
	}

	/**
	 * Posts as the bot would have: for tests of a crash after Slack took a message.
	 */
	public String postDirectly(String channel, String text, String metadataJson) {
		JsonObject args = new JsonObject();
		args.addProperty("channel", channel);
		args.addProperty("text", text);
		args.addProperty("metadata", metadataJson);
		return JsonParser.parseString(post(args)).getAsJsonObject().get("ts").getAsString();
	}

	/** The messages in a channel, as conversations.history would give them. */
	public List<JsonObject> messages(String channel) {
		return List.copyOf(history.getOrDefault(channel, List.of()));
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

	/** Makes users.info answer that this user is a guest ({@code is_restricted}). */
	public void guest(String userId) {
		userFlags.put(userId, "\"is_restricted\":true");
	}

	/** Makes users.info answer that this user is a bot. */
	public void bot(String userId) {
		userFlags.put(userId, "\"is_bot\":true");
	}

	/**
	 * users.info as Slack answers it: a person with a workspace set by {@link #user} (and
	 * the flags of {@link #guest} or {@link #bot}), otherwise a full member of no known
	 * workspace.
	 */
	private String userInfo(String userId) {
		StringBuilder user = new StringBuilder("{\"id\":\"" + userId + "\",\"name\":\"someone\"");
		if (userTeams.containsKey(userId)) {
			user.append(",\"team_id\":\"").append(userTeams.get(userId)).append('"');
		}
		user.append(",\"profile\":{\"title\":\"").append(userTitles.getOrDefault(userId, "")).append("\"}");
		user.append(",").append(userFlags.getOrDefault(userId, "\"is_restricted\":false")).append('}');
		return "{\"ok\":true,\"user\":" + user + "}";
	}

	/** Makes users.info answer for this user with this workspace and profile title. */
	public void user(String userId, String teamId, String title) {
		userTitles.put(userId, title);
		userTeams.put(userId, teamId);
	}

	/** The calls of a method that were answered normally. */
	public List<Call> calls(String method) {
		return calls.stream().filter(c -> c.method().equals(method) && !c.failedCall()).toList();
	}

	/** Every call of a method, failed ones too, in order. */
	public List<Call> attempts(String method) {
		return calls.stream().filter(c -> c.method().equals(method)).toList();
	}

	/**
	 * Calls of a method that match, waiting up to ten seconds for at least {@code count}.
	 */
	public List<Call> await(String method, Predicate<Call> filter, int count) {
		try {
			return Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> matching(method, filter), found -> found.size() >= count);
		}
		catch (ConditionTimeoutException ex) {
			// the caller's assertion says what is missing
			return matching(method, filter);
		}
	}

	/**
	 * Calls of a method that match, once there are {@code count} of them and no other
	 * came for a second after: "once" checked over a window, not at the first sight of
	 * one.
	 */
	public List<Call> awaitExactly(String method, Predicate<Call> filter, int count) {
		await(method, filter, count);
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> matching(method, filter).size() == count);
		return matching(method, filter);
	}

	private List<Call> matching(String method, Predicate<Call> filter) {
		return calls(method).stream().filter(filter).toList();
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
