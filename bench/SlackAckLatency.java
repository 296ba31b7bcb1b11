import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.partnerbot.SlackClientForTests;
import com.partnerbot.StubSlackApi;

/**
 * Acknowledgement latency of {@code POST /slack/events} under concurrent, signed
 * {@code app_mention} deliveries from a registered partner.
 *
 * <p>
 * Compiled against the test classpath and run by {@code bench/slack-ack-latency.sh},
 * which starts the app. This program runs the tests' stub of Slack's Web API on loopback
 * (the app must be started with {@code SLACK_API_URL} pointing at it), waits for {@code /actuator/health}, registers a partner, and then sends
 * deliveries open-loop: each at its scheduled instant, whether or not earlier ones have
 * been answered, with latency measured from the scheduled instant (so a stalled server
 * or a late sender cannot hide queueing: no coordinated omission).
 *
 * <pre>
 * java -cp ... SlackAckLatency --app-url http://127.0.0.1:8080 --stub-port 18081 \
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
		// deliveries come from one made-up partner: users.info and the rest answer for anyone
		StubSlackApi.Settings settings = new StubSlackApi.Settings(options.stubPort, null, StubSlackApi.Limits.NONE,
				Duration.ZERO, false, false);
		try (StubSlackApi stub = StubSlackApi.start(settings)) {
			System.out.println("stub Web API on " + stub.url() + " (start the app with SLACK_API_URL=" + stub.url()
					+ ")");
			BenchApp app = new BenchApp(client, options.appUrl, options.adminToken);
			app.waitForHealth(options.healthWaitSeconds);
			if (!options.floor) {
				registerPartner(app);
			}
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
			System.out.println("--- results" + (options.floor ? " (the floor: a bare Bolt app)" : "") + " ---");
			results.forEach(r -> System.out.println(r.line()));
			if (options.results != null) {
				Files.write(options.results, results.stream().map(Result::record).toList());
			}
			if (options.floorResults != null && Files.exists(options.floorResults)) {
				printBesideTheFloor(results, Files.readAllLines(options.floorResults));
			}
		}
	}

	/**
	 * Each rate's percentiles beside the bare Bolt app's at the same rate (a record
	 * {@link Result#record} wrote), and their ratio.
	 */
	static void printBesideTheFloor(List<Result> results, List<String> floor) {
		System.out.println("--- beside the floor (a bare Bolt app answering the same deliveries) ---");
		for (Result ours : results) {
			for (String line : floor) {
				String[] f = line.split(" ");
				if (Integer.parseInt(f[0]) != ours.rate()) {
					continue;
				}
				double p50 = Double.parseDouble(f[1]);
				double p99 = Double.parseDouble(f[2]);
				double max = Double.parseDouble(f[3]);
				System.out.println(String.format(Locale.ROOT,
						"rate=%d/s ours p50=%.1fms p99=%.1fms max=%.1fms | bare Bolt p50=%.1fms p99=%.1fms max=%.1fms | ratio p50=%.1fx p99=%.1fx",
						ours.rate(), ours.percentile(50), ours.percentile(99), ours.percentile(100), p50, p99, max,
						ours.percentile(50) / p50, ours.percentile(99) / p99));
			}
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

		/** The target is the bare Bolt app: no partner to register, no replies to count. */
		boolean floor;

		Path results;

		Path floorResults;

		static Options parse(String[] args) {
			Options o = new Options();
			BenchApp.parse(args, USAGE, (name, value) -> {
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
					case "--floor" -> o.floor = Boolean.parseBoolean(value);
					case "--results" -> o.results = Path.of(value);
					case "--floor-results" -> o.floorResults = Path.of(value);
					default -> {
						return false;
					}
				}
				return true;
			});
			if (o.secret == null || o.secret.isBlank()
					|| !o.floor && (o.adminToken == null || o.adminToken.isBlank())) {
				BenchApp.usage(USAGE, "--secret and --admin-token are required");
			}
			if (o.floor) {
				o.drainSeconds = 0;
			}
			if (o.rates.isEmpty() || o.rates.stream().anyMatch(r -> r <= 0) || o.durationSeconds <= 0
					|| o.warmupRate <= 0) {
				BenchApp.usage(USAGE, "rates and durations must be positive");
			}
			return o;
		}

		static final String USAGE = """
				usage: SlackAckLatency --secret SIGNING_SECRET --admin-token TOKEN
				         [--app-url http://127.0.0.1:8080] [--stub-port 0] [--rates 50,200]
				         [--duration 30] [--warmup 5] [--warmup-rate 50] [--timeout-ms 3000]
				         [--health-wait 90] [--drain 20] [--payload FILE]
				         [--floor true] [--results FILE] [--floor-results FILE]""";

	}

	// ---------------------------------------------------------------- app set-up

	static void registerPartner(BenchApp app) throws Exception {
		String json = """
				{"name":"Bench Partner","tier":"Gold","slackTeamIds":["T_BENCH"],"slackChannelIds":["C_BENCH"]}""";
		HttpResponse<String> response = app.send("POST", "/api/partners", json, Duration.ofSeconds(10));
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

		private final String secret;

		private static final AtomicInteger made = new AtomicInteger();

		/**
		 * Distinguishes this run's event ids from those a reused database has seen, and
		 * from another template's of the same run.
		 */
		private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT) + "X"
				+ made.incrementAndGet();

		private final long baseSeconds = System.currentTimeMillis() / 1000;

		private final AtomicLong sequence = new AtomicLong();

		Deliveries(String payload, String secret) {
			JsonObject body = JsonParser.parseString(payload).getAsJsonObject();
			JsonObject event = body.getAsJsonObject("event");
			if (event == null) {
				throw new IllegalArgumentException("the payload has no event object");
			}
			body.addProperty("event_id", EVENT_ID);
			if (body.has("event_time")) {
				body.addProperty("event_time", TIME);
			}
			event.addProperty("team", "T_BENCH");
			event.addProperty("channel", "C_BENCH");
			event.addProperty("ts", TS);
			if (event.has("event_ts")) {
				event.addProperty("event_ts", TS);
			}
			// event_time is a number: its placeholder loses its quotes
			this.template = body.toString().replace('"' + TIME + '"', TIME);
			this.secret = secret;
		}

		/** A new delivery's body. */
		String next() {
			long n = sequence.incrementAndGet();
			String ts = (baseSeconds + n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
			return template.replace(EVENT_ID, "EvBench" + run + n)
				.replace(TS, ts)
				.replace(TIME, Long.toString(System.currentTimeMillis() / 1000));
		}

		/** Signed as Slack signs, by the tests' Slack client. */
		String sign(String timestamp, byte[] body) {
			return SlackClientForTests.sign(secret, Long.parseLong(timestamp), body);
		}

	}

	// ---------------------------------------------------------------- load

	static final class Load {

		private final HttpClient client;

		private final Options options;

		private final Deliveries deliveries;

		private final StubSlackApi stub;

		private final URI events;

		/** Mentions acknowledged so far, over every phase: each should get one reply. */
		private long acknowledged;

		Load(HttpClient client, Options options, Deliveries deliveries, StubSlackApi stub) {
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
			// how late the generator itself sent each delivery: it shares the cores with the app
			long[] sendLag = new long[count];
			long postsBefore = stub.count("chat.postMessage");
			long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
			for (int i = 0; i < count; i++) {
				long scheduled = start + i * period;
				long wait;
				while ((wait = scheduled - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				sendLag[i] = System.nanoTime() - scheduled;
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
			long replies = awaitPostMessages(stub, acknowledged, options.drainSeconds) - postsBefore;
			Map<String, Long> errorCounts = new TreeMap<>();
			errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
			return new Result(rate, seconds, latency, okCount, errorCounts, maxInFlight.get(), sendLag, replies);
		}

		/**
		 * Waits until {@code expected} chat.postMessage calls have arrived in all, or none
		 * for two seconds, or {@code seconds} have passed; the count then.
		 */
		private static long awaitPostMessages(StubSlackApi stub, long expected, int seconds)
				throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			long last = stub.count("chat.postMessage");
			long lastChange = System.nanoTime();
			while (last < expected && System.nanoTime() < deadline
					&& System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(2)) {
				Thread.sleep(50);
				long now = stub.count("chat.postMessage");
				if (now != last) {
					last = now;
					lastChange = System.nanoTime();
				}
			}
			return stub.count("chat.postMessage");
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
			long[] sendLag, long replies) {

		int sent() {
			return latency.length;
		}

		long errorCount() {
			return errors.values().stream().mapToLong(Long::longValue).sum();
		}

		double percentile(double p) {
			return percentile(latency, p);
		}

		static double percentile(long[] nanos, double p) {
			long[] sorted = nanos.clone();
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
					"p90=%.1fms p99.9=%.1fms max_in_flight=%d send_lag p99=%.1fms max=%.1fms chat.postMessage=%d (for %d acknowledged)",
					percentile(90), percentile(99.9), maxInFlight, percentile(sendLag, 99), percentile(sendLag, 100),
					replies, ok);
			return errors.isEmpty() ? text : text + " errors: " + errors;
		}

		/** rate p50 p99 max, for {@link #printBesideTheFloor}. */
		String record() {
			return String.format(Locale.ROOT, "%d %.3f %.3f %.3f", rate, percentile(50), percentile(99),
					percentile(100));
		}

		static double millis(long nanos) {
			return nanos / 1_000_000.0;
		}

	}

}
