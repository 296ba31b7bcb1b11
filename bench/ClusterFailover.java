import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.gson.JsonParser;
import com.partnerbot.StubSlackApi;
import com.partnerbot.platform.EmbeddedDatabase;

/**
 * Two instances of the bot jar on one PostgreSQL behind a {@link LoopbackBalancer},
 * taking signed deliveries open-loop; one instance is killed ({@code SIGKILL}) mid-run.
 * Every {@code --mention-every}th delivery mentions the bot and needs an answer, the others
 * are channel messages the bot only acknowledges (Slack's most common delivery). A
 * delivery not acknowledged with a 200 is sent again at once as Slack does (same body,
 * {@code X-Slack-Retry-Num}). Prints the acknowledgement latency, and
 * the answered mentions: lost (acknowledged, never answered) and doubled (answered more
 * than once).
 *
 * <p>
 * Run by {@code bench/cluster-failover.sh}; compiled with {@code SlackAckLatency} (its
 * deliveries and result figures) and {@code BenchApp} against the test classpath.
 */
public class ClusterFailover {

	static final String USAGE = """
			usage: ClusterFailover --jar JAR --java JAVA --work DIR [--rate 200] [--duration 40] [--kill-at 20]
			         [--mention-every 10] [--timeout-ms 3000] [--drain 60]""";

	public static void main(String[] args) throws Exception {
		Map<String, String> o = new TreeMap<>(Map.of("--rate", "200", "--duration", "40", "--kill-at", "20",
				"--mention-every", "10", "--timeout-ms", "3000", "--drain", "60"));
		BenchApp.parse(args, USAGE, (name, value) -> {
			if (!name.matches("--(jar|java|work|rate|duration|kill-at|mention-every|timeout-ms|drain)")) {
				return false;
			}
			o.put(name, value);
			return true;
		});
		if (!o.containsKey("--jar") || !o.containsKey("--java") || !o.containsKey("--work")) {
			BenchApp.usage(USAGE, "--jar, --java and --work are required");
		}
		new ClusterFailover(o).run();
	}

	private final Map<String, String> options;

	private final Path work;

	private final String secret = "bench-secret-" + System.nanoTime();

	private final String adminToken = "bench-admin-" + System.nanoTime();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	ClusterFailover(Map<String, String> options) {
		this.options = options;
		this.work = Path.of(options.get("--work"));
	}

	private int option(String name) {
		return Integer.parseInt(options.get(name));
	}

	void run() throws Exception {
		Path database = work.resolve("postgres");
		String url = EmbeddedDatabase.start(database);
		List<Process> instances = new ArrayList<>();
		StubSlackApi.Settings settings = new StubSlackApi.Settings(0, null, StubSlackApi.Limits.NONE, Duration.ZERO,
				false, true);
		try (StubSlackApi stub = StubSlackApi.start(settings)) {
			List<Integer> ports = new ArrayList<>();
			for (String name : List.of("a", "b")) {
				int port = freePort();
				long started = System.nanoTime();
				instances.add(launch(name, port, url, stub.url()));
				BenchApp app = new BenchApp(client, "http://127.0.0.1:" + port, adminToken);
				app.waitForHealth(300);
				// the start-up index is built in the background: a reindex returns once it is
				// (409 while the start-up one runs)
				while (app.send("POST", "/api/admin/reindex", null, Duration.ofMinutes(5)).statusCode() == 409
						&& System.nanoTime() - started < TimeUnit.MINUTES.toNanos(5)) {
					Thread.sleep(1000);
				}
				System.out.printf("instance %s on %d: ready and indexed after %.1f s%n", name, port,
						(System.nanoTime() - started) / 1e9);
				ports.add(port);
			}
			try (LoopbackBalancer balancer = new LoopbackBalancer(ports)) {
				System.out.println("balancer " + balancer.url() + " -> " + ports + "; PostgreSQL " + url);
				SlackAckLatency.registerPartner(new BenchApp(client, balancer.url(), adminToken));
				// both instances' JIT warms up first, as Slack's traffic would have warmed it
				load(balancer, stub, 50, 10, null);
				load(balancer, stub, option("--rate"), option("--duration"), instances.get(1));
			}
		}
		finally {
			for (Process instance : instances) {
				instance.destroy();
				instance.waitFor(30, TimeUnit.SECONDS);
				instance.destroyForcibly();
			}
			EmbeddedDatabase.stop(database);
		}
	}

