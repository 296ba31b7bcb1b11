import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.partnerbot.StubSlackApi;

/**
 * The tests' stub of Slack's Web API, with Slack's rate limits, over a made-up roster, for
 * the survey campaign bench ({@code bench/survey-campaign.sh}).
 *
 * <p>
 * Channel {@code C_P<i>} (i = 1..partners) has {@code perPartner} members
 * {@code U_P<i>_<j>} of team {@code T_P<i>}, plus the bot and one vendor person
 * ({@code U_STAFF}, of the installed workspace), who are not the partner's people.
 * Limits: chat.postMessage 1 message per second per channel, as Slack documents, and a
 * workspace-wide ceiling, by default 600 in any sliding 60 s. That ceiling is an
 * ASSUMPTION: Slack documents only "several hundred messages per minute" per workspace.
 * The other methods the bot calls while learning a partner's people get so many per
 * sliding minute each, set generously by default (Slack's Tier 3 is "50+ per minute",
 * Tier 4 "100+") so that learning the roster does not dominate the run. {@code GET /stats}
 * gives the stub's counters as JSON.
 *
 * <pre>
 * java -cp ... SlackLimitsStub [--port 0] [--partners 50] [--per-partner 100]
 *     [--workspace-per-minute 600] [--channel-per-second 1] [--users-info-per-minute 6000] ...
 * </pre>
 */
public class SlackLimitsStub {

	static final String ASSUMPTION = "the workspace-wide chat.postMessage ceiling is an assumption: Slack documents "
			+ "only \"several hundred messages per minute\" per workspace; 1 message per second per channel is "
			+ "documented";

	static final String USAGE = """
			usage: SlackLimitsStub [--port 0] [--token xoxb-bench]
			         [--partners 50] [--per-partner 100]
			         [--workspace-per-minute 600] [--channel-per-second 1]
			         [--users-info-per-minute 6000] [--members-per-minute 200] [--open-per-minute 200]
			         [--history-per-minute 200] [--update-per-minute 200] [--ephemeral-per-minute 200]
			         [--latency-ms 0]
			serves /api/<method> (Slack Web API) and GET /stats""";

	public static void main(String[] args) throws Exception {
		int[] port = { 0 };
		String[] token = { "xoxb-bench" };
		int[] roster = { 50, 100 };
		int[] postLimits = { 1, 600 };
		int[] latency = { 0 };
		Map<String, Integer> perMinute = new LinkedHashMap<>(Map.of("conversations.members", 200, "users.info", 6000,
				"conversations.open", 200, "conversations.history", 200, "conversations.replies", 200, "chat.update",
				200, "chat.postEphemeral", 200));
		BenchApp.parse(args, USAGE, (name, value) -> {
			switch (name) {
				case "--port" -> port[0] = Integer.parseInt(value);
				case "--token" -> token[0] = value;
				case "--partners" -> roster[0] = Integer.parseInt(value);
				case "--per-partner" -> roster[1] = Integer.parseInt(value);
				case "--channel-per-second" -> postLimits[0] = Integer.parseInt(value);
				case "--workspace-per-minute" -> postLimits[1] = Integer.parseInt(value);
				case "--users-info-per-minute" -> perMinute.put("users.info", Integer.parseInt(value));
				case "--members-per-minute" -> perMinute.put("conversations.members", Integer.parseInt(value));
				case "--open-per-minute" -> perMinute.put("conversations.open", Integer.parseInt(value));
				case "--history-per-minute" -> {
					perMinute.put("conversations.history", Integer.parseInt(value));
					perMinute.put("conversations.replies", Integer.parseInt(value));
				}
				case "--update-per-minute" -> perMinute.put("chat.update", Integer.parseInt(value));
				case "--ephemeral-per-minute" -> perMinute.put("chat.postEphemeral", Integer.parseInt(value));
				case "--latency-ms" -> latency[0] = Integer.parseInt(value);
				default -> {
					return false;
				}
			}
			return true;
		});
		if (roster[0] <= 0 || roster[1] <= 0 || postLimits[0] <= 0 || postLimits[1] <= 0 || latency[0] < 0
				|| perMinute.values().stream().anyMatch(v -> v < 0)) {
			BenchApp.usage(USAGE, "counts and limits must be positive (0 turns a per-minute method limit off)");
		}
		StubSlackApi.Limits limits = new StubSlackApi.Limits(postLimits[0], postLimits[1], perMinute);
		StubSlackApi stub = StubSlackApi
			.start(StubSlackApi.Settings.forBench(port[0], token[0], limits, Duration.ofMillis(latency[0])));
		for (int partner = 1; partner <= roster[0]; partner++) {
			Map<String, String> people = new LinkedHashMap<>();
			for (int person = 1; person <= roster[1]; person++) {
				people.put("U_P" + partner + "_" + person, "Partner " + partner + " Person " + person);
			}
			stub.members("C_P" + partner, "T_P" + partner, people);
			stub.botIn("C_P" + partner);
			stub.members("C_P" + partner, StubSlackApi.TEAM, Map.of("U_STAFF", "Channel Manager"));
		}
		System.out.println("Slack limits stub on " + stub.url() + " (stats: " + stub.url().replace("/api/", "/stats")
				+ ")");
		System.out.println("roster: " + roster[0] + " partners x " + roster[1] + " people = "
				+ (long) roster[0] * roster[1] + " (channels C_P1..C_P" + roster[0]
				+ ", users U_P<i>_<j> of team T_P<i>)");
		System.out.println("limits: " + limits + (latency[0] > 0 ? "; " + latency[0] + " ms added to every answer" : ""));
		System.out.println("note: " + ASSUMPTION);
		System.out.flush();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("final stats: " + stub.stats());
			System.out.flush();
		}));
		Thread.currentThread().join();
	}

}
