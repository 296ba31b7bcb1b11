import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.partnerbot.SlackClientForTests;
import com.partnerbot.StubOpenAi;
import com.partnerbot.StubSlackApi;

/**
 * Answers a second: distinct answerable partner questions (the labelled ones of
 * {@code src/test/resources/eval/answers.jsonl}) sent all at once as signed
 * {@code app_mention} deliveries, each from its own person in its own channel of a
 * partner of the question's tier, and counted as answered when the answer reaches the
 * stub Slack Web API (a {@code chat.postMessage} other than the "looking" placeholder, or
 * the {@code chat.update} that replaces it).
 * <p>
 * Beside it, the floor. Without an LLM: the answering alone, {@code POST /api/ask} over
 * the same questions, two at a time (the cores), no Slack. With the stub LLM, which waits
 * {@code --llm-delay-ms} before it answers: every question in flight at once, so the N
 * answers take that wait once plus their CPU work at the first floor's rate.
 * <p>
 * Run by {@code bench/answer-throughput.sh}, which starts the app pointed at this
 * program's stubs.
 */
public class AnswerThroughput {

	static final String PLACEHOLDER_START = ":hourglass_flowing_sand:";

	public static void main(String[] args) throws Exception {
		Options o = Options.parse(args);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		List<Asked> questions = questions(o.questions, "answerable");
		List<Asked> warmup = questions(o.questions, "paraphrase");
		if (questions.size() < o.count) {
			throw new IllegalArgumentException("only " + questions.size() + " answerable questions");
		}
		questions = questions.subList(0, o.count);
		warmup = warmup.subList(0, Math.min(o.warmup, warmup.size()));
		StubSlackApi.Settings settings = new StubSlackApi.Settings(o.stubPort, null, StubSlackApi.Limits.NONE,
				Duration.ZERO, false, true);
		AtomicInteger llmInFlight = new AtomicInteger();
		AtomicInteger llmMaxInFlight = new AtomicInteger();
		StubOpenAi llm = (o.llmPort > 0) ? new StubOpenAi(o.llmPort) : null;
		try (StubSlackApi stub = StubSlackApi.start(settings)) {
			if (llm != null) {
				llm.reply(request -> {
					llmMaxInFlight.accumulateAndGet(llmInFlight.incrementAndGet(), Math::max);
					try {
						Thread.sleep(o.llmDelayMillis);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finally {
						llmInFlight.decrementAndGet();
					}
					return "The first passage says how this works [1].";
				});
			}
			BenchApp app = new BenchApp(client, o.appUrl, o.adminToken);
			app.waitForHealth(90);
			Partners partners = new Partners(app, Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT));
			Sender sender = new Sender(client, o, stub, partners);
			System.out.println(String.format(Locale.ROOT, "questions=%d (distinct, answerable), warm-up=%d, llm=%s",
					questions.size(), warmup.size(),
					(llm == null) ? "none" : "stub, " + o.llmDelayMillis + " ms a request"));
			if (!warmup.isEmpty()) {
				System.out.println("warm-up (not counted): " + sender.burst(warmup, "W").line());
			}
			llmMaxInFlight.set(0);
			Burst burst = sender.burst(questions, "M");
			System.out.println("slack: " + burst.line());
			if (llm != null) {
				System.out.println("stub LLM: " + llm.requests().size() + " requests in all, at most " + llmMaxInFlight.get()
						+ " in flight at once during the measured burst");
			}
			System.out.println("stub Web API calls: " + stub.counts());
			double floor;
			String floorWhat;
			if (llm == null) {
				Floor bare = floor(app, questions, partners, o.floorThreads);
				floor = bare.rate();
				floorWhat = bare.line();
				if (o.floorResults != null) {
					Files.writeString(o.floorResults, Double.toString(floor));
				}
			}
			else {
				double cpu = (o.floorResults != null && Files.exists(o.floorResults))
						? Double.parseDouble(Files.readString(o.floorResults).strip()) : Double.NaN;
				// all N in flight at once: the model's wait once, and the CPU work of N
				// answers at the rate the answering alone reaches
				double seconds = o.llmDelayMillis / 1000.0 + (Double.isNaN(cpu) ? 0 : questions.size() / cpu);
				floor = questions.size() / seconds;
				floorWhat = String.format(Locale.ROOT,
						"all %d in flight at once: %.1f s of LLM wait + %d answers at the answering's own %.1f answers/s = %.2f s",
						questions.size(), o.llmDelayMillis / 1000.0, questions.size(), cpu, seconds);
			}
			System.out.println("--- beside the floor ---");
			System.out.println(String.format(Locale.ROOT,
					"answers/s: ours=%.2f (first to last answer %.2f s after the first send) | floor=%.2f (%s) | ratio=%.2fx",
					burst.rate(), burst.seconds(), floor, floorWhat, burst.rate() / floor));
		}
		finally {
			if (llm != null) {
				llm.close();
			}
		}
	}

