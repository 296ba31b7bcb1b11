import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stub of Slack's Web API on loopback that enforces Slack's rate limits, for the survey
 * campaign bench ({@code bench/survey-campaign.sh}).
 *
 * <p>
 * Serves {@code /api/<method>} for the methods the bot calls while learning a partner's
 * people and sending survey invitations, over a made-up roster: channel {@code C_P<i>}
 * (i = 1..partners) has {@code perPartner} members {@code U_P<i>_<j>} of team
 * {@code T_P<i>}, plus the bot ({@code U_BOT}, a bot) and one vendor person
 * ({@code U_STAFF}, team {@code T_BENCH}), who are not the partner's people.
 *
 * <p>
 * Limits, each answered as Slack does: HTTP 429, {@code Retry-After} in whole seconds (at
 * least 1), {@code {"ok":false,"error":"ratelimited"}}; a rejected call has no effect (a
 * rejected message is not stored):
 * <ul>
 * <li>chat.postMessage: 1 message per second per channel (a burst of 1), as Slack
 * documents; and a workspace-wide ceiling, by default 600 in any sliding 60 s. That ceiling
 * is an ASSUMPTION: Slack documents only "several hundred messages per minute" per
 * workspace.</li>
 * <li>users.info, conversations.members, conversations.open, conversations.history,
 * chat.update, chat.postEphemeral: so many per sliding minute each, set generously by
 * default (Slack's Tier 3 is "50+ per minute", Tier 4 "100+") so that learning the
 * roster does not dominate the run.</li>
 * </ul>
 * {@code GET /stats} gives JSON: accepted messages, 429s, duplicates (a message whose
 * metadata outbox_id was already accepted, or the same text to the same channel again),
 * accepted per minute since the first, first and last accepted times, calls per method.
 *
 * <pre>
 * java bench/surveys/SlackLimitsStub.java [--port 0] [--partners 50] [--per-partner 100]
 *     [--workspace-per-minute 600] [--channel-per-second 1] [--users-info-per-minute 6000] ...
 * </pre>
 */
public class SlackLimitsStub {

	static final String ASSUMPTION = "the workspace-wide chat.postMessage ceiling is an assumption: Slack documents "
			+ "only \"several hundred messages per minute\" per workspace; 1 message per second per channel is "
			+ "documented";

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		Stub stub = new Stub(options);
		System.out.println("Slack limits stub on " + stub.url() + " (stats: " + stub.statsUrl() + ")");
		System.out.println("roster: " + options.partners + " partners x " + options.perPartner
				+ " people = " + (long) options.partners * options.perPartner + " (channels C_P1..C_P"
				+ options.partners + ", users U_P<i>_<j> of team T_P<i>)");
		System.out.println("limits: " + options.describeLimits());
		System.out.println("note: " + ASSUMPTION);
		System.out.flush();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("final stats: " + stub.stats());
			System.out.flush();
		}));
		Thread.currentThread().join();
	}

	// ---------------------------------------------------------------- options

	static final class Options {

		int port;

		String host = "127.0.0.1";

		String token = "xoxb-bench";

		int partners = 50;

		int perPartner = 100;

		/** chat.postMessage in any sliding 60 s, workspace-wide (an assumption). */
		int workspacePerMinute = 600;

		/** chat.postMessage per channel per second (documented: 1, short bursts allowed). */
		int channelPerSecond = 1;

		/** Other methods: calls in any sliding 60 s (0: no limit). */
		final Map<String, Integer> perMinute = new LinkedHashMap<>();

		{
			perMinute.put("conversations.members", 200);
			perMinute.put("users.info", 6000);
			perMinute.put("conversations.open", 200);
			perMinute.put("conversations.history", 200);
			perMinute.put("conversations.replies", 200);
			perMinute.put("chat.update", 200);
			perMinute.put("chat.postEphemeral", 200);
		}

		/** Added to every answer, as a network round trip would be. */
		int latencyMillis;

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
						case "--port" -> o.port = Integer.parseInt(value);
						case "--host" -> o.host = value;
						case "--token" -> o.token = value;
						case "--partners" -> o.partners = Integer.parseInt(value);
						case "--per-partner" -> o.perPartner = Integer.parseInt(value);
						case "--workspace-per-minute" -> o.workspacePerMinute = Integer.parseInt(value);
						case "--channel-per-second" -> o.channelPerSecond = Integer.parseInt(value);
						case "--users-info-per-minute" -> o.perMinute.put("users.info", Integer.parseInt(value));
						case "--members-per-minute" ->
							o.perMinute.put("conversations.members", Integer.parseInt(value));
						case "--open-per-minute" -> o.perMinute.put("conversations.open", Integer.parseInt(value));
						case "--history-per-minute" -> {
							o.perMinute.put("conversations.history", Integer.parseInt(value));
							o.perMinute.put("conversations.replies", Integer.parseInt(value));
						}
						case "--update-per-minute" -> o.perMinute.put("chat.update", Integer.parseInt(value));
						case "--ephemeral-per-minute" ->
							o.perMinute.put("chat.postEphemeral", Integer.parseInt(value));
						case "--latency-ms" -> o.latencyMillis = Integer.parseInt(value);
						default -> usage("unknown option " + name);
					}
				}
				catch (NumberFormatException ex) {
					usage(name + " needs a number, not '" + value + "'");
				}
			}
			if (o.partners <= 0 || o.perPartner <= 0 || o.workspacePerMinute <= 0 || o.channelPerSecond <= 0
					|| o.latencyMillis < 0 || o.perMinute.values().stream().anyMatch(v -> v < 0)) {
				usage("counts and limits must be positive (0 turns a per-minute method limit off)");
			}
			return o;
		}

		String describeLimits() {
			StringBuilder text = new StringBuilder();
			text.append("chat.postMessage ").append(channelPerSecond).append("/s per channel (burst ")
				.append(channelPerSecond)
				.append("), ")
				.append(workspacePerMinute)
				.append(" per sliding 60 s workspace-wide (ASSUMED)");
			perMinute.forEach((method, limit) -> text.append("; ")
				.append(method)
				.append(' ')
				.append(limit == 0 ? "unlimited" : limit + "/min"));
			if (latencyMillis > 0) {
				text.append("; ").append(latencyMillis).append(" ms added to every answer");
			}
			return text.toString();
		}

		static void usage(String problem) {
			if (problem != null) {
				System.err.println("error: " + problem);
			}
			System.err.println("""
					usage: java bench/surveys/SlackLimitsStub.java [--port 0] [--host 127.0.0.1] [--token xoxb-bench]
					         [--partners 50] [--per-partner 100]
					         [--workspace-per-minute 600] [--channel-per-second 1]
					         [--users-info-per-minute 6000] [--members-per-minute 200] [--open-per-minute 200]
					         [--history-per-minute 200] [--update-per-minute 200] [--ephemeral-per-minute 200]
					         [--latency-ms 0]
					serves /api/<method> (Slack Web API) and GET /stats""");
			System.exit(problem == null ? 0 : 2);
		}

	}

	// ---------------------------------------------------------------- the stub

	static final class Stub {

		private static final long MINUTE = TimeUnit.SECONDS.toNanos(60);

		private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

		private static final Pattern PARTNER_USER = Pattern.compile("U_P(\\d+)_(\\d+)");

		private static final Pattern PARTNER_CHANNEL = Pattern.compile("C_P(\\d+)");

		private static final Pattern OUTBOX_ID = Pattern.compile("\"outbox_id\"\\s*:\\s*\"?([^\",}\\s]+)");

		private final Options options;

		private final HttpServer server;

		private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

		private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

		private final Map<String, Window> windows = new ConcurrentHashMap<>();

		/** Partner people users.info has answered for (ok), to tell when the bot knows everyone. */
		private final Set<String> peopleLooked = ConcurrentHashMap.newKeySet();

		// chat.postMessage state, all guarded by "this"

		private final Window workspace;

		private final Map<String, ArrayDeque<Long>> channelSends = new HashMap<>();

		private final Map<String, List<StoredMessage>> history = new HashMap<>();

		private final Set<String> outboxIds = new HashSet<>();

		private final Set<String> channelTexts = new HashSet<>();

		private final List<Long> perMinute = new ArrayList<>();

		private long accepted;

		private long acceptedDirect;

		private long rejectedChannel;

		private long rejectedWorkspace;

		private long duplicateOutboxIds;

		private long duplicateTexts;

		private long duplicates;

		private long firstAcceptedMillis;

		private long lastAcceptedMillis;

		private long lastTsMicros;

		Stub(Options options) throws IOException {
			this.options = options;
			this.workspace = new Window(options.workspacePerMinute, MINUTE);
			options.perMinute.forEach((method, limit) -> {
				if (limit > 0) {
					windows.put(method, new Window(limit, MINUTE));
				}
			});
			server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.host), options.port), 1024);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/api/", this::handle);
			server.createContext("/stats", exchange -> {
				try (exchange) {
					respond(exchange, 200, stats(), null);
				}
			});
			server.start();
		}

		String url() {
			return "http://" + options.host + ":" + server.getAddress().getPort() + "/api/";
		}

		String statsUrl() {
			return "http://" + options.host + ":" + server.getAddress().getPort() + "/stats";
		}

		private void handle(HttpExchange exchange) throws IOException {
			try {
				handleCall(exchange);
			}
			catch (RuntimeException ex) {
				// a bad argument: Slack answers such calls with ok:false, so does this
				System.err.println(exchange.getRequestURI() + ": " + ex);
				respond(exchange, 200, error("invalid_arguments"), null);
			}
			finally {
				exchange.close();
			}
		}

		private void handleCall(HttpExchange exchange) throws IOException {
			String method = exchange.getRequestURI().getPath().substring("/api/".length());
			Map<String, String> args = arguments(exchange);
			calls.computeIfAbsent(method, k -> new LongAdder()).increment();
			if (options.latencyMillis > 0) {
				sleep(options.latencyMillis);
			}
			String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
			String token = auth.startsWith("Bearer ") ? auth.substring(7) : args.getOrDefault("token", "");
			if (token.isEmpty()) {
				respond(exchange, 200, error("not_authed"), null);
				return;
			}
			if (!token.equals(options.token)) {
				respond(exchange, 200, error("invalid_auth"), null);
				return;
			}
			if (method.equals("chat.postMessage")) {
				postMessage(exchange, args);
				return;
			}
			Window window = windows.get(method);
			if (window != null) {
				long wait;
				synchronized (window) {
					wait = window.tryAcquire(System.nanoTime());
				}
				if (wait > 0) {
					rateLimited(exchange, method, wait);
					return;
				}
			}
			String response = switch (method) {
				case "auth.test" -> """
						{"ok":true,"url":"https://bench.slack.com/","team":"Bench Vendor","user":"partnerbot",\
						"team_id":"T_BENCH","user_id":"U_BOT","bot_id":"B_BOT","is_enterprise_install":false}""";
				case "conversations.members" -> members(args);
				case "users.info" -> userInfo(args);
				case "conversations.open" -> open(args);
				case "conversations.history", "conversations.replies" -> history(method, args);
				case "chat.update" -> update(args);
				case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}";
				default -> error("unknown_method");
			};
			respond(exchange, 200, response, null);
		}

		// ------------------------------------------------------------ chat.postMessage

		private void postMessage(HttpExchange exchange, Map<String, String> args) throws IOException {
			String channel = channelOf(args.get("channel"));
			if (channel == null) {
				respond(exchange, 200, error("channel_not_found"), null);
				return;
			}
			String text = args.getOrDefault("text", "");
			if (text.isEmpty() && args.getOrDefault("blocks", "").isEmpty()) {
				respond(exchange, 200, error("no_text"), null);
				return;
			}
			String metadata = args.get("metadata");
			Matcher idMatch = (metadata != null) ? OUTBOX_ID.matcher(metadata) : null;
			String outboxId = (idMatch != null && idMatch.find()) ? idMatch.group(1) : null;
			String threadTs = args.get("thread_ts");
			long now = System.nanoTime();
			long wait = 0;
			String reason = null;
			StoredMessage message = null;
			synchronized (this) {
				ArrayDeque<Long> sends = channelSends.computeIfAbsent(channel, c -> new ArrayDeque<>());
				while (!sends.isEmpty() && now - sends.peekFirst() >= SECOND) {
					sends.pollFirst();
				}
				if (sends.size() >= options.channelPerSecond) {
					wait = sends.peekFirst() + SECOND - now;
					reason = "channel";
					rejectedChannel++;
				}
				else {
					wait = workspace.tryAcquire(now);
					if (wait > 0) {
						reason = "workspace";
						rejectedWorkspace++;
					}
					else {
						sends.addLast(now);
						message = new StoredMessage(nextTs(), text, threadTs == null || threadTs.isEmpty() ? null
								: threadTs, metadata == null || metadata.isBlank() ? null : metadata);
						history.computeIfAbsent(channel, c -> new ArrayList<>()).add(message);
						record(channel, text, outboxId);
					}
				}
			}
			if (message == null) {
				rateLimited(exchange, "chat.postMessage:" + reason, wait);
				return;
			}
			String response = "{\"ok\":true,\"channel\":\"" + escape(channel) + "\",\"ts\":\"" + message.ts()
					+ "\",\"message\":" + message.json(false) + "}";
			respond(exchange, 200, response, null);
		}

		/** Counts an accepted message; called holding the lock. */
		private void record(String channel, String text, String outboxId) {
			long millis = System.currentTimeMillis();
			accepted++;
			if (channel.startsWith("D")) {
				acceptedDirect++;
			}
			if (firstAcceptedMillis == 0) {
				firstAcceptedMillis = millis;
			}
			lastAcceptedMillis = millis;
			int minute = (int) ((millis - firstAcceptedMillis) / 60_000);
			while (perMinute.size() <= minute) {
				perMinute.add(0L);
			}
			perMinute.set(minute, perMinute.get(minute) + 1);
			boolean duplicateId = outboxId != null && !outboxIds.add(outboxId);
			boolean duplicateText = !channelTexts.add(channel + '\u0000' + text);
			duplicateOutboxIds += duplicateId ? 1 : 0;
			duplicateTexts += duplicateText ? 1 : 0;
			duplicates += (duplicateId || duplicateText) ? 1 : 0;
		}

		// ------------------------------------------------------------ other methods

		private String members(Map<String, String> args) {
			String channel = args.getOrDefault("channel", "");
			Matcher m = PARTNER_CHANNEL.matcher(channel);
			if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > options.partners) {
				return error("channel_not_found");
			}
			int partner = Integer.parseInt(m.group(1));
			// the partner's people, then the bot and a vendor person (not the partner's)
			int total = options.perPartner + 2;
			int from = 0;
			String cursor = args.getOrDefault("cursor", "");
			if (!cursor.isEmpty()) {
				try {
					from = Integer.parseInt(cursor.replaceFirst("^next:", ""));
				}
				catch (NumberFormatException ex) {
					return error("invalid_cursor");
				}
			}
			int limit = 100;
			if (!args.getOrDefault("limit", "").isEmpty()) {
				limit = Math.max(1, Math.min(1000, Integer.parseInt(args.get("limit"))));
			}
			int to = Math.min(total, from + limit);
			StringBuilder out = new StringBuilder("{\"ok\":true,\"members\":[");
			for (int k = from; k < to; k++) {
				out.append(k == from ? "" : ",").append('"');
				if (k < options.perPartner) {
					out.append("U_P").append(partner).append('_').append(k + 1);
				}
				else {
					out.append(k == options.perPartner ? "U_BOT" : "U_STAFF");
				}
				out.append('"');
			}
			out.append("],\"response_metadata\":{\"next_cursor\":\"").append(to < total ? "next:" + to : "").append("\"}}");
			return out.toString();
		}

		private String userInfo(Map<String, String> args) {
			String user = args.getOrDefault("user", "");
			if (user.equals("U_BOT")) {
				return """
						{"ok":true,"user":{"id":"U_BOT","team_id":"T_BENCH","name":"partnerbot","deleted":false,\
						"is_bot":true,"is_app_user":false,"profile":{"real_name":"Partnerbot","bot_id":"B_BOT"}}}""";
			}
			if (user.equals("U_STAFF")) {
				return """
						{"ok":true,"user":{"id":"U_STAFF","team_id":"T_BENCH","name":"channel.manager","deleted":false,\
						"is_bot":false,"is_app_user":false,"profile":{"real_name":"Channel Manager"}}}""";
			}
			Matcher m = PARTNER_USER.matcher(user);
			if (!m.matches()) {
				return error("user_not_found");
			}
			int partner = Integer.parseInt(m.group(1));
			int person = Integer.parseInt(m.group(2));
			if (partner < 1 || partner > options.partners || person < 1 || person > options.perPartner) {
				return error("user_not_found");
			}
			peopleLooked.add(user);
			String name = "Partner " + partner + " Person " + person;
			return "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"team_id\":\"T_P" + partner + "\",\"name\":\"p"
					+ partner + "." + person + "\",\"real_name\":\"" + name
					+ "\",\"deleted\":false,\"is_bot\":false,\"is_app_user\":false,\"is_restricted\":false,"
					+ "\"profile\":{\"real_name\":\"" + name + "\",\"display_name\":\"p" + partner + "." + person
					+ "\",\"team\":\"T_P" + partner + "\"}}}";
		}

		private String open(Map<String, String> args) {
			String users = args.getOrDefault("users", "");
			if (users.isEmpty() || users.contains(",")) {
				return users.isEmpty() ? error("users_list_not_supplied") : error("not_supported");
			}
			String channel = channelOf(users);
			return (channel == null) ? error("user_not_found")
					: "{\"ok\":true,\"channel\":{\"id\":\"" + escape(channel) + "\"}}";
		}

		private String history(String method, Map<String, String> args) {
			String channel = channelOf(args.get("channel"));
			if (channel == null) {
				return error("channel_not_found");
			}
			boolean replies = method.equals("conversations.replies");
			String thread = args.get("ts");
			if (replies && (thread == null || thread.isEmpty())) {
				return error("thread_not_found");
			}
			double oldest = parseTs(args.getOrDefault("oldest", "0"));
			double latest = args.containsKey("latest") && !args.get("latest").isEmpty() ? parseTs(args.get("latest"))
					: Double.MAX_VALUE;
			boolean inclusive = "true".equals(args.get("inclusive")) || "1".equals(args.get("inclusive"));
			boolean withMetadata = "true".equals(args.get("include_all_metadata"))
					|| "1".equals(args.get("include_all_metadata"));
			int limit = 100;
			if (!args.getOrDefault("limit", "").isEmpty()) {
				limit = Math.max(1, Math.min(1000, Integer.parseInt(args.get("limit"))));
			}
			List<StoredMessage> found = new ArrayList<>();
			synchronized (this) {
				for (StoredMessage message : history.getOrDefault(channel, List.of())) {
					double ts = parseTs(message.ts());
					boolean inRange = inclusive ? (ts >= oldest && ts <= latest) : (ts > oldest && ts < latest);
					boolean inThread = !replies || message.ts().equals(thread) || thread.equals(message.threadTs());
					if (inRange && inThread && (replies || message.threadTs() == null
							|| message.threadTs().equals(message.ts()))) {
						found.add(message);
					}
				}
			}
			// history is newest first, replies oldest first
			if (!replies) {
				java.util.Collections.reverse(found);
			}
			boolean more = found.size() > limit;
			StringBuilder out = new StringBuilder("{\"ok\":true,\"messages\":[");
			for (int k = 0; k < Math.min(limit, found.size()); k++) {
				out.append(k == 0 ? "" : ",").append(found.get(k).json(withMetadata));
			}
			out.append("],\"has_more\":").append(more).append(",\"response_metadata\":{\"next_cursor\":\"\"}}");
			return out.toString();
		}

		private String update(Map<String, String> args) {
			String channel = channelOf(args.get("channel"));
			String ts = args.getOrDefault("ts", "");
			String text = args.getOrDefault("text", "");
			synchronized (this) {
				List<StoredMessage> messages = (channel != null) ? history.get(channel) : null;
				if (messages != null) {
					for (int k = 0; k < messages.size(); k++) {
						if (messages.get(k).ts().equals(ts)) {
							StoredMessage updated = new StoredMessage(ts, text, messages.get(k).threadTs(),
									messages.get(k).metadata());
							messages.set(k, updated);
							return "{\"ok\":true,\"channel\":\"" + escape(channel) + "\",\"ts\":\"" + ts
									+ "\",\"text\":\"" + escape(text) + "\",\"message\":" + updated.json(false) + "}";
						}
					}
				}
			}
			return error(channel == null ? "channel_not_found" : "message_not_found");
		}

		/** A channel id; a user id stands for the direct message with them. Null when unknown. */
		private String channelOf(String id) {
			if (id == null || id.isEmpty()) {
				return null;
			}
			if (id.startsWith("U") || id.startsWith("W")) {
				return knownUser(id) ? "D" + id : null;
			}
			if (id.startsWith("D")) {
				return knownUser(id.substring(1)) ? id : null;
			}
			Matcher m = PARTNER_CHANNEL.matcher(id);
			if (m.matches()) {
				int partner = Integer.parseInt(m.group(1));
				return (partner >= 1 && partner <= options.partners) ? id : null;
			}
			// the alerts channel, or any other public channel the bot was added to
			return id.startsWith("C") || id.startsWith("G") ? id : null;
		}

		private boolean knownUser(String user) {
			if (user.equals("U_BOT") || user.equals("U_STAFF")) {
				return true;
			}
			Matcher m = PARTNER_USER.matcher(user);
			if (!m.matches()) {
				return false;
			}
			int partner = Integer.parseInt(m.group(1));
			int person = Integer.parseInt(m.group(2));
			return partner >= 1 && partner <= options.partners && person >= 1 && person <= options.perPartner;
		}

		private void rateLimited(HttpExchange exchange, String what, long waitNanos) throws IOException {
			rejected.computeIfAbsent(what, k -> new LongAdder()).increment();
			long seconds = Math.max(1, (waitNanos + SECOND - 1) / SECOND);
			respond(exchange, 429, error("ratelimited"), Long.toString(seconds));
		}

		/** A unique ts, from the clock: seconds.microseconds. */
		private synchronized String nextTs() {
			long micros = Math.max(System.currentTimeMillis() * 1000, lastTsMicros + 1);
			lastTsMicros = micros;
			return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
		}

		// ------------------------------------------------------------ stats

		synchronized String stats() {
			long rejected429 = rejected.values().stream().mapToLong(LongAdder::sum).sum();
			StringBuilder out = new StringBuilder("{");
			out.append("\"accepted\":").append(accepted);
			out.append(",\"accepted_direct\":").append(acceptedDirect);
			out.append(",\"direct_recipients\":").append(directRecipients());
			out.append(",\"rejected429\":").append(rejected429);
			out.append(",\"rejected429_post_channel\":").append(rejectedChannel);
			out.append(",\"rejected429_post_workspace\":").append(rejectedWorkspace);
			out.append(",\"duplicates\":").append(duplicates);
			out.append(",\"duplicate_outbox_ids\":").append(duplicateOutboxIds);
			out.append(",\"duplicate_texts\":").append(duplicateTexts);
			out.append(",\"per_minute\":").append(perMinute);
			out.append(",\"first_accepted_ms\":").append(firstAcceptedMillis);
			out.append(",\"last_accepted_ms\":").append(lastAcceptedMillis);
			out.append(",\"first_accepted\":")
				.append(firstAcceptedMillis == 0 ? "null" : "\"" + Instant.ofEpochMilli(firstAcceptedMillis) + "\"");
			out.append(",\"last_accepted\":")
				.append(lastAcceptedMillis == 0 ? "null" : "\"" + Instant.ofEpochMilli(lastAcceptedMillis) + "\"");
			out.append(",\"people\":").append((long) options.partners * options.perPartner);
			out.append(",\"people_looked_up\":").append(peopleLooked.size());
			out.append(",\"calls\":").append(counts(calls));
			out.append(",\"rejected429_by_method\":").append(counts(rejected));
			out.append(",\"workspace_per_minute\":").append(options.workspacePerMinute);
			out.append(",\"channel_per_second\":").append(options.channelPerSecond);
			out.append(",\"limits\":\"").append(escape(options.describeLimits())).append('"');
			out.append(",\"assumption\":\"").append(escape(ASSUMPTION)).append('"');
			return out.append('}').toString();
		}

		private long directRecipients() {
			return history.entrySet()
				.stream()
				.filter(e -> e.getKey().startsWith("D") && !e.getValue().isEmpty())
				.count();
		}

		private static String counts(Map<String, LongAdder> counters) {
			Map<String, Long> sorted = new TreeMap<>();
			counters.forEach((k, v) -> sorted.put(k, v.sum()));
			StringBuilder out = new StringBuilder("{");
			sorted.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(escape(k)).append("\":")
				.append(v));
			return out.append('}').toString();
		}

	}

	/** Calls in a sliding window: at most {@code limit} within {@code window} nanoseconds. */
	static final class Window {

		private final int limit;

		private final long window;

		private final ArrayDeque<Long> times = new ArrayDeque<>();

		Window(int limit, long window) {
			this.limit = limit;
			this.window = window;
		}

		/** 0 when the call is taken (and counted); else nanoseconds until one would be. */
		long tryAcquire(long now) {
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

	/** A message as Slack keeps it: metadata is the JSON the bot sent, kept as is. */
	record StoredMessage(String ts, String text, String threadTs, String metadata) {

		String json(boolean withMetadata) {
			StringBuilder out = new StringBuilder("{\"type\":\"message\",\"subtype\":\"bot_message\",\"user\":\"U_BOT\","
					+ "\"bot_id\":\"B_BOT\",\"team\":\"T_BENCH\",\"ts\":\"")
				.append(ts)
				.append("\",\"text\":\"")
				.append(escape(text))
				.append('"');
			if (threadTs != null) {
				out.append(",\"thread_ts\":\"").append(escape(threadTs)).append('"');
			}
			if (withMetadata && metadata != null) {
				out.append(",\"metadata\":").append(metadata);
			}
			return out.append('}').toString();
		}

	}

	// ---------------------------------------------------------------- HTTP helpers

	static Map<String, String> arguments(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, String> args = new HashMap<>();
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null) {
			form(query, args);
		}
		String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
		if (type.contains("json")) {
			if (!body.isBlank()) {
				new Json(body).topLevel(args);
			}
		}
		else {
			form(body, args);
		}
		return args;
	}

	private static void form(String text, Map<String, String> args) {
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			args.put(name, value);
		}
	}

	static void respond(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		if (retryAfter != null) {
			exchange.getResponseHeaders().add("Retry-After", retryAfter);
		}
		try {
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
		catch (IOException gone) {
			// the client gave up waiting
		}
	}

	static String error(String code) {
		return "{\"ok\":false,\"error\":\"" + code + "\"}";
	}

	static double parseTs(String ts) {
		try {
			return Double.parseDouble(ts);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
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

	/**
	 * Just enough JSON for a JSON-bodied Web API call: the top-level fields, strings as
	 * they are, anything else (objects, arrays, numbers) as its JSON text.
	 */
	static final class Json {

		private final String s;

		private int i;

		Json(String s) {
			this.s = s;
		}

		void topLevel(Map<String, String> into) {
			space();
			expect('{');
			space();
			if (peek('}')) {
				return;
			}
			do {
				space();
				String key = string();
				space();
				expect(':');
				space();
				int from = i;
				if (i < s.length() && s.charAt(i) == '"') {
					into.put(key, string());
				}
				else {
					skipValue();
					into.put(key, s.substring(from, i).strip());
				}
				space();
			}
			while (peek(','));
			expect('}');
		}

		private void skipValue() {
			int depth = 0;
			while (i < s.length()) {
				char c = s.charAt(i);
				if (c == '"') {
					string();
					continue;
				}
				if (c == '{' || c == '[') {
					depth++;
				}
				else if (c == '}' || c == ']') {
					if (depth == 0) {
						return;
					}
					depth--;
				}
				else if (c == ',' && depth == 0) {
					return;
				}
				i++;
			}
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				if (i >= s.length()) {
					throw new IllegalArgumentException("JSON: unterminated string");
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
				throw new IllegalArgumentException("JSON: expected '" + c + "' at offset " + i);
			}
		}

	}

}