	private Process launch(String name, int port, String databaseUrl, String slackApiUrl) throws Exception {
		Path data = work.resolve(name);
		Files.createDirectories(data);
		ProcessBuilder process = new ProcessBuilder(options.get("--java"), "--add-modules", "jdk.incubator.vector",
				"-jar", options.get("--jar"))
			.redirectErrorStream(true)
			.redirectOutput(work.resolve(name + ".log").toFile());
		Map<String, String> env = process.environment();
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("PARTNERBOT_DATA_DIR", data.toString());
		env.put("SPRING_DATASOURCE_URL", databaseUrl);
		env.put("SPRING_DATASOURCE_USERNAME", "postgres");
		env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
		env.put("SLACK_SIGNING_SECRET", secret);
		env.put("SLACK_BOT_TOKEN", "xoxb-bench");
		env.put("SLACK_API_URL", slackApiUrl);
		env.put("PARTNERBOT_ADMIN_TOKEN", adminToken);
		// every mention comes from the payload's one person: the per-person limit of waiting
		// questions would turn most away (with a "one moment") and hide what the kill loses
		env.put("SLACK_WORK_PERPERSON", "1000");
		env.put("SLACK_WORK_PERWORKSPACE", "1000");
		env.put("PARTNERBOT_LOG_FORMAT", "");
		env.put("DJL_CACHE_DIR", work.resolve("djl").toString());
		return process.start();
	}

	/** One delivery: its body, and the mention's ts when it needs an answer. */
	private record Sent(String body, String mentionTs) {
	}

	/** One phase of load; the victim (none in the warm-up) is killed on the way. */
	private void load(LoopbackBalancer balancer, StubSlackApi stub, int rate, int seconds, Process victim)
			throws Exception {
		int every = option("--mention-every");
		String payloads = "src/test/resources/slack/payloads/";
		SlackAckLatency.Deliveries mentions = new SlackAckLatency.Deliveries(
				Files.readString(Path.of(payloads + "event_callback.app_mention.ext_shared.json")), secret);
		SlackAckLatency.Deliveries messages = new SlackAckLatency.Deliveries(
				Files.readString(Path.of(payloads + "event_callback.message.channel.user_team_source_team.json")),
				secret);
		int count = rate * seconds;
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		long[] latency = new long[count];
		Map<String, Long> errors = new ConcurrentHashMap<>();
		Set<String> acknowledgedMentions = ConcurrentHashMap.newKeySet();
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger maxInFlight = new AtomicInteger();
		AtomicInteger retried = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(count);
		long killAt = TimeUnit.SECONDS.toNanos(option("--kill-at"));
		boolean killed = false;
		long maxLag = 0;
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		for (int i = 0; i < count; i++) {
			long scheduled = start + i * period;
			LockSupport.parkNanos(scheduled - System.nanoTime());
			maxLag = Math.max(maxLag, System.nanoTime() - scheduled);
			if (victim != null && !killed && scheduled - start >= killAt) {
				victim.destroyForcibly();
				killed = true;
				System.out.printf("instance b killed (SIGKILL) at %.1f s%n", (System.nanoTime() - start) / 1e9);
			}
			boolean mention = i % every == 0;
			String body = mention ? mentions.next() : messages.next();
			Sent sent = new Sent(body, mention ? JsonParser.parseString(body)
				.getAsJsonObject()
				.getAsJsonObject("event")
				.get("ts")
				.getAsString() : null);
			int index = i;
			maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			Thread.ofVirtual().start(() -> {
				String failure = deliver(balancer.url(), sent, mentions, retried);
				latency[index] = System.nanoTime() - scheduled;
				inFlight.decrementAndGet();
				if (failure == null) {
					ok.incrementAndGet();
					if (sent.mentionTs() != null) {
						acknowledgedMentions.add(sent.mentionTs());
					}
				}
				else {
					errors.merge(failure, 1L, Long::sum);
				}
				done.countDown();
			});
		}
		done.await(option("--timeout-ms") * 5L + 30_000, TimeUnit.MILLISECONDS);
		SlackAckLatency.Result result = new SlackAckLatency.Result(rate, seconds, latency, ok.get(), new TreeMap<>(errors),
				maxInFlight.get(), maxLag, 0);
		if (victim == null) {
			System.out.println("warm-up (not counted): " + result.line());
			return;
		}
		System.out.println(result.line());
		int killIndex = (int) Math.min(count, killAt / period);
		for (int[] phase : new int[][] { { 0, killIndex }, { killIndex, count } }) {
			SlackAckLatency.Result part = new SlackAckLatency.Result(rate, seconds,
					java.util.Arrays.copyOfRange(latency, phase[0], phase[1]), 0, Map.of(), 0, 0, 0);
			System.out.printf("    %s the kill: p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n",
					phase[0] == 0 ? "before" : "after ", part.percentile(50), part.percentile(90),
					part.percentile(99), part.percentile(100));
		}
		System.out.printf(
				"    p90=%.1fms p99.9=%.1fms max_in_flight=%d; resent as Slack would: %d; balancer: %d passed to the other instance, %d answered 502%n",
				result.percentile(90), result.percentile(99.9), maxInFlight.get(), retried.get(),
				balancer.retriedElsewhere.sum(), balancer.badGateway.sum());
		if (!errors.isEmpty()) {
			System.out.println("    not acknowledged: " + new TreeMap<>(errors));
		}
		Map<String, Long> answers = awaitAnswers(stub, acknowledgedMentions);
		long lost = acknowledgedMentions.stream().filter(ts -> answers.getOrDefault(ts, 0L) == 0).count();
		long doubled = answers.values().stream().filter(n -> n > 1).count();
		System.out.printf("mentions acknowledged=%d answered=%d lost=%d doubled=%d%n", acknowledgedMentions.size(),
				answers.size(), lost, doubled);
	}