	// ---------------------------------------------------------------- questions

	record Asked(String id, String tier, String text) {
	}

	static List<Asked> questions(Path file, String category) throws Exception {
		List<Asked> found = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (line.isBlank()) {
				continue;
			}
			JsonObject q = JsonParser.parseString(line).getAsJsonObject();
			if (category.equals(q.get("category").getAsString())) {
				found.add(new Asked(q.get("id").getAsString(), q.get("tier").getAsString(),
						q.get("question").getAsString()));
			}
		}
		return found;
	}

	// ---------------------------------------------------------------- partners

	/**
	 * Partners of each tier, registered as needed: at most {@link #PER_PARTNER} questions
	 * each, under the app's per-workspace limit of questions waiting.
	 */
	static final class Partners {

		static final int PER_PARTNER = 20;

		private final BenchApp app;

		private final String run;

		private final Map<String, Integer> asked = new HashMap<>();

		private final Map<String, String> ids = new HashMap<>();

		private final Map<String, String> byTier = new HashMap<>();

		Partners(BenchApp app, String run) {
			this.app = app;
			this.run = run;
		}

		/**
		 * A partner of this tier with room for one more question (a partner of its own for
		 * each label), and one of its shared channels no question took: {team, channel}.
		 */
		String[] slotFor(String tier, String label) throws Exception {
			String key = label + tier;
			int n = asked.merge(key, 1, Integer::sum) - 1;
			String team = "T" + run + label + tier.toUpperCase(Locale.ROOT) + (n / PER_PARTNER);
			if (!ids.containsKey(team)) {
				List<String> channels = new ArrayList<>();
				for (int k = 0; k < PER_PARTNER; k++) {
					channels.add("\"C" + team.substring(1) + "N" + k + "\"");
				}
				String json = String.format(
						"{\"name\":\"Bench %s\",\"tier\":\"%s\",\"slackTeamIds\":[\"%s\"],\"slackChannelIds\":[%s]}",
						team, tier, team, String.join(",", channels));
				String id = app.api("POST", "/api/partners", json, 201, Duration.ofSeconds(10))
					.getAsJsonObject()
					.get("id")
					.getAsString();
				ids.put(team, id);
				byTier.putIfAbsent(tier, id);
			}
			return new String[] { team, "C" + team.substring(1) + "N" + (n % PER_PARTNER) };
		}

		/** A partner of this tier registered so far. */
		String idOfTier(String tier) {
			return byTier.get(tier);
		}

	}

	// ---------------------------------------------------------------- sending

	static final class Sender {

		private final HttpClient client;

		private final Options options;

		private final StubSlackApi stub;

		private final Partners partners;

		private final String template;

		private final long baseSeconds = System.currentTimeMillis() / 1000;

		private int sequence;

		Sender(HttpClient client, Options options, StubSlackApi stub, Partners partners) throws Exception {
			this.client = client;
			this.options = options;
			this.stub = stub;
			this.partners = partners;
			this.template = Files.readString(options.payload);
		}

		/**
		 * Sends every question at once and waits for every answer; each question in a
		 * channel of its own, from a person of its own.
		 */
		Burst burst(List<Asked> questions, String label) throws Exception {
			// each question's channel and ts: the answer is in its thread
			Map<String, String> channelOf = new LinkedHashMap<>();
			List<byte[]> bodies = new ArrayList<>();
			for (Asked q : questions) {
				int n = ++sequence;
				String[] slot = partners.slotFor(q.tier(), label);
				String team = slot[0];
				String channel = slot[1];
				JsonObject body = JsonParser.parseString(template).getAsJsonObject();
				body.addProperty("event_id", "EvAnswers" + partners.run + label + n);
				body.addProperty("event_time", System.currentTimeMillis() / 1000);
				JsonObject event = body.getAsJsonObject("event");
				event.addProperty("team", team);
				event.addProperty("user_team", team);
				event.addProperty("user", "U" + label + n);
				event.addProperty("channel", channel);
				event.addProperty("text", "<@U123> " + q.text());
				String ts = (baseSeconds + n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
				event.addProperty("ts", ts);
				event.addProperty("event_ts", ts);
				channelOf.put(channel, ts);
				bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
			}
			URI events = URI.create(options.appUrl + "/slack/events");
			long started = System.nanoTime();
			List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();
			for (byte[] bytes : bodies) {
				String timestamp = Long.toString(System.currentTimeMillis() / 1000);
				HttpRequest request = HttpRequest.newBuilder(events)
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.header("X-Slack-Request-Timestamp", timestamp)
					.header("X-Slack-Signature",
							SlackClientForTests.sign(options.secret, Long.parseLong(timestamp), bytes))
					.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
					.build();
				acks.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
			}
			int refused = 0;
			for (var ack : acks) {
				if (ack.get(20, TimeUnit.SECONDS).statusCode() != 200) {
					refused++;
				}
			}
			long sent = System.nanoTime();
			// each channel's first answer, when it came
			Map<String, Long> answered = new ConcurrentHashMap<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds);
			while (answered.size() < channelOf.size() && System.nanoTime() < deadline) {
				for (StubSlackApi.Call call : stub.calls("chat.postMessage")) {
					String text = call.arg("text");
					String ts = channelOf.get(call.arg("channel"));
					if (ts != null && ts.equals(call.arg("thread_ts")) && text != null
							&& !text.startsWith(PLACEHOLDER_START)) {
						answered.merge(call.arg("channel"), call.atNanos(), Math::min);
					}
				}
				// the answer in place of the placeholder (the onboarding's messages in the
				// new channels came before the first send)
				for (StubSlackApi.Call call : stub.calls("chat.update")) {
					if (channelOf.containsKey(call.arg("channel")) && call.atNanos() > started) {
						answered.merge(call.arg("channel"), call.atNanos(), Math::min);
					}
				}
				Thread.sleep(50);
			}
			long[] at = answered.values().stream().mapToLong((t) -> t - started).sorted().toArray();
			return new Burst(questions.size(), refused, at, (sent - started) / 1e9);
		}

	}

	/**
	 * @param answeredAt nanoseconds from the first send to each answer, sorted
	 * @param sendSeconds how long sending and acknowledging took
	 */
	record Burst(int count, int refused, long[] answeredAt, double sendSeconds) {

		double seconds() {
			return (answeredAt.length == 0) ? Double.NaN : answeredAt[answeredAt.length - 1] / 1e9;
		}

		double rate() {
			return answeredAt.length / seconds();
		}

		double at(double share) {
			if (answeredAt.length == 0) {
				return Double.NaN;
			}
			int rank = Math.max(0, (int) Math.ceil(share * answeredAt.length) - 1);
			return answeredAt[Math.min(answeredAt.length - 1, rank)] / 1e9;
		}

		String line() {
			// between the first and the last tenth: the steady rate, without the ramp
			double middle = (at(0.9) > at(0.1)) ? (0.8 * answeredAt.length) / (at(0.9) - at(0.1)) : Double.NaN;
			return String.format(Locale.ROOT,
					"sent=%d acknowledged in %.2f s, refused=%d, answered=%d; first answer %.2f s, half %.2f s, last %.2f s; "
							+ "answers/s=%.2f (10%%..90%%: %.2f)",
					count, sendSeconds, refused, answeredAt.length, at(0), at(0.5), seconds(), rate(), middle);
		}

	}

	// ---------------------------------------------------------------- the floor

	record Floor(int count, int threads, double seconds) {

		double rate() {
			return count / seconds;
		}

		String line() {
			return String.format(Locale.ROOT, "POST /api/ask, %d at a time, no Slack: %d answers in %.2f s", threads,
					count, seconds);
		}

	}

	/** The same questions through {@code /api/ask}, closed loop on so many threads. */
	static Floor floor(BenchApp app, List<Asked> questions, Partners partners, int threads) throws Exception {
		AtomicInteger next = new AtomicInteger();
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<Void>> runs = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				runs.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < questions.size()) {
						Asked q = questions.get(i);
						JsonObject ask = new JsonObject();
						ask.addProperty("question", q.text());
						ask.addProperty("partnerId", partners.idOfTier(q.tier()));
						app.api("POST", "/api/ask", ask.toString(), 200, Duration.ofSeconds(60));
					}
					return null;
				}));
			}
			for (Future<Void> run : runs) {
				run.get();
			}
		}
		return new Floor(questions.size(), threads, (System.nanoTime() - started) / 1e9);
	}

	// ---------------------------------------------------------------- options

	static final class Options {

		String appUrl = "http://127.0.0.1:8080";

		int stubPort;

		int llmPort;

		int llmDelayMillis = 1000;

		String secret;

		String adminToken;

		int count = 100;

		int warmup = 15;

		int floorThreads = 2;

		int timeoutSeconds = 300;

		Path questions = Path.of("src/test/resources/eval/answers.jsonl");

		Path payload = Path.of(SlackAckLatency.DEFAULT_PAYLOAD);

		Path floorResults;

		static Options parse(String[] args) {
			Options o = new Options();
			BenchApp.parse(args, USAGE, (name, value) -> {
				switch (name) {
					case "--app-url" -> o.appUrl = value.replaceAll("/+$", "");
					case "--stub-port" -> o.stubPort = Integer.parseInt(value);
					case "--llm-port" -> o.llmPort = Integer.parseInt(value);
					case "--llm-delay-ms" -> o.llmDelayMillis = Integer.parseInt(value);
					case "--secret" -> o.secret = value;
					case "--admin-token" -> o.adminToken = value;
					case "--count" -> o.count = Integer.parseInt(value);
					case "--warmup" -> o.warmup = Integer.parseInt(value);
					case "--floor-threads" -> o.floorThreads = Integer.parseInt(value);
					case "--timeout" -> o.timeoutSeconds = Integer.parseInt(value);
					case "--questions" -> o.questions = Path.of(value);
					case "--payload" -> o.payload = Path.of(value);
					case "--floor-results" -> o.floorResults = Path.of(value);
					default -> {
						return false;
					}
				}
				return true;
			});
			if (o.secret == null || o.adminToken == null) {
				BenchApp.usage(USAGE, "--secret and --admin-token are required");
			}
			return o;
		}

		static final String USAGE = """
				usage: AnswerThroughput --secret SIGNING_SECRET --admin-token TOKEN --stub-port PORT
				         [--app-url http://127.0.0.1:8080] [--llm-port PORT --llm-delay-ms 1000]
				         [--count 100] [--warmup 15] [--floor-threads 2] [--timeout 300]
				         [--questions answers.jsonl] [--payload FILE] [--floor-results FILE]""";

	}

}
