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
			         [--mention-every 10] [--timeout-ms 3000] [--drain 120] [--slack-latency-ms 100]""";

	public static void main(String[] args) throws Exception {
		Map<String, String> o = new TreeMap<>(Map.of("--rate", "200", "--duration", "40", "--kill-at", "20",
				"--mention-every", "10", "--timeout-ms", "3000", "--drain", "120", "--slack-latency-ms", "100"));
		BenchApp.parse(args, USAGE, (name, value) -> {
			if (!name.matches("--(jar|java|work|rate|duration|kill-at|mention-every|timeout-ms|drain|slack-latency-ms)")) {
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

	private String databaseUrl;

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
		databaseUrl = url;
		List<Process> instances = new ArrayList<>();
		// every Web API call takes this long, as over a network: an answer holds its worker
		// for it, so the killed instance has answers in hand, not only deliveries received
		StubSlackApi.Settings settings = new StubSlackApi.Settings(0, null, StubSlackApi.Limits.NONE,
				Duration.ofMillis(option("--slack-latency-ms")), false, true);
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

	/** One delivery: its event id and body, and the mention's ts when it needs an answer. */
	private record Sent(String eventId, String body, String mentionTs) {
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
		// each acknowledged delivery's event id, and when its 200 came back (epoch micros)
		Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
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
			com.google.gson.JsonObject parsed = JsonParser.parseString(body).getAsJsonObject();
			Sent sent = new Sent(parsed.get("event_id").getAsString(), body,
					mention ? parsed.getAsJsonObject("event").get("ts").getAsString() : null);
			int index = i;
			maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			Thread.ofVirtual().start(() -> {
				String failure = deliver(balancer.url(), sent, mentions, retried);
				latency[index] = System.nanoTime() - scheduled;
				inFlight.decrementAndGet();
				if (failure == null) {
					java.time.Instant now = java.time.Instant.now();
					acknowledgedAt.put(sent.eventId(), now.getEpochSecond() * 1_000_000 + now.getNano() / 1000);
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
		Map<String, Long> answers = awaitAnswers(stub, acknowledgedMentions, acknowledgedAt.keySet());
		long lost = acknowledgedMentions.stream().filter(ts -> answers.getOrDefault(ts, 0L) == 0).count();
		long doubled = answers.values().stream().filter(n -> n > 1).count();
		System.out.printf("mentions acknowledged=%d answered=%d lost=%d doubled=%d%n", acknowledgedMentions.size(),
				answers.size(), lost, doubled);
		durability(acknowledgedAt);
	}

	/**
	 * What the database kept of the acknowledged deliveries: how long after its
	 * acknowledgement each was stored (the window in which a hard kill loses it), which
	 * were never stored, and which the survivor's recovery ran again.
	 */
	private void durability(Map<String, Long> acknowledgedAt) throws java.sql.SQLException {
		String[] ids = acknowledgedAt.keySet().toArray(String[]::new);
		List<Long> window = new ArrayList<>();
		int stored = 0;
		int runAgain = 0;
		int runAgainMentions = 0;
		int runAgainDone = 0;
		Map<String, Integer> statuses = new TreeMap<>();
		try (java.sql.Connection db = java.sql.DriverManager.getConnection(databaseUrl, "postgres", "postgres");
				java.sql.PreparedStatement query = db.prepareStatement("""
						select event_id, event_type, status, attempts,
						       (extract(epoch from received_at) * 1000000)::bigint as received
						from slack_delivery where event_id = any(?)""")) {
			query.setArray(1, db.createArrayOf("text", ids));
			try (java.sql.ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					stored++;
					window.add(rs.getLong("received") - acknowledgedAt.get(rs.getString("event_id")));
					statuses.merge(rs.getString("status"), 1, Integer::sum);
					if (rs.getInt("attempts") > 1) {
						runAgain++;
						runAgainMentions += "app_mention".equals(rs.getString("event_type")) ? 1 : 0;
						runAgainDone += "DONE".equals(rs.getString("status")) ? 1 : 0;
					}
				}
			}
		}
		window.sort(null);
		System.out.printf(
				"deliveries acknowledged=%d stored=%d never stored=%d; by status %s; run again by the survivor's recovery=%d (mentions %d, done %d)%n",
				ids.length, stored, ids.length - stored, statuses, runAgain, runAgainMentions, runAgainDone);
		if (!window.isEmpty()) {
			System.out.printf(
					"    stored after its acknowledgement (a hard kill loses what is in this window): p50=%.1fms p99=%.1fms max=%.1fms%n",
					window.get(window.size() / 2) / 1000.0,
					window.get(Math.min(window.size() - 1, (int) (window.size() * 0.99))) / 1000.0,
					window.get(window.size() - 1) / 1000.0);
		}
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
	 * The bot's replies in each acknowledged mention's thread, once every mention is
	 * answered or no delivery is left unfinished in the database and none came for 5 s
	 * (the survivor's recovery takes a dead instance's deliveries once their lease is
	 * over, about 30 to 45 s after the kill), or after the drain time.
	 */
	private Map<String, Long> awaitAnswers(StubSlackApi stub, Set<String> mentions, Set<String> acknowledged)
			throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(option("--drain"));
		Map<String, Long> answers = Map.of();
		long lastChange = System.nanoTime();
		while (System.nanoTime() < deadline) {
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
				break;
			}
			if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(5) && unfinished(acknowledged) == 0) {
				break;
			}
			Thread.sleep(200);
		}
		return stub.calls("chat.postMessage")
			.stream()
			.filter(c -> "C_BENCH".equals(c.arg("channel")) && c.arg("thread_ts") != null
					&& mentions.contains(c.arg("thread_ts")))
			.collect(Collectors.groupingBy(c -> c.arg("thread_ts"), Collectors.counting()));
	}

	private int unfinished(Set<String> acknowledged) throws java.sql.SQLException {
		try (java.sql.Connection db = java.sql.DriverManager.getConnection(databaseUrl, "postgres", "postgres");
				java.sql.PreparedStatement query = db.prepareStatement(
						"select count(*) from slack_delivery where status = 'RECEIVED' and event_id = any(?)")) {
			query.setArray(1, db.createArrayOf("text", acknowledged.toArray(String[]::new)));
			try (java.sql.ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