	/**
	 * Sends a delivery through the balancer as Slack does: a delivery not acknowledged is
	 * sent again at once (Slack's later retries, after a minute and after five, fall
	 * outside the run); null when acknowledged, else why not.
	 */
	private String deliver(String balancer, Sent sent, SlackAckLatency.Deliveries signer, AtomicInteger retried) {
		byte[] bytes = sent.body().getBytes(StandardCharsets.UTF_8);
		String why = null;
		for (int attempt = 0; attempt <= 1; attempt++) {
			String timestamp = Long.toString(System.currentTimeMillis() / 1000);
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(balancer + "/slack/events"))
				.timeout(Duration.ofMillis(option("--timeout-ms")))
				.header("Content-Type", "application/json")
				.header("X-Slack-Request-Timestamp", timestamp)
				.header("X-Slack-Signature", signer.sign(timestamp, bytes))
				.POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
			if (attempt > 0) {
				retried.incrementAndGet();
				request.header("X-Slack-Retry-Num", String.valueOf(attempt)).header("X-Slack-Retry-Reason", "http_error");
			}
			try {
				HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return null;
				}
				why = "HTTP " + response.statusCode();
			}
			catch (java.io.IOException ex) {
				why = ex.getClass().getSimpleName();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return "interrupted";
			}
		}
		return why + " (and its retry)";
	}

	/**
	 * The bot's replies in each acknowledged mention's thread, once they stop coming (or
	 * after the drain time).
	 */
	private Map<String, Long> awaitAnswers(StubSlackApi stub, Set<String> mentions) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(option("--drain"));
		Map<String, Long> answers = Map.of();
		long lastChange = System.nanoTime();
		while (System.nanoTime() < deadline && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(5)) {
			Map<String, Long> now = stub.calls("chat.postMessage")
				.stream()
				.filter(c -> "C_BENCH".equals(c.arg("channel")) && c.arg("thread_ts") != null
						&& mentions.contains(c.arg("thread_ts")))
				.collect(Collectors.groupingBy(c -> c.arg("thread_ts"), Collectors.counting()));
			if (!now.equals(answers)) {
				answers = now;
				lastChange = System.nanoTime();
			}
			if (answers.size() >= mentions.size()) {
				Thread.sleep(2000);
			}
			Thread.sleep(200);
		}
		return answers;
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
