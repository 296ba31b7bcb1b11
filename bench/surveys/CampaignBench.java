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

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Sends a PSAT survey campaign to every person of P partners (default 50 x 100 = 5,000)
 * and measures how long Slack takes to receive every invitation, against
 * {@code bench/surveys/SlackLimitsStub.java}, which enforces Slack's rate limits.
 *
 * <p>
 * Compiled against the test classpath and run by {@code bench/survey-campaign.sh}, which
 * starts the stub and the app. It registers P
 * partners (tier Silver, team {@code T_P<i>}, channel {@code C_P<i>}), waits until the bot
 * has read every member of their channels (the stub has answered {@code users.info} for
 * each of the P x perPartner people, then no member calls for a few seconds), creates a
 * survey for those partners, sends it, and polls the stub's {@code /stats} until every
 * invited person has a direct message, or a timeout.
 *
 * <pre>
 * java -cp ... CampaignBench --admin-token T --stub-url http://127.0.0.1:18081 \
 *     [--app-url http://127.0.0.1:8080] [--partners 50] [--per-partner 100] [--timeout-minutes 30]
 * </pre>
 */
public class CampaignBench {

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		try {
			new CampaignBench(options).run();
		}
		catch (BenchApp.BenchException ex) {
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
			BenchApp.parse(args, USAGE, (name, value) -> {
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
					default -> {
						return false;
					}
				}
				return true;
			});
			if (o.adminToken == null || o.adminToken.isBlank()) {
				BenchApp.usage(USAGE, "--admin-token is required");
			}
			if (o.partners <= 0 || o.perPartner <= 0 || o.timeoutMinutes <= 0 || o.learnTimeoutMinutes <= 0
					|| o.progressSeconds <= 0 || o.healthWaitSeconds <= 0 || o.settleSeconds < 0) {
				BenchApp.usage(USAGE, "counts and times must be positive");
			}
			return o;
		}

		static final String USAGE = """
				usage: CampaignBench --admin-token TOKEN
				         [--app-url http://127.0.0.1:8080] [--stub-url http://127.0.0.1:18081]
				         [--partners 50] [--per-partner 100] [--timeout-minutes 30]
				         [--learn-timeout-minutes 15] [--progress-seconds 30] [--health-wait 120]
				         [--settle-seconds 10]
				The stub (bench/surveys/SlackLimitsStub.java) must serve the same roster
				(--partners, --per-partner) and the app must use it as SLACK_API_URL.""";

	}

	// ---------------------------------------------------------------- the run

	private final Options options;

	private final HttpClient client;

	private final BenchApp app;

	private final long people;

	CampaignBench(Options options) {
		this.options = options;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.app = new BenchApp(client, options.appUrl, options.adminToken);
		this.people = (long) options.partners * options.perPartner;
	}

	void run() throws Exception {
		JsonObject stats = waitForStub();
		if (number(stats, "people") != people) {
			throw new BenchApp.BenchException("the stub serves " + number(stats, "people") + " people, this run expects "
					+ people + " (" + options.partners + " x " + options.perPartner
					+ "): give both the same --partners and --per-partner");
		}
		System.out.println("stub: " + stats.get("limits").getAsString());
		System.out.println("note: " + SlackLimitsStub.ASSUMPTION);
		System.out.printf(Locale.ROOT, "app healthy at %s (waited %.1f s)%n", options.appUrl,
				app.waitForHealth(options.healthWaitSeconds));

		long started = System.nanoTime();
		List<String> partnerIds = registerPartners();
		System.out.printf(Locale.ROOT, "registered %d partners in %.1f s%n", partnerIds.size(), seconds(started));

		learnPeople(started);

		String survey = createSurvey(partnerIds);
		JsonObject before = stats();
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
		JsonObject sent = app.api("POST", "/api/surveys/" + survey + "/send", "", 200, Duration.ofMinutes(5))
			.getAsJsonObject();
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
		List<Long> buckets = new ArrayList<>();
		stats.getAsJsonArray("per_minute").forEach(minute -> buckets.add(minute.getAsLong()));
		// the minutes after the first, the last (partial) one left out
		List<Long> steady = (buckets.size() > 2) ? buckets.subList(1, buckets.size() - 1) : List.of();
		double median = median(steady);
		JsonObject calls = stats.getAsJsonObject("calls");
		JsonObject rejectedBy = stats.getAsJsonObject("rejected429_by_method");

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
		System.out.println("workspace ceiling " + ceiling(stats)
				+ "/min is ASSUMED (Slack documents \"several hundred per minute\")");
		try {
			JsonObject results = app.api("GET", "/api/surveys/" + survey + "/results", null, 200,
					Duration.ofSeconds(30))
				.getAsJsonObject();
			System.out.println("survey results: responses=" + results.get("responses"));
		}
		catch (BenchApp.BenchException ex) {
			System.out.println("survey results: not read (" + ex.getMessage() + ")");
		}
		System.out.printf(Locale.ROOT,
				"delivered=%d invited=%d duplicates=%d missing=%d minutes=%.1f per_minute=%.0f median_per_minute=%s "
						+ "rejected429=%d people=%d ceiling=%s%n",
				delivered, invited, duplicates, missing, minutes, perMinute,
				Double.isNaN(median) ? "n/a" : String.format(Locale.ROOT, "%.0f", median), rejected429, people,
				ceiling(stats));
		if (missing != 0 || duplicates != 0 || invited != people) {
			System.exit(1);
		}
	}

	// ---------------------------------------------------------------- steps

	private JsonObject waitForStub() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			try {
				return stats();
			}
			catch (IOException | BenchApp.BenchException ex) {
				last = ex.getMessage();
			}
			Thread.sleep(250);
		}
		throw new BenchApp.BenchException("the stub at " + options.stubUrl + "/stats does not answer: " + last);
	}

	private List<String> registerPartners() throws Exception {
		List<String> ids = new ArrayList<>();
		Map<String, String> existing = null;
		for (int i = 1; i <= options.partners; i++) {
			String name = "Bench Partner " + i;
			String json = "{\"name\":\"" + name + "\",\"tier\":\"Silver\",\"slackTeamIds\":[\"T_P" + i
					+ "\"],\"slackChannelIds\":[\"C_P" + i + "\"]}";
			HttpResponse<String> response = app.send("POST", "/api/partners", json, Duration.ofSeconds(30));
			if (response.statusCode() == 201) {
				ids.add(BenchApp.parse(response.body()).getAsJsonObject().get("id").getAsString());
				continue;
			}
			if (response.statusCode() == 409) {
				// a data directory used before: the partner is there already
				if (existing == null) {
					existing = new LinkedHashMap<>();
					for (JsonElement partner : app.api("GET", "/api/partners", null, 200, Duration.ofSeconds(30))
						.getAsJsonArray()) {
						JsonObject p = partner.getAsJsonObject();
						existing.put(p.get("name").getAsString(), p.get("id").getAsString());
					}
				}
				if (existing.containsKey(name)) {
					ids.add(existing.get(name));
					continue;
				}
			}
			throw new BenchApp.BenchException("registering " + name + " failed: HTTP " + response.statusCode() + " "
					+ BenchApp.abbreviate(response.body()));
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
			JsonObject stats = stats();
			long looked = number(stats, "people_looked_up");
			JsonObject calls = stats.getAsJsonObject("calls");
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
						count(stats.getAsJsonObject("rejected429_by_method"), "users.info"));
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
		JsonObject survey = app
			.api("POST", "/api/surveys", "{\"name\":\"" + name + "\",\"partnerIds\":[" + ids + "]}", 201,
					Duration.ofSeconds(30))
			.getAsJsonObject();
		System.out.println("created survey '" + name + "' (" + survey.get("id").getAsString() + ") for " + partnerIds.size()
				+ " partners");
		return survey.get("id").getAsString();
	}

	// ---------------------------------------------------------------- the stub

	private JsonObject stats() throws IOException, InterruptedException, BenchApp.BenchException {
		HttpResponse<String> response;
		try {
			response = client.send(HttpRequest.newBuilder(URI.create(options.stubUrl + "/stats"))
				.timeout(Duration.ofSeconds(10))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IOException("stub " + options.stubUrl + "/stats: " + BenchApp.describe(ex), ex);
		}
		if (response.statusCode() != 200) {
			throw new BenchApp.BenchException("stub /stats: HTTP " + response.statusCode());
		}
		return BenchApp.parse(response.body()).getAsJsonObject();
	}

	/** The stub's workspace-wide chat.postMessage ceiling, from its limits. */
	private static String ceiling(JsonObject stats) {
		return stats.get("limits").getAsString().replaceFirst("(?s).*?(\\d+) per sliding 60 s.*", "$1");
	}

	// ---------------------------------------------------------------- small helpers

	private static long number(JsonObject json, String key) {
		JsonElement value = json.get(key);
		return (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) ? value.getAsLong()
				: 0;
	}

	private static long count(JsonObject json, String key) {
		return (json == null) ? 0 : number(json, key);
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


}
