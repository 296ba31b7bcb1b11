package com.partnerbot;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Slack's Web API on loopback, for the tests and the benchmarks alike: answers the
 * methods the bot calls as Slack does and keeps what it posted, so a test can assert what
 * the bot sent. On demand it fails calls ({@link #failNext}), enforces Slack's rate
 * limits, checks the token, adds a network's latency and knows a roster of channels and
 * people ({@link Settings}); {@code GET /stats} gives its counters as JSON.
 */
public final class StubSlackApi implements AutoCloseable {

	public static final String TEAM = "T_INSTALLED";

	public static final String BOT_USER = "W111";

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

	private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9_]+");

	private static final Pattern OUTBOX_ID = Pattern.compile("\"outbox_id\"\\s*:\\s*\"?([^\",}\\s]+)");

	private static StubSlackApi shared;

	private final Settings settings;

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, LongAdder> counted = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

	private final Map<String, Queue<Failure>> failuresByMethod = new ConcurrentHashMap<>();

	private final Map<String, Person> people = new ConcurrentHashMap<>();

	private final Map<String, List<String>> members = new ConcurrentHashMap<>();

	private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();

	private final Map<String, JsonObject> files = new ConcurrentHashMap<>();

	/**
	 * Files people shared, by their path under {@code /files-pri/}, and their downloads.
	 */
	private final Map<String, byte[]> sharedFiles = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> downloads = new ConcurrentHashMap<>();

	/** Partner people (not of the installed workspace) users.info has answered for. */
	private final Set<String> peopleLooked = ConcurrentHashMap.newKeySet();

	private final Map<String, Window> methodWindows = new ConcurrentHashMap<>();

	// what chat.postMessage took, all guarded by "this"

	private final Window workspace;

	private final Map<String, ArrayDeque<Long>> channelSends = new HashMap<>();

	private final Map<String, List<JsonObject>> history = new HashMap<>();

	private final Set<String> outboxIds = new HashSet<>();

	private final Set<String> channelTexts = new HashSet<>();

	private final Posted posted = new Posted();

	private long lastTsMicros;

	/**
	 * How the stub behaves beyond answering. The tests take {@link #forTests()}: any
	 * port, any token, no limits, everyone known.
	 *
	 * @param port the loopback port, 0 for any
	 * @param token the only bot token taken, or null for any
	 * @param limits the rate limits enforced
	 * @param latency added to every answer, as a network round trip
	 * @param strict whether users, channels and messages nobody made known are answered
	 * as Slack does ({@code user_not_found}, {@code channel_not_found}), rather than as
	 * someone unremarkable
	 * @param keepCalls whether every call is kept for {@link #calls}, or only counted
	 */
	public record Settings(int port, String token, Limits limits, Duration latency, boolean strict, boolean keepCalls) {

		public static Settings forTests() {
			return new Settings(0, null, Limits.NONE, Duration.ZERO, false, true);
		}

		/** A benchmark's: this port and token, strict, calls counted only. */
		public static Settings forBench(int port, String token, Limits limits, Duration latency) {
			return new Settings(port, token, limits, latency, true, false);
		}

	}

	/**
	 * Slack's rate limits, each answered as Slack does: HTTP 429, {@code Retry-After} in
	 * whole seconds, {@code "error":"ratelimited"}; a refused call has no effect.
	 *
	 * @param channelPerSecond chat.postMessage per channel per second (0: none)
	 * @param workspacePerMinute chat.postMessage in any sliding minute, workspace-wide
	 * (0: none)
	 * @param perMinute other methods' calls in any sliding minute
	 */
	public record Limits(int channelPerSecond, int workspacePerMinute, Map<String, Integer> perMinute) {

		public static final Limits NONE = new Limits(0, 0, Map.of());

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("chat.postMessage ").append(channelPerSecond)
				.append("/s per channel, ")
				.append(workspacePerMinute)
				.append(" per sliding 60 s workspace-wide");
			new TreeMap<>(perMinute).forEach((method, limit) -> text.append("; ")
				.append(method)
				.append(' ')
				.append(limit == 0 ? "unlimited" : limit + "/min"));
			return text.toString();
		}

	}

	/**
	 * One recorded Web API call: the method and its arguments, form or JSON alike; failed
	 * calls are the ones answered with an injected failure or a rate limit.
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

		/** The value of the button with this action id in the blocks sent. */
		public String buttonValue(String actionId) {
			for (JsonElement block : JsonParser.parseString(String.valueOf(arg("blocks"))).getAsJsonArray()) {
				if (block.getAsJsonObject().get("type").getAsString().equals("actions")) {
					for (JsonElement element : block.getAsJsonObject().getAsJsonArray("elements")) {
						if (actionId.equals(element.getAsJsonObject().get("action_id").getAsString())) {
							return element.getAsJsonObject().get("value").getAsString();
						}
					}
				}
			}
			throw new AssertionError("no " + actionId + " in " + arg("blocks"));
		}

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

	private record Person(String teamId, String name, String title, boolean bot, boolean guest, String email) {

		Person(String teamId, String name, String title, boolean bot, boolean guest) {
			this(teamId, name, title, bot, guest, null);
		}

		Person withTeam(String team) {
			return new Person(team, name, title, bot, guest, email);
		}

	}

	private record Answer(int status, String body, long retryAfterSeconds) {

		static Answer ok(String body) {
			return new Answer(200, body, 0);
		}

	}

	private StubSlackApi(Settings settings) throws IOException {
		this.settings = settings;
		this.workspace = new Window(settings.limits().workspacePerMinute(), MINUTE);
		settings.limits().perMinute().forEach((method, limit) -> {
			if (limit > 0) {
				methodWindows.put(method, new Window(limit, MINUTE));
			}
		});
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 1024);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/api/", this::handle);
		server.createContext("/upload/", this::upload);
		server.createContext("/files-pri/", this::download);
		server.createContext("/stats", exchange -> {
			try (exchange) {
				respond(exchange, Answer.ok(stats().toString()));
			}
		});
		server.start();
	}

	/** The stub every test class shares, started once per test JVM. */
	public static synchronized StubSlackApi shared() {
		if (shared == null) {
			shared = start(Settings.forTests());
		}
		return shared;
	}

	public static StubSlackApi start(Settings settings) {
		try {
			return new StubSlackApi(settings);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
	}

	// ---------------------------------------------------------------- answering

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestURI().getPath().substring("/api/".length());
			JsonObject args = arguments(exchange);
			counted.computeIfAbsent(method, m -> new LongAdder()).increment();
			pause(settings.latency());
			String auth = exchange.getRequestHeaders().getFirst("Authorization");
			String token = (auth != null) ? auth.replace("Bearer ", "") : string(args, "token");
			if (settings.token() != null && !settings.token().equals(token)) {
				respond(exchange, Answer.ok(error(token == null || token.isEmpty() ? "not_authed" : "invalid_auth")));
				return;
			}
			Call call = new Call(method, token, args);
			Failure failure = nextFailure(method, args);
			if (failure != null && failure.status() > 0) {
				keep(call.failed());
				respond(exchange, new Answer(failure.status(), error("failed"), failure.retryAfterSeconds()));
				return;
			}
			if (failure != null && failure.slackError() != null) {
				keep(call.failed());
				respond(exchange, Answer.ok(error(failure.slackError())));
				return;
			}
			Answer answer;
			try {
				answer = answer(method, args);
			}
			catch (RuntimeException ex) {
				// a bad argument: Slack answers such calls with ok:false, so does this
				answer = Answer.ok(error("invalid_arguments"));
			}
			keep(answer.status() == 429 ? call.failed() : call);
			if (failure != null && failure.delay() != null) {
				// the work is done, but the answer comes too late: a timeout after the
				// fact
				pause(failure.delay());
			}
			respond(exchange, answer);
		}
	}

	private void keep(Call call) {
		if (settings.keepCalls()) {
			calls.add(call);
		}
	}

	private Answer answer(String method, JsonObject args) {
		if (method.equals("chat.postMessage")) {
			return post(args);
		}
		Window window = methodWindows.get(method);
		if (window != null) {
			long wait = window.tryAcquire(System.nanoTime());
			if (wait > 0) {
				return rateLimited(method, wait);
			}
		}
		return switch (method) {
			case "auth.test" -> Answer.ok("{\"ok\":true,\"url\":\"https://vendor.slack.com/\",\"team\":\"Vendor\","
					+ "\"user\":\"partnerbot\",\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER
					+ "\",\"bot_id\":\"B111\"}");
			case "conversations.members" -> members(args);
			case "conversations.open" -> open(args);
			case "conversations.history", "conversations.replies" -> history(method, args);
			case "users.info" -> userInfo(string(args, "user"));
			case "chat.postEphemeral" -> Answer.ok("{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}");
			case "chat.update" -> update(args);
			case "files.info" -> {
				JsonObject file = files.get(string(args, "file"));
				yield Answer.ok((file == null) ? error("file_not_found") : "{\"ok\":true,\"file\":" + file + "}");
			}
			case "files.getUploadURLExternal" -> {
				String id = "F" + nextTs().replace(".", "");
				yield Answer.ok("{\"ok\":true,\"upload_url\":\"http://127.0.0.1:" + server.getAddress().getPort()
						+ "/upload/" + id + "\",\"file_id\":\"" + id + "\"}");
			}
			case "files.completeUploadExternal" -> Answer.ok("{\"ok\":true,\"files\":"
					+ (args.get("files").isJsonPrimitive() ? args.get("files").getAsString() : args.get("files"))
					+ "}");
			default -> Answer.ok("{\"ok\":true}");
		};
	}

	/**
	 * The bytes posted to an upload URL that files.getUploadURLExternal gave, by file id.
	 */
	private void upload(HttpExchange exchange) throws IOException {
		try (exchange) {
			String id = exchange.getRequestURI().getPath().substring("/upload/".length());
			try (InputStream in = exchange.getRequestBody()) {
				uploads.put(id, in.readAllBytes());
			}
			byte[] ok = ("OK - " + uploads.get(id).length).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, ok.length);
			exchange.getResponseBody().write(ok);
		}
	}

	/**
	 * A file someone shared in Slack: its {@code url_private_download}, which serves it
	 * to the bot token only; to anyone else Slack answers with its sign-in page.
	 */
	public String sharedFile(String name, byte[] content) {
		String path = TEAM + "-F" + nextTs().replace(".", "") + "/download/" + name;
		sharedFiles.put(path, content);
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/files-pri/" + path;
	}

	/** How many times a shared file's URL was fetched, with the token or not. */
	public long downloads(String url) {
		LongAdder count = downloads.get(url.substring(url.indexOf("/files-pri/") + "/files-pri/".length()));
		return (count != null) ? count.sum() : 0;
	}

	private void download(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath().substring("/files-pri/".length());
			downloads.computeIfAbsent(path, p -> new LongAdder()).increment();
			String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
			boolean authorized = (settings.token() != null) ? auth.equals("Bearer " + settings.token())
					: auth.startsWith("Bearer xoxb-");
			byte[] content = sharedFiles.get(path);
			byte[] body = !authorized ? "<!DOCTYPE html><html><body>Sign in to Slack</body></html>".getBytes()
					: (content != null) ? content : "file_not_found".getBytes();
			exchange.getResponseHeaders()
				.set("Content-Type", !authorized ? "text/html; charset=utf-8" : "application/octet-stream");
			exchange.sendResponseHeaders(authorized && content == null ? 404 : 200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

	/** What was uploaded as this file, if anything. */
	public byte[] uploaded(String fileId) {
		return uploads.get(fileId);
	}

	/** A message posted: kept in its channel, with its metadata, like Slack keeps it. */
	private Answer post(JsonObject args) {
		String channel = channelOf(string(args, "channel"));
		if (channel == null) {
			return Answer.ok(error("channel_not_found"));
		}
		String text = args.has("text") ? args.get("text").getAsString() : "";
		if (settings.strict() && text.isEmpty() && string(args, "blocks") == null) {
			return Answer.ok(error("no_text"));
		}
		JsonElement metadata = (args.has("metadata") && !args.get("metadata").isJsonNull())
				? (args.get("metadata").isJsonPrimitive() ? JsonParser.parseString(args.get("metadata").getAsString())
						: args.get("metadata"))
				: null;
		Matcher outboxId = (metadata != null) ? OUTBOX_ID.matcher(metadata.toString()) : null;
		long now = System.nanoTime();
		JsonObject message;
		synchronized (this) {
			ArrayDeque<Long> sends = channelSends.computeIfAbsent(channel, c -> new ArrayDeque<>());
			while (!sends.isEmpty() && now - sends.peekFirst() >= SECOND) {
				sends.pollFirst();
			}
			int perChannel = settings.limits().channelPerSecond();
			if (perChannel > 0 && sends.size() >= perChannel) {
				return rateLimited("chat.postMessage:channel", sends.peekFirst() + SECOND - now);
			}
			long wait = workspace.tryAcquire(now);
			if (wait > 0) {
				return rateLimited("chat.postMessage:workspace", wait);
			}
			sends.addLast(now);
			message = new JsonObject();
			message.addProperty("type", "message");
			message.addProperty("ts", nextTs());
			message.addProperty("text", text);
			String threadTs = string(args, "thread_ts");
			if (threadTs != null && !threadTs.isEmpty()) {
				message.addProperty("thread_ts", threadTs);
			}
			if (metadata != null) {
				message.add("metadata", metadata);
			}
			history.computeIfAbsent(channel, c -> new ArrayList<>()).add(message);
			String id = (outboxId != null && outboxId.find()) ? outboxId.group(1) : null;
			posted.accepted(channel, id == null || outboxIds.add(id), channelTexts.add(channel + '\u0000' + text));
		}
		return Answer.ok("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + message.get("ts").getAsString()
				+ "\",\"message\":" + message + "}");
	}

	private Answer update(JsonObject args) {
		String channel = channelOf(string(args, "channel"));
		String ts = string(args, "ts");
		synchronized (this) {
			for (JsonObject message : (channel != null) ? history.getOrDefault(channel, List.of())
					: List.<JsonObject>of()) {
				if (message.get("ts").getAsString().equals(ts)) {
					message.addProperty("text", args.has("text") ? args.get("text").getAsString() : "");
					break;
				}
			}
		}
		return Answer.ok("{\"ok\":true,\"channel\":\"" + string(args, "channel") + "\",\"ts\":\"" + ts + "\"}");
	}

	private Answer history(String method, JsonObject args) {
		String channel = channelOf(string(args, "channel"));
		if (channel == null) {
			return Answer.ok(error("channel_not_found"));
		}
		boolean replies = method.equals("conversations.replies");
		String thread = string(args, "ts");
		if (replies && (thread == null || thread.isEmpty())) {
			return Answer.ok(error("thread_not_found"));
		}
		double oldest = number(string(args, "oldest"), 0);
		double latest = number(string(args, "latest"), Double.MAX_VALUE);
		boolean inclusive = flag(string(args, "inclusive"));
		boolean withMetadata = flag(string(args, "include_all_metadata"));
		int limit = (int) Math.max(1, Math.min(1000, number(string(args, "limit"), 100)));
		List<JsonObject> found = new ArrayList<>();
		synchronized (this) {
			for (JsonObject message : history.getOrDefault(channel, List.of())) {
				String ts = message.get("ts").getAsString();
				String threadTs = message.has("thread_ts") ? message.get("thread_ts").getAsString() : null;
				double at = number(ts, 0);
				boolean inRange = inclusive ? (at >= oldest && at <= latest) : (at > oldest && at < latest);
				boolean inThread = replies ? (ts.equals(thread) || thread.equals(threadTs))
						: (threadTs == null || threadTs.equals(ts));
				if (inRange && inThread) {
					JsonObject copy = message.deepCopy();
					if (!withMetadata) {
						copy.remove("metadata");
					}
					found.add(copy);
				}
			}
		}
		// history is newest first, replies oldest first
		if (!replies) {
			Collections.reverse(found);
		}
		JsonArray messages = new JsonArray();
		found.stream().limit(limit).forEach(messages::add);
		return Answer.ok("{\"ok\":true,\"messages\":" + messages + ",\"has_more\":" + (found.size() > limit)
				+ ",\"response_metadata\":{\"next_cursor\":\"\"}}");
	}

	private Answer members(JsonObject args) {
		List<String> all = members.get(String.valueOf(string(args, "channel")));
		if (all == null) {
			return Answer.ok(settings.strict() ? error("channel_not_found") : "{\"ok\":true}");
		}
		String cursor = string(args, "cursor");
		int from = (cursor == null || cursor.isEmpty()) ? 0 : Integer.parseInt(cursor.replaceFirst("^next:", ""));
		int to = Math.min(all.size(), from + (int) Math.max(1, Math.min(1000, number(string(args, "limit"), 100))));
		JsonArray page = new JsonArray();
		all.subList(from, to).forEach(page::add);
		return Answer.ok("{\"ok\":true,\"members\":" + page + ",\"response_metadata\":{\"next_cursor\":\""
				+ (to < all.size() ? "next:" + to : "") + "\"}}");
	}

	private Answer open(JsonObject args) {
		String users = string(args, "users");
		if (users == null || users.isEmpty() || users.contains(",")) {
			return Answer.ok(error(users == null || users.isEmpty() ? "users_list_not_supplied" : "not_supported"));
		}
		String channel = directWith(users);
		return Answer
			.ok((channel == null) ? error("user_not_found") : "{\"ok\":true,\"channel\":{\"id\":\"" + channel + "\"}}");
	}

	/**
	 * users.info as Slack answers it: a person made known by {@link #user} (with the
	 * flags of {@link #guest} or {@link #bot}), otherwise, unless strict, a full member
	 * of no known workspace.
	 */
	private Answer userInfo(String userId) {
		Person person = people.get(String.valueOf(userId));
		if (person == null && settings.strict()) {
			return Answer.ok(error("user_not_found"));
		}
		if (person == null) {
			person = new Person(null, null, "", false, false);
		}
		if (person.teamId() != null && !person.teamId().equals(TEAM) && !person.bot()) {
			peopleLooked.add(userId);
		}
		JsonObject user = new JsonObject();
		user.addProperty("id", userId);
		user.addProperty("name", (person.name() != null) ? person.name() : "someone");
		if (person.teamId() != null) {
			user.addProperty("team_id", person.teamId());
		}
		if (person.name() != null) {
			user.addProperty("real_name", person.name());
		}
		JsonObject profile = new JsonObject();
		profile.addProperty("title", person.title());
		if (person.email() != null) {
			profile.addProperty("email", person.email());
		}
		if (person.name() != null) {
			profile.addProperty("real_name", person.name());
		}
		user.add("profile", profile);
		user.addProperty("deleted", false);
		user.addProperty("is_bot", person.bot());
		user.addProperty("is_restricted", person.guest());
		return Answer.ok("{\"ok\":true,\"user\":" + user + "}");
	}

	/**
	 * A channel id; a user id stands for the direct message with them. Null for a user
	 * nobody made known, when strict.
	 */
	private String channelOf(String id) {
		if (id == null || id.isEmpty()) {
			return null;
		}
		String user = USER_ID.matcher(id).matches() ? id : id.startsWith("D") ? id.substring(1) : null;
		return (user == null) ? id : directWith(user);
	}

	private String directWith(String user) {
		return (settings.strict() && !people.containsKey(user)) ? null : "D" + user;
	}

	private Answer rateLimited(String what, long waitNanos) {
		rejected.computeIfAbsent(what, k -> new LongAdder()).increment();
		return new Answer(429, error("ratelimited"), Math.max(1, (waitNanos + SECOND - 1) / SECOND));
	}

	/** A unique ts, from the clock: seconds.microseconds. */
	private synchronized String nextTs() {
		long micros = Math.max(System.currentTimeMillis() * 1000, lastTsMicros + 1);
		lastTsMicros = micros;
		return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
	}

	// ---------------------------------------------------------------- setting up

	/** The next calls of this method fail as given, in order, then answer normally. */
	public void failNext(String method, Failure... failures) {
		failuresByMethod.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).addAll(List.of(failures));
	}

	/**
	 * The next calls of this method to this channel fail as given, then answer normally.
	 */
	public void failNext(String method, String channel, Failure... failures) {
		failNext(method + ":" + channel, failures);
	}

	private Failure nextFailure(String method, JsonObject args) {
		String channel = args.has("channel") ? args.get("channel").getAsString() : "";
		Queue<Failure> queue = failuresByMethod.get(method + ":" + channel);
		Failure failure = (queue != null) ? queue.poll() : null;
		if (failure != null) {
			return failure;
		}
		queue = failuresByMethod.get(method);
		return (queue != null) ? queue.poll() : null;
	}

	/**
	 * Makes files.info answer for this file with its name and permalink, as Slack does
	 * for a file another organisation shared in a Slack Connect channel.
	 */
	public void file(String fileId, String name, String permalink) {
		JsonObject file = new JsonObject();
		file.addProperty("id", fileId);
		file.addProperty("name", name);
		file.addProperty("title", name);
		file.addProperty("permalink", permalink);
		files.put(fileId, file);
	}

	/** Makes users.info answer for this user with this workspace. */
	public void user(String userId, String teamId) {
		people.merge(userId, new Person(teamId, null, "", false, false), (was, now) -> was.withTeam(teamId));
	}

	/** Makes users.info answer for this user with this workspace and profile title. */
	public void user(String userId, String teamId, String title) {
		people.merge(userId, new Person(teamId, null, title, false, false),
				(was, now) -> new Person(teamId, was.name(), title, was.bot(), was.guest()));
	}

	/**
	 * Makes users.info answer for this user with this workspace, profile title and e-mail
	 * address.
	 */
	public void user(String userId, String teamId, String title, String email) {
		people.put(userId, new Person(teamId, null, title, false, false, email));
	}

	/** Makes users.info answer that this user is a guest ({@code is_restricted}). */
	public void guest(String userId) {
		people.merge(userId, new Person(null, null, "", false, true),
				(was, now) -> new Person(was.teamId(), was.name(), was.title(), false, true));
	}

	/** Makes users.info answer that this user is a bot. */
	public void bot(String userId) {
		people.merge(userId, new Person(null, null, "", true, false),
				(was, now) -> new Person(was.teamId(), was.name(), was.title(), true, false));
	}

	/**
	 * A channel's members, in conversations.members' order, each a person of this
	 * workspace with this name: a roster for the benchmarks.
	 */
	public void members(String channel, String teamId, Map<String, String> namesByUser) {
		namesByUser.forEach((user, name) -> people.put(user, new Person(teamId, name, "", false, false)));
		members.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).addAll(namesByUser.keySet());
	}

	/** Makes the bot a member of the channel, as it is of every channel it serves. */
	public void botIn(String channel) {
		people.put(BOT_USER, new Person(TEAM, "partnerbot", "", true, false));
		members.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(BOT_USER);
	}

	/**
	 * Posts as the bot would have: for tests of a crash after Slack took a message.
	 */
	public String postDirectly(String channel, String text, String metadataJson) {
		return postDirectly(channel, null, text, metadataJson);
	}

	/** A message posted in a thread, as if by the bot, without a call counted. */
	public String postDirectly(String channel, String threadTs, String text, String metadataJson) {
		JsonObject args = new JsonObject();
		args.addProperty("channel", channel);
		if (threadTs != null) {
			args.addProperty("thread_ts", threadTs);
		}
		args.addProperty("text", text);
		args.addProperty("metadata", metadataJson);
		return JsonParser.parseString(post(args).body()).getAsJsonObject().get("ts").getAsString();
	}

	// ---------------------------------------------------------------- what happened

	/** The messages in a channel, in the order they came. */
	public synchronized List<JsonObject> messages(String channel) {
		return List.copyOf(history.getOrDefault(channel, List.of()));
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

	/** Calls per method, answered or not. */
	public Map<String, Long> counts() {
		return sums(counted);
	}

	/** The calls of a method so far, answered or not. */
	public long count(String method) {
		LongAdder adder = counted.get(method);
		return (adder != null) ? adder.sum() : 0;
	}

	/**
	 * What chat.postMessage took and refused: accepted messages (to direct messages, and
	 * the people who got one), 429s, the partner people known and looked up, duplicates
	 * (a message whose metadata outbox_id was taken before, or the same text to the same
	 * channel again), accepted per minute since the first; and the calls per method.
	 */
	public synchronized JsonObject stats() {
		JsonObject stats = posted.json();
		stats.addProperty("direct_recipients",
				history.entrySet().stream().filter(e -> e.getKey().startsWith("D") && !e.getValue().isEmpty()).count());
		stats.addProperty("rejected429", sums(rejected).values().stream().mapToLong(Long::longValue).sum());
		stats.addProperty("rejected429_post_channel", sums(rejected).getOrDefault("chat.postMessage:channel", 0L));
		stats.addProperty("rejected429_post_workspace", sums(rejected).getOrDefault("chat.postMessage:workspace", 0L));
		stats.addProperty("people", people.values().stream().filter(p -> !TEAM.equals(p.teamId()) && !p.bot()).count());
		stats.addProperty("people_looked_up", peopleLooked.size());
		stats.add("calls", json(counts()));
		stats.add("rejected429_by_method", json(sums(rejected)));
		stats.addProperty("limits", settings.limits().toString());
		return stats;
	}

	private static Map<String, Long> sums(Map<String, LongAdder> counters) {
		Map<String, Long> sums = new TreeMap<>();
		counters.forEach((k, v) -> sums.put(k, v.sum()));
		return sums;
	}

	private static JsonObject json(Map<String, Long> counts) {
		JsonObject json = new JsonObject();
		counts.forEach(json::addProperty);
		return json;
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/** The tally of accepted messages; guarded by the stub. */
	private static final class Posted {

		private long accepted;

		private long acceptedDirect;

		private long duplicateOutboxIds;

		private long duplicateTexts;

		private long duplicates;

		private long firstMillis;

		private long lastMillis;

		private final List<Long> perMinute = new ArrayList<>();

		void accepted(String channel, boolean newOutboxId, boolean newText) {
			long millis = System.currentTimeMillis();
			accepted++;
			acceptedDirect += channel.startsWith("D") ? 1 : 0;
			firstMillis = (firstMillis == 0) ? millis : firstMillis;
			lastMillis = millis;
			int minute = (int) ((millis - firstMillis) / 60_000);
			while (perMinute.size() <= minute) {
				perMinute.add(0L);
			}
			perMinute.set(minute, perMinute.get(minute) + 1);
			duplicateOutboxIds += newOutboxId ? 0 : 1;
			duplicateTexts += newText ? 0 : 1;
			duplicates += (newOutboxId && newText) ? 0 : 1;
		}

		JsonObject json() {
			JsonObject json = new JsonObject();
			json.addProperty("accepted", accepted);
			json.addProperty("accepted_direct", acceptedDirect);
			json.addProperty("duplicates", duplicates);
			json.addProperty("duplicate_outbox_ids", duplicateOutboxIds);
			json.addProperty("duplicate_texts", duplicateTexts);
			JsonArray minutes = new JsonArray();
			perMinute.forEach(minutes::add);
			json.add("per_minute", minutes);
			json.addProperty("first_accepted_ms", firstMillis);
			json.addProperty("last_accepted_ms", lastMillis);
			json.addProperty("first_accepted",
					(firstMillis == 0) ? null : Instant.ofEpochMilli(firstMillis).toString());
			json.addProperty("last_accepted", (lastMillis == 0) ? null : Instant.ofEpochMilli(lastMillis).toString());
			return json;
		}

	}

	/**
	 * Calls in a sliding window: at most {@code limit} within {@code window} nanoseconds.
	 */
	private static final class Window {

		private final int limit;

		private final long window;

		private final ArrayDeque<Long> times = new ArrayDeque<>();

		Window(int limit, long window) {
			this.limit = limit;
			this.window = window;
		}

		/**
		 * 0 when the call is taken (and counted), or no limit; else nanoseconds to wait.
		 */
		synchronized long tryAcquire(long now) {
			if (limit <= 0) {
				return 0;
			}
			while (!times.isEmpty() && now - times.peekFirst() >= window) {
				times.pollFirst();
			}
			if (times.size() >= limit) {
				return times.peekFirst() + window - now;
			}
			times.addLast(now);
			return 0;
		}

	}

	// ---------------------------------------------------------------- HTTP

	/** A call's arguments: the query's, then the body's, form or JSON alike. */
	private static JsonObject arguments(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		JsonObject args = new JsonObject();
		form(exchange.getRequestURI().getRawQuery(), args);
		String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
		if (contentType.contains("json") && !body.isBlank()) {
			JsonParser.parseString(body).getAsJsonObject().entrySet().forEach(e -> args.add(e.getKey(), e.getValue()));
		}
		else {
			form(body, args);
		}
		return args;
	}

	private static void form(String text, JsonObject into) {
		for (String pair : (text == null) ? new String[0] : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			into.addProperty(name, value);
		}
	}

	private static void respond(HttpExchange exchange, Answer answer) {
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		if (answer.retryAfterSeconds() > 0) {
			exchange.getResponseHeaders().add("Retry-After", String.valueOf(answer.retryAfterSeconds()));
		}
		try {
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			exchange.getResponseBody().write(bytes);
		}
		catch (IOException gone) {
			// the client gave up waiting
		}
	}

	private static String error(String code) {
		return "{\"ok\":false,\"error\":\"" + code + "\"}";
	}

	private static String string(JsonObject args, String name) {
		JsonElement value = args.get(name);
		return (value == null || value.isJsonNull()) ? null
				: value.isJsonPrimitive() ? value.getAsString() : value.toString();
	}

	private static boolean flag(String value) {
		return "true".equals(value) || "1".equals(value);
	}

	private static double number(String text, double otherwise) {
		try {
			return (text == null || text.isEmpty()) ? otherwise : Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			return otherwise;
		}
	}

	private static void pause(Duration duration) {
		if (duration == null || duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
