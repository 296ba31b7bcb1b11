import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Acknowledgement latency of {@code POST /slack/events} under concurrent, signed
 * {@code app_mention} deliveries from a registered partner.
 *
 * <p>
 * Stdlib only; run with the JDK 21+ source launcher, normally through
 * {@code bench/slack-ack-latency.sh}, which starts the app. This program runs a stub of
 * Slack's Web API on loopback (the app must be started with {@code SLACK_API_URL} pointing
 * at it), waits for {@code /actuator/health}, registers a partner, and then sends
 * deliveries open-loop: each at its scheduled instant, whether or not earlier ones have
 * been answered, with latency measured from the scheduled instant (so a stalled server
 * or a late sender cannot hide queueing: no coordinated omission).
 *
 * <pre>
 * java bench/SlackAckLatency.java --app-url http://127.0.0.1:8080 --stub-port 18081 \
 *     --secret S --admin-token T [--rates 50,200] [--duration 30] [--warmup 5] ...
 * </pre>
 */
public class SlackAckLatency {

	static final String DEFAULT_PAYLOAD = "src/test/resources/slack/payloads/event_callback.app_mention.ext_shared.json";

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofMillis(options.timeoutMillis))
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		try (StubWebApi stub = new StubWebApi(options.stubPort)) {
			System.out.println("stub Web API on " + stub.url() + " (start the app with SLACK_API_URL=" + stub.url()
					+ ")");
			waitForHealth(client, options);
			registerPartner(client, options);
			Deliveries deliveries = new Deliveries(Files.readString(options.payload), options.secret);
			Load load = new Load(client, options, deliveries, stub);
			if (options.warmupSeconds > 0) {
				Result warmup = load.run(options.warmupRate, options.warmupSeconds);
				System.out.println("warm-up (not counted): " + warmup.line());
			}
			List<Result> results = new ArrayList<>();
			for (int rate : options.rates) {
				Result result = load.run(rate, options.durationSeconds);
				results.add(result);
				System.out.println(result.line());
				System.out.println("    " + result.details());
			}
			System.out.println("stub Web API calls: " + stub.counts());
			System.out.println("--- results ---");
			results.forEach(r -> System.out.println(r.line()));
		}
	}

	// ---------------------------------------------------------------- options

	static final class Options {

		String appUrl = "http://127.0.0.1:8080";

		int stubPort;

		String secret;

		String adminToken;

		List<Integer> rates = List.of(50, 200);

		int durationSeconds = 30;

		int warmupSeconds = 5;

		int warmupRate = 50;

		int timeoutMillis = 3000;

		int healthWaitSeconds = 90;

		int drainSeconds = 20;

		Path payload = Path.of(DEFAULT_PAYLOAD);

		static Options parse(String[] args) {
			Options o = new Options();
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				if (name.equals("-h") || name.equals("--help")) {
					usage(null);
				}
				if (i + 1 >= args.length) {
					usage("missing value for " + name);
				}
				String value = args[++i];
				switch (name) {
					case "--app-url" -> o.appUrl = value.replaceAll("/+$", "");
					case "--stub-port" -> o.stubPort = Integer.parseInt(value);
					case "--secret" -> o.secret = value;
					case "--admin-token" -> o.adminToken = value;
					case "--rates" -> o.rates = Arrays.stream(value.split("[, ]+"))
						.filter(s -> !s.isBlank())
						.map(Integer::valueOf)
						.toList();
					case "--duration" -> o.durationSeconds = Integer.parseInt(value);
					case "--warmup" -> o.warmupSeconds = Integer.parseInt(value);
					case "--warmup-rate" -> o.warmupRate = Integer.parseInt(value);
					case "--timeout-ms" -> o.timeoutMillis = Integer.parseInt(value);
					case "--health-wait" -> o.healthWaitSeconds = Integer.parseInt(value);
					case "--drain" -> o.drainSeconds = Integer.parseInt(value);
					case "--payload" -> o.payload = Path.of(value);
					default -> usage("unknown option " + name);
				}
			}
			if (o.secret == null || o.secret.isBlank() || o.adminToken == null || o.adminToken.isBlank()) {
				usage("--secret and --admin-token are required");
			}
			if (o.rates.isEmpty() || o.rates.stream().anyMatch(r -> r <= 0) || o.durationSeconds <= 0
					|| o.warmupRate <= 0) {
				usage("rates and durations must be positive");
			}
			return o;
		}

		static void usage(String problem) {
			if (problem != null) {
				System.err.println("error: " + problem);
			}
			System.err.println("""
					usage: java bench/SlackAckLatency.java --secret SIGNING_SECRET --admin-token TOKEN
					         [--app-url http://127.0.0.1:8080] [--stub-port 0] [--rates 50,200]
					         [--duration 30] [--warmup 5] [--warmup-rate 50] [--timeout-ms 3000]
					         [--health-wait 90] [--drain 20] [--payload FILE]""");
			System.exit(problem == null ? 0 : 2);
		}

	}

	// ---------------------------------------------------------------- app set-up

	static void waitForHealth(HttpClient client, Options options) throws InterruptedException {
		URI uri = URI.create(options.appUrl + "/actuator/health");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.healthWaitSeconds);
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
					return;
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("the app at " + options.appUrl + " is not healthy after "
				+ options.healthWaitSeconds + " s: " + last);
	}

	static void registerPartner(HttpClient client, Options options) throws IOException, InterruptedException {
		String json = """
				{"name":"Bench Partner","tier":"Gold","slackTeamIds":["T_BENCH"],"slackChannelIds":["C_BENCH"]}""";
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create(options.appUrl + "/api/partners"))
					.timeout(Duration.ofSeconds(10))
					.header("Authorization", "Bearer " + options.adminToken)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201 && response.statusCode() != 409) {
			throw new IllegalStateException(
					"registering the bench partner failed: " + response.statusCode() + " " + response.body());
		}
		System.out.println("partner T_BENCH/C_BENCH: " + (response.statusCode() == 201 ? "registered" : "already there"));
	}

	// ---------------------------------------------------------------- deliveries

	/**
	 * Signed app_mention deliveries made from the real payload: a unique event_id and
	 * event.ts each, from team T_BENCH in channel C_BENCH.
	 */
	static final class Deliveries {

		private static final String EVENT_ID = "@@EVENT_ID@@";

		private static final String TS = "@@TS@@";

		private static final String TIME = "@@TIME@@";

		private final String template;

		private final SecretKeySpec key;

		/** Distinguishes this run's event ids from those a reused database has seen. */
		private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

		private final long baseSeconds = System.currentTimeMillis() / 1000;

		private final AtomicLong sequence = new AtomicLong();

		Deliveries(String payload, String secret) {
			Object parsed = new Json(payload).parse();
			if (!(parsed instanceof Map<?, ?> root) || !(root.get("event") instanceof Map<?, ?>)) {
				throw new IllegalArgumentException("the payload has no event object");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> body = (Map<String, Object>) root;
			@SuppressWarnings("unchecked")
			Map<String, Object> event = (Map<String, Object>) body.get("event");
			body.put("event_id", EVENT_ID);
			if (body.containsKey("event_time")) {
				body.put("event_time", new Json.Raw(TIME));
			}
			event.put("team", "T_BENCH");
			event.put("channel", "C_BENCH");
			event.put("ts", TS);
			if (event.containsKey("event_ts")) {
				event.put("event_ts", TS);
			}
			this.template = Json.write(body);
			this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		}

		/** A new delivery's body. */
		String next() {
			long n = sequence.incrementAndGet();
			String ts = (baseSeconds + n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
			return template.replace(EVENT_ID, "EvBench" + run + n)
				.replace(TS, ts)
				.replace(TIME, Long.toString(System.currentTimeMillis() / 1000));
		}

		/** Slack's signature: v0= hex HMAC-SHA256 of "v0:timestamp:body". */
		String sign(String timestamp, byte[] body) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
				return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	// ---------------------------------------------------------------- load

	static final class Load {

		private final HttpClient client;

		private final Options options;

		private final Deliveries deliveries;

		private final StubWebApi stub;

		private final URI events;

		/** Mentions acknowledged so far, over every phase: each should get one reply. */
		private long acknowledged;

		Load(HttpClient client, Options options, Deliveries deliveries, StubWebApi stub) {
			this.client = client;
			this.options = options;
			this.deliveries = deliveries;
			this.stub = stub;
			this.events = URI.create(options.appUrl + "/slack/events");
		}

		Result run(int rate, int seconds) throws InterruptedException {
			int count = rate * seconds;
			long period = TimeUnit.SECONDS.toNanos(1) / rate;
			long[] latency = new long[count];
			boolean[] ok = new boolean[count];
			Map<String, LongAdder> errors = new ConcurrentHashMap<>();
			CountDownLatch done = new CountDownLatch(count);
			AtomicInteger inFlight = new AtomicInteger();
			AtomicInteger maxInFlight = new AtomicInteger();
			long maxSendLag = 0;
			long postsBefore = stub.postMessages();
			long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
			for (int i = 0; i < count; i++) {
				long scheduled = start + i * period;
				long wait;
				while ((wait = scheduled - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				maxSendLag = Math.max(maxSendLag, System.nanoTime() - scheduled);
				String body = deliveries.next();
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				String timestamp = Long.toString(System.currentTimeMillis() / 1000);
				HttpRequest request = HttpRequest.newBuilder(events)
					.timeout(Duration.ofMillis(options.timeoutMillis))
					.header("Content-Type", "application/json")
					.header("X-Slack-Request-Timestamp", timestamp)
					.header("X-Slack-Signature", deliveries.sign(timestamp, bytes))
					.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
					.build();
				int index = i;
				maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
					latency[index] = System.nanoTime() - scheduled;
					inFlight.decrementAndGet();
					if (failure != null) {
						errors.computeIfAbsent(describe(failure), k -> new LongAdder()).increment();
					}
					else if (response.statusCode() != 200) {
						String text = response.body();
						errors
							.computeIfAbsent("HTTP " + response.statusCode() + " "
									+ text.substring(0, Math.min(120, text.length())), k -> new LongAdder())
							.increment();
					}
					else {
						ok[index] = true;
					}
					done.countDown();
				});
			}
			if (!done.await(options.timeoutMillis + 10_000L, TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(done.getCount() + " requests neither answered nor timed out");
			}
			int okCount = 0;
			for (boolean b : ok) {
				okCount += b ? 1 : 0;
			}
			acknowledged += okCount;
			long replies = stub.awaitPostMessages(acknowledged, options.drainSeconds) - postsBefore;
			Map<String, Long> errorCounts = new TreeMap<>();
			errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
			return new Result(rate, seconds, latency, okCount, errorCounts, maxInFlight.get(), maxSendLag, replies);
		}

		private static String describe(Throwable failure) {
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
					: failure;
			if (cause instanceof HttpTimeoutException) {
				return "timeout";
			}
			if (cause instanceof ConnectException) {
				return "connect: " + cause.getMessage();
			}
			return cause.getClass().getSimpleName() + ": " + cause.getMessage();
		}

	}

	/**
	 * One phase. Percentiles are over every delivery of the phase, failures included at
	 * the time they failed (a timeout counts as its timeout).
	 */
	record Result(int rate, int seconds, long[] latency, int ok, Map<String, Long> errors, int maxInFlight,
			long maxSendLagNanos, long replies) {

		int sent() {
			return latency.length;
		}

		long errorCount() {
			return errors.values().stream().mapToLong(Long::longValue).sum();
		}

		double percentile(double p) {
			long[] sorted = latency.clone();
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(p / 100.0 * sorted.length);
			return millis(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
		}

		String line() {
			return String.format(Locale.ROOT,
					"rate=%d/s duration=%ds sent=%d ok=%d errors=%d p50=%.1fms p99=%.1fms max=%.1fms", rate, seconds,
					sent(), ok, errorCount(), percentile(50), percentile(99), percentile(100));
		}

		String details() {
			String text = String.format(Locale.ROOT,
					"p90=%.1fms p99.9=%.1fms max_in_flight=%d max_send_lag=%.1fms chat.postMessage=%d (for %d acknowledged)",
					percentile(90), percentile(99.9), maxInFlight, millis(maxSendLagNanos), replies, ok);
			return errors.isEmpty() ? text : text + " errors: " + errors;
		}

		static double millis(long nanos) {
			return nanos / 1_000_000.0;
		}

	}

	// ---------------------------------------------------------------- stub Web API

	/**
	 * Slack's Web API on loopback, as much as the bot uses: auth.test and
	 * chat.postMessage answered as Slack does, anything else {"ok":true}; calls counted.
	 */
	static final class StubWebApi implements AutoCloseable {

		private final HttpServer server;

		private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

		private final AtomicLong posts = new AtomicLong();

		private final AtomicLong ts = new AtomicLong(1_700_000_000_000_000L);

		StubWebApi(int port) throws IOException {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/api/", this::handle);
			server.start();
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (exchange) {
				String method = exchange.getRequestURI().getPath().substring("/api/".length());
				String body;
				try (InputStream in = exchange.getRequestBody()) {
					body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
				calls.computeIfAbsent(method, k -> new LongAdder()).increment();
				String response = switch (method) {
					case "auth.test" -> """
							{"ok":true,"team_id":"T_INSTALLED","user_id":"W111","bot_id":"B111","user":"partnerbot",\
							"team":"Vendor","url":"https://x.slack.com/"}""";
					case "chat.postMessage" -> {
						posts.incrementAndGet();
						String channel = argument(exchange, body, "channel");
						yield "{\"ok\":true,\"channel\":\"" + Json.escape(channel) + "\",\"ts\":\"" + nextTs() + "\"}";
					}
					default -> "{\"ok\":true}";
				};
				byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
				exchange.sendResponseHeaders(200, bytes.length);
				exchange.getResponseBody().write(bytes);
			}
		}

		private static String argument(HttpExchange exchange, String body, String name) {
			String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
			if (type.contains("json")) {
				Object parsed = new Json(body).parse();
				return (parsed instanceof Map<?, ?> map && map.get(name) != null) ? map.get(name).toString() : "";
			}
			for (String pair : body.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
					return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				}
			}
			return "";
		}

		private String nextTs() {
			long value = ts.incrementAndGet();
			return (value / 1_000_000) + "." + String.format("%06d", value % 1_000_000);
		}

		long postMessages() {
			return posts.get();
		}

		/**
		 * Waits until {@code expected} chat.postMessage calls have arrived in all, or none
		 * for two seconds, or {@code seconds} have passed; the count then.
		 */
		long awaitPostMessages(long expected, int seconds) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			long last = posts.get();
			long lastChange = System.nanoTime();
			while (posts.get() < expected && System.nanoTime() < deadline
					&& System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(2)) {
				Thread.sleep(50);
				long now = posts.get();
				if (now != last) {
					last = now;
					lastChange = System.nanoTime();
				}
			}
			return posts.get();
		}

		Map<String, Long> counts() {
			Map<String, Long> counts = new TreeMap<>();
			calls.forEach((k, v) -> counts.put(k, v.sum()));
			return counts;
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}

	// ---------------------------------------------------------------- JSON

	/** Just enough JSON to edit the payload: objects keep their order, numbers their text. */
	static final class Json {

		/** Text written as is: numbers, and placeholders for them. */
		record Raw(String text) {
		}

		private final String s;

		private int i;

		Json(String s) {
			this.s = s;
		}

		Object parse() {
			Object value = value();
			space();
			if (i != s.length()) {
				throw error("trailing text");
			}
			return value;
		}

		private Object value() {
			space();
			if (i >= s.length()) {
				throw error("unexpected end");
			}
			char c = s.charAt(i);
			switch (c) {
				case '{' -> {
					i++;
					Map<String, Object> map = new LinkedHashMap<>();
					space();
					if (peek('}')) {
						return map;
					}
					do {
						space();
						String key = string();
						space();
						expect(':');
						map.put(key, value());
						space();
					}
					while (peek(','));
					expect('}');
					return map;
				}
				case '[' -> {
					i++;
					List<Object> list = new ArrayList<>();
					space();
					if (peek(']')) {
						return list;
					}
					do {
						list.add(value());
						space();
					}
					while (peek(','));
					expect(']');
					return list;
				}
				case '"' -> {
					return string();
				}
				default -> {
					if (s.startsWith("true", i)) {
						i += 4;
						return Boolean.TRUE;
					}
					if (s.startsWith("false", i)) {
						i += 5;
						return Boolean.FALSE;
					}
					if (s.startsWith("null", i)) {
						i += 4;
						return null;
					}
					int from = i;
					while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
						i++;
					}
					if (from == i) {
						throw error("unexpected '" + c + "'");
					}
					return new Raw(s.substring(from, i));
				}
			}
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				if (i >= s.length()) {
					throw error("unterminated string");
				}
				char c = s.charAt(i++);
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char e = s.charAt(i++);
				switch (e) {
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case 'r' -> out.append('\r');
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'u' -> {
						out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
						i += 4;
					}
					default -> out.append(e);
				}
			}
		}

		private void space() {
			while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
				i++;
			}
		}

		private boolean peek(char c) {
			if (i < s.length() && s.charAt(i) == c) {
				i++;
				return true;
			}
			return false;
		}

		private void expect(char c) {
			if (!peek(c)) {
				throw error("expected '" + c + "'");
			}
		}

		private IllegalArgumentException error(String message) {
			return new IllegalArgumentException("JSON: " + message + " at offset " + i);
		}

		static String write(Object value) {
			StringBuilder out = new StringBuilder();
			write(value, out);
			return out.toString();
		}

		private static void write(Object value, StringBuilder out) {
			switch (value) {
				case null -> out.append("null");
				case Map<?, ?> map -> {
					out.append('{');
					boolean first = true;
					for (Map.Entry<?, ?> entry : map.entrySet()) {
						out.append(first ? "" : ",").append('"').append(escape(entry.getKey().toString())).append("\":");
						write(entry.getValue(), out);
						first = false;
					}
					out.append('}');
				}
				case List<?> list -> {
					out.append('[');
					for (int k = 0; k < list.size(); k++) {
						out.append(k == 0 ? "" : ",");
						write(list.get(k), out);
					}
					out.append(']');
				}
				case Raw raw -> out.append(raw.text());
				case Boolean b -> out.append(b);
				default -> out.append('"').append(escape(value.toString())).append('"');
			}
		}

		static String escape(String text) {
			StringBuilder out = new StringBuilder();
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					case '\t' -> out.append("\\t");
					default -> {
						if (c < 0x20) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			return out.toString();
		}

	}

}
