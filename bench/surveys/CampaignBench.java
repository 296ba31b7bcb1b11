import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends a PSAT survey campaign to every person of P partners (default 50 x 100 = 5,000)
 * and measures how long Slack takes to receive every invitation, against
 * {@code bench/surveys/SlackLimitsStub.java}, which enforces Slack's rate limits.
 *
 * <p>
 * Stdlib only; run with the JDK 21+ source launcher, normally through
 * {@code bench/survey-campaign.sh}, which starts the stub and the app. It registers P
 * partners (tier Silver, team {@code T_P<i>}, channel {@code C_P<i>}), waits until the bot
 * has read every member of their channels (the stub has answered {@code users.info} for
 * each of the P x perPartner people, then no member calls for a few seconds), creates a
 * survey for those partners, sends it, and polls the stub's {@code /stats} until every
 * invited person has a direct message, or a timeout.
 *
 * <pre>
 * java bench/surveys/CampaignBench.java --admin-token T --stub-url http://127.0.0.1:18081 \
 *     [--app-url http://127.0.0.1:8080] [--partners 50] [--per-partner 100] [--timeout-minutes 30]
 * </pre>
 */
public class CampaignBench {

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		try {
			new CampaignBench(options).run();
		}
		catch (BenchException ex) {
			System.err.println("error: " + ex.getMessage());
			System.exit(1);
		}
	}

	// ---------------------------------------------------------------- options

	static final class Options {

		String appUrl = "http://127.0.0.1:8080";

		String stubUrl = "http://127.0.0.1:18081";

		String adminToken;

		int partners = 50;

		int perPartner = 100;

		int timeoutMinutes = 30;

		int learnTimeoutMinutes = 15;

		int progressSeconds = 30;

		int healthWaitSeconds = 120;

		/** After the last invitation arrives: how long to keep watching for duplicates. */
		int settleSeconds = 10;

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
				try {
					switch (name) {
						case "--app-url" -> o.appUrl = value.replaceAll("/+$", "");
						case "--stub-url" -> o.stubUrl = value.replaceAll("/+$", "").replaceAll("/api$", "");
						case "--admin-token" -> o.adminToken = value;
						case "--partners" -> o.partners = Integer.parseInt(value);
						case "--per-partner" -> o.perPartner = Integer.parseInt(value);
						case "--timeout-minutes" -> o.timeoutMinutes = Integer.parseInt(value);
						case "--learn-timeout-minutes" -> o.learnTimeoutMinutes = Integer.parseInt(value);
						case "--progress-seconds" -> o.progressSeconds = Integer.parseInt(value);
						case "--health-wait" -> o.healthWaitSeconds = Integer.parseInt(value);
						case "--settle-seconds" -> o.settleSeconds = Integer.parseInt(value);
						default -> usage("unknown option " + name);
					}
				}
				catch (NumberFormatException ex) {
					usage(name + " needs a number, not '" + value + "'");
				}
			}
			if (o.adminToken == null || o.adminToken.isBlank()) {
				usage("--admin-token is required");
			}
			if (o.partners <= 0 || o.perPartner <= 0 || o.timeoutMinutes <= 0 || o.learnTimeoutMinutes <= 0
					|| o.progressSeconds <= 0 || o.healthWaitSeconds <= 0 || o.settleSeconds < 0) {
				usage("counts and times must be positive");
			}
			return o;
		}

		static void usage(String problem) {
			if (problem != null) {
				System.err.println("error: " + problem);
			}
			System.err.println("""
					usage: java bench/surveys/CampaignBench.java --admin-token TOKEN
					         [--app-url http://127.0.0.1:8080] [--stub-url http://127.0.0.1:18081]
					         [--partners 50] [--per-partner 100] [--timeout-minutes 30]
					         [--learn-timeout-minutes 15] [--progress-seconds 30] [--health-wait 120]
					         [--settle-seconds 10]
					The stub (bench/surveys/SlackLimitsStub.java) must serve the same roster
					(--partners, --per-partner) and the app must use it as SLACK_API_URL.""");
			System.exit(problem == null ? 0 : 2);
		}

	}

	/** A failure that ends the run with a message, not a stack trace. */
	static final class BenchException extends Exception {

		private static final long serialVersionUID = 1L;

		BenchException(String message) {
			super(message);
		}

	}

	// ---------------------------------------------------------------- the run

	private final Options options;

	private final HttpClient client;

	private final long people;

	CampaignBench(Options options) {
		this.options = options;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.people = (long) options.partners * options.perPartner;
	}

	void run() throws Exception {
		Map<String, Object> stats = waitForStub();
		if (number(stats, "people") != people) {
			throw new BenchException("the stub serves " + number(stats, "people") + " people, this run expects "
					+ people + " (" + options.partners + " x " + options.perPartner
					+ "): give both the same --partners and --per-partner");
		}
		System.out.println("stub: " + stats.get("limits"));
		System.out.println("note: " + stats.get("assumption"));
		waitForHealth();

		long started = System.nanoTime();
		List<String> partnerIds = registerPartners();
		System.out.printf(Locale.ROOT, "registered %d partners in %.1f s%n", partnerIds.size(), seconds(started));

		learnPeople(started);

		String survey = createSurvey(partnerIds);
		Map<String, Object> before = stats();
		long baseRecipients = number(before, "direct_recipients");
		long baseMessages = number(before, "accepted_direct");
		long base429 = number(before, "rejected429");
		long baseDuplicates = number(before, "duplicates");
		if (number(before, "accepted") > 0) {
			System.out.println("warning: the stub had accepted " + number(before, "accepted")
					+ " messages before the campaign; its per-minute counts include them");
		}

		long sendMillis = System.currentTimeMillis();
		long sendNanos = System.nanoTime();
		Map<String, Object> sent = api("POST", "/api/surveys/" + survey + "/send", "", 200, Duration.ofMinutes(5));
		long invited = number(sent, "invited");
		System.out.printf(Locale.ROOT, "sent survey %s: invited=%d (send answered in %.1f s)%n", survey, invited,
				seconds(sendNanos));
		if (invited != people) {
			System.out.println("warning: " + invited + " people invited, " + people + " in the partners' channels");
		}

		// ------------------------------------------------------------ delivery
		long deadline = sendNanos + TimeUnit.MINUTES.toNanos(options.timeoutMinutes);
		long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.progressSeconds);
		long lastDelivered = 0;
		boolean complete = false;
		long completedAt = 0;
		while (System.nanoTime() < deadline) {
			stats = stats();
			long delivered = number(stats, "direct_recipients") - baseRecipients;
			if (delivered >= invited) {
				complete = true;
				completedAt = number(stats, "last_accepted_ms");
				break;
			}
			if (System.nanoTime() >= nextProgress) {
				System.out.printf(Locale.ROOT,
						"  %s delivered=%d/%d (+%d in the last %d s) rejected429=%d duplicates=%d%n",
						clock(sendNanos), delivered, invited, delivered - lastDelivered, options.progressSeconds,
						number(stats, "rejected429") - base429, number(stats, "duplicates") - baseDuplicates);
				lastDelivered = delivered;
				nextProgress += TimeUnit.SECONDS.toNanos(options.progressSeconds);
			}
			Thread.sleep(500);
		}
		if (complete) {
			System.out.printf(Locale.ROOT, "  %s every invitation delivered; watching %d s more for duplicates%n",
					clock(sendNanos), options.settleSeconds);
		}
		else {
			System.out.printf(Locale.ROOT, "  %s TIMED OUT after %d minutes%n", clock(sendNanos),
					options.timeoutMinutes);
		}
		Thread.sleep(TimeUnit.SECONDS.toMillis(options.settleSeconds));
		stats = stats();

		// ------------------------------------------------------------ results
		long delivered = number(stats, "direct_recipients") - baseRecipients;
		long messages = number(stats, "accepted_direct") - baseMessages;
		long rejected429 = number(stats, "rejected429") - base429;
		long duplicates = number(stats, "duplicates") - baseDuplicates;
		long missing = invited - delivered;
		// the time of the last invitation, not of any duplicate that came later
		long last = complete ? completedAt : number(stats, "last_accepted_ms");
		long first = number(stats, "first_accepted_ms");
		double minutes = (last > 0) ? (last - sendMillis) / 60_000.0 : Double.NaN;
		double perMinute = (minutes > 0) ? delivered / minutes : Double.NaN;
		List<Long> buckets = longs(stats.get("per_minute"));
		// the minutes after the first, the last (partial) one left out
		List<Long> steady = (buckets.size() > 2) ? buckets.subList(1, buckets.size() - 1) : List.of();
		double median = median(steady);
		Map<?, ?> calls = (Map<?, ?>) stats.get("calls");
		Map<?, ?> rejectedBy = (Map<?, ?>) stats.get("rejected429_by_method");

		System.out.println("--- results ---");
		System.out.printf(Locale.ROOT, "people in the partners' channels: %d (%d partners x %d)%n", people,
				options.partners, options.perPartner);
		System.out.printf(Locale.ROOT, "invited (send response): %d%n", invited);
		System.out.printf(Locale.ROOT, "delivered (people with the invitation in their DM): %d, DMs accepted: %d%n",
				delivered, messages);
		System.out.printf(Locale.ROOT, "first invitation delivered %.1f s after the send request%n",
				(first > 0) ? (first - sendMillis) / 1000.0 : Double.NaN);
		System.out.printf(Locale.ROOT, "time to deliver all: %s (%.1f minutes, send request to the last accepted)%n",
				complete ? String.format(Locale.ROOT, "%.0f s", (last - sendMillis) / 1000.0) : "not all delivered",
				minutes);
		System.out.printf(Locale.ROOT, "sustained: %.0f messages/minute overall; median per minute %s (over %d full "
				+ "minutes after the first)%n", perMinute, Double.isNaN(median) ? "n/a" : String.format(Locale.ROOT,
						"%.0f", median), steady.size());
		System.out.println("accepted per minute (since the first): " + buckets);
		System.out.printf(Locale.ROOT, "429s answered: %d (chat.postMessage workspace ceiling %d, per channel %d)%n",
				rejected429, number(stats, "rejected429_post_workspace"), number(stats, "rejected429_post_channel"));
		System.out.println("429s by method: " + rejectedBy);
		System.out.printf(Locale.ROOT, "duplicates: %d (same outbox id %d, same text to the same channel %d)%n",
				duplicates, number(stats, "duplicate_outbox_ids"), number(stats, "duplicate_texts"));
		System.out.printf(Locale.ROOT, "missing (invited - delivered): %d%n", missing);
		System.out.println("stub calls: " + calls);
		System.out.println("workspace ceiling " + stats.get("workspace_per_minute")
				+ "/min is ASSUMED (Slack documents \"several hundred per minute\")");
		try {
			Map<String, Object> results = api("GET", "/api/surveys/" + survey + "/results", null, 200,
					Duration.ofSeconds(30));
			System.out.println("survey results: responses=" + results.get("responses"));
		}
		catch (BenchException | IOException ex) {
			System.out.println("survey results: not read (" + ex.getMessage() + ")");
		}
		System.out.printf(Locale.ROOT,
				"delivered=%d invited=%d duplicates=%d missing=%d minutes=%.1f per_minute=%.0f median_per_minute=%s "
						+ "rejected429=%d people=%d ceiling=%s%n",
				delivered, invited, duplicates, missing, minutes, perMinute,
				Double.isNaN(median) ? "n/a" : String.format(Locale.ROOT, "%.0f", median), rejected429, people,
				stats.get("workspace_per_minute"));
		if (missing != 0 || duplicates != 0 || invited != people) {
			System.exit(1);
		}
	}

	// ---------------------------------------------------------------- steps

	private Map<String, Object> waitForStub() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			try {
				return stats();
			}
			catch (IOException | BenchException ex) {
				last = ex.getMessage();
			}
			Thread.sleep(250);
		}
		throw new BenchException("the stub at " + options.stubUrl + "/stats does not answer: " + last);
	}

	private void waitForHealth() throws InterruptedException, BenchException {
		URI uri = URI.create(options.appUrl + "/actuator/health");
		long started = System.nanoTime();
		long deadline = started + TimeUnit.SECONDS.toNanos(options.healthWaitSeconds);
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
					System.out.printf(Locale.ROOT, "app healthy at %s (waited %.1f s)%n", options.appUrl,
							seconds(started));
					return;
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			Thread.sleep(250);
		}
		throw new BenchException("the app at " + options.appUrl + " is not healthy after "
				+ options.healthWaitSeconds + " s: " + last);
	}

	private List<String> registerPartners() throws Exception {
		List<String> ids = new ArrayList<>();
		Map<String, String> existing = null;
		for (int i = 1; i <= options.partners; i++) {
			String name = "Bench Partner " + i;
			String json = "{\"name\":\"" + name + "\",\"tier\":\"Silver\",\"slackTeamIds\":[\"T_P" + i
					+ "\"],\"slackChannelIds\":[\"C_P" + i + "\"]}";
			HttpResponse<String> response = send("POST", "/api/partners", json, Duration.ofSeconds(30));
			if (response.statusCode() == 201) {
				ids.add(String.valueOf(parse(response.body()).get("id")));
				continue;
			}
			if (response.statusCode() == 409) {
				// a data directory used before: the partner is there already
				if (existing == null) {
					existing = new LinkedHashMap<>();
					for (Object partner : (List<?>) new Json(send("GET", "/api/partners", null, Duration.ofSeconds(30))
						.body()).parse()) {
						Map<?, ?> p = (Map<?, ?>) partner;
						existing.put(String.valueOf(p.get("name")), String.valueOf(p.get("id")));
					}
				}
				if (existing.containsKey(name)) {
					ids.add(existing.get(name));
					continue;
				}
			}
			throw new BenchException("registering " + name + " failed: HTTP " + response.statusCode() + " "
					+ abbreviate(response.body()));
		}
		return ids;
	}

	/**
	 * Waits until the bot has read every partner person: the stub has answered users.info
	 * for each, and no member lookups came for three seconds (the last ones stored).
	 */
	private void learnPeople(long started) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(options.learnTimeoutMinutes);
		long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.progressSeconds);
		long lastLooked = -1;
		long lastChange = System.nanoTime();
		long lastCalls = -1;
		long quietSince = System.nanoTime();
		while (true) {
			Map<String, Object> stats = stats();
			long looked = number(stats, "people_looked_up");
			Map<?, ?> calls = (Map<?, ?>) stats.get("calls");
			long memberCalls = count(calls, "users.info") + count(calls, "conversations.members");
			long now = System.nanoTime();
			if (looked != lastLooked) {
				lastLooked = looked;
				lastChange = now;
			}
			if (memberCalls != lastCalls) {
				lastCalls = memberCalls;
				quietSince = now;
			}
			if (looked >= people && now - quietSince >= TimeUnit.SECONDS.toNanos(3)) {
				System.out.printf(Locale.ROOT,
						"the bot read all %d people %.1f s after the first registration (3 s of quiet included; "
								+ "users.info calls %d, 429s %d)%n",
						looked, seconds(started), count(calls, "users.info"),
						count((Map<?, ?>) stats.get("rejected429_by_method"), "users.info"));
				return;
			}
			String stuck = null;
			if (now > deadline) {
				stuck = "not all people read after " + options.learnTimeoutMinutes + " minutes";
			}
			else if (looked < people && now - lastChange > TimeUnit.SECONDS.toNanos(120)
					&& now - quietSince > TimeUnit.SECONDS.toNanos(120)) {
				stuck = "no member lookups for 2 minutes";
			}
			if (stuck != null) {
				// the bot gives a channel up on its first failed lookup (a 429 included) and reads
				// it again at its next six-hourly refresh: sending now measures what it knows
				System.out.println("warning: " + stuck + ": the stub answered users.info for " + looked + " of "
						+ people + " people; 429s by method: " + stats.get("rejected429_by_method")
						+ "; sending to those the bot knows");
				return;
			}
			if (now >= nextProgress) {
				System.out.printf(Locale.ROOT, "  %s people read: %d/%d%n", clock(started), looked, people);
				nextProgress += TimeUnit.SECONDS.toNanos(options.progressSeconds);
			}
			Thread.sleep(500);
		}
	}

	private String createSurvey(List<String> partnerIds) throws Exception {
		StringBuilder ids = new StringBuilder();
		for (String id : partnerIds) {
			ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
		}
		String name = "PSAT bench " + Instant.now().toString().substring(0, 19).replace('T', ' ');
		Map<String, Object> survey = api("POST", "/api/surveys",
				"{\"name\":\"" + name + "\",\"partnerIds\":[" + ids + "]}", 201, Duration.ofSeconds(30));
		System.out.println("created survey '" + name + "' (" + survey.get("id") + ") for " + partnerIds.size()
				+ " partners");
		return String.valueOf(survey.get("id"));
	}

	// ---------------------------------------------------------------- HTTP

	private Map<String, Object> stats() throws IOException, InterruptedException, BenchException {
		HttpResponse<String> response;
		try {
			response = client.send(HttpRequest.newBuilder(URI.create(options.stubUrl + "/stats"))
				.timeout(Duration.ofSeconds(10))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IOException("stub " + options.stubUrl + "/stats: " + describe(ex), ex);
		}
		if (response.statusCode() != 200) {
			throw new BenchException("stub /stats: HTTP " + response.statusCode());
		}
		return parse(response.body());
	}

	private Map<String, Object> api(String method, String path, String json, int expected, Duration timeout)
			throws IOException, InterruptedException, BenchException {
		HttpResponse<String> response = send(method, path, json, timeout);
		if (response.statusCode() != expected) {
			throw new BenchException(method + " " + path + " answered HTTP " + response.statusCode() + ": "
					+ abbreviate(response.body()));
		}
		return parse(response.body());
	}

	private HttpResponse<String> send(String method, String path, String json, Duration timeout)
			throws IOException, InterruptedException, BenchException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.appUrl + path))
			.timeout(timeout)
			.header("Authorization", "Bearer " + options.adminToken)
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new BenchException(method + " " + options.appUrl + path + ": " + describe(ex));
		}
	}

	private static Map<String, Object> parse(String body) throws BenchException {
		try {
			Object parsed = new Json(body).parse();
			if (parsed instanceof Map<?, ?>) {
				@SuppressWarnings("unchecked")
				Map<String, Object> map = (Map<String, Object>) parsed;
				return map;
			}
		}
		catch (IllegalArgumentException ex) {
			throw new BenchException("not JSON (" + ex.getMessage() + "): " + abbreviate(body));
		}
		throw new BenchException("not a JSON object: " + abbreviate(body));
	}

	// ---------------------------------------------------------------- small helpers

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message == null || message.isBlank()) ? "" : ": " + message);
	}

	private static long number(Map<?, ?> map, String key) {
		Object value = map.get(key);
		return (value instanceof Number n) ? n.longValue() : 0;
	}

	private static long count(Map<?, ?> map, String key) {
		return (map == null) ? 0 : number(map, key);
	}

	private static List<Long> longs(Object value) {
		List<Long> out = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach(v -> out.add(((Number) v).longValue()));
		}
		return out;
	}

	private static double median(List<Long> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Long> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}

	private static double seconds(long sinceNanos) {
		return (System.nanoTime() - sinceNanos) / 1e9;
	}

	private static String clock(long sinceNanos) {
		long s = (long) seconds(sinceNanos);
		return String.format(Locale.ROOT, "[%d:%02d]", s / 60, s % 60);
	}

	private static String abbreviate(String text) {
		return (text == null) ? "" : (text.length() > 300 ? text.substring(0, 300) + "..." : text);
	}

	// ---------------------------------------------------------------- JSON

	/** Just enough JSON: objects (in order), arrays, strings, numbers (Long or Double), booleans, null. */
	static final class Json {

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
					String number = s.substring(from, i);
					try {
						return (number.contains(".") || number.contains("e") || number.contains("E"))
								? (Object) Double.valueOf(number) : (Object) Long.valueOf(number);
					}
					catch (NumberFormatException ex) {
						throw error("bad number " + number);
					}
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

	}

}
