package com.partnerbot.platform;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.SlackClientForTests;
import com.partnerbot.SlackPayloadFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack's real payloads and the API's bodies, mutated by the thousand (a field removed,
 * retyped, emptied, made huge or strange; the body cut short or its bytes flipped),
 * signed or sent with the token as the real thing would be: every answer is 2xx or 4xx,
 * never 5xx, and the service stays healthy. jqwik's generators make the mutations; each
 * failure names its input.
 */
class MutationFuzzTests extends EndToEndTests {

	private static final int SLACK_CASES = 1200;

	private static final int API_CASES = 1500;

	private static final List<String> JSON_PAYLOADS = List.of("event_callback.app_mention.ext_shared.json",
			"event_callback.app_mention.shared_channels.json",
			"event_callback.message.channel.user_team_source_team.json", "event_callback.message.ext_shared.bot.json",
			"event_callback.message.im.assistant_thread.json");

	private static final List<String> FORM_PAYLOADS = List.of("block_actions.json", "view_submission.json",
			"slash_command.form-urlencoded.txt");

	@Test
	void mutatedSlackDeliveriesAreNeverA5xx() {
		List<JsonObject> originals = new ArrayList<>();
		JSON_PAYLOADS.forEach(name -> originals.add(SlackPayloadFiles.json(name)));
		Map<String, Integer> statuses = new LinkedHashMap<>();
		List<Mutation> mutations = mutations().sampleStream().limit(SLACK_CASES).toList();
		SlackClientForTests slack = slack();
		int index = 0;
		for (Mutation mutation : mutations) {
			index++;
			String kind;
			byte[] body;
			String contentType;
			if (index % 3 == 0) {
				// interactivity and slash commands: a form with a mutated payload or
				// field
				String name = FORM_PAYLOADS.get((index / 3) % FORM_PAYLOADS.size());
				Map<String, String> form;
				if (name.endsWith(".txt")) {
					form = SlackPayloadFiles.form(name);
					mutateForm(form, mutation);
				}
				else {
					JsonObject payload = SlackPayloadFiles.json(name);
					mutation.apply(payload);
					form = new LinkedHashMap<>(Map.of("payload", payload.toString()));
				}
				body = mutation.mangle(SlackPayloadFiles.encodeForm(form).getBytes(StandardCharsets.UTF_8));
				contentType = "application/x-www-form-urlencoded";
				kind = name;
			}
			else {
				JsonObject payload = originals.get(index % originals.size()).deepCopy();
				payload.addProperty("event_id", unique("EvFuzz"));
				mutation.apply(payload);
				body = mutation.mangle(payload.toString().getBytes(StandardCharsets.UTF_8));
				contentType = "application/json";
				kind = JSON_PAYLOADS.get(index % originals.size());
			}
			HttpResponse<String> response = slack.post(contentType, body, Instant.now().getEpochSecond(),
					SlackClientForTests.SIGNING_SECRET, null);
			statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
			assertThat(response.statusCode())
				.as("%s mutated by %s:%n%s", kind, mutation, new String(body, StandardCharsets.UTF_8))
				.isBetween(200, 499);
		}
		System.out.println("Slack deliveries mutated: " + mutations.size() + ", statuses " + statuses);
		assertThat(api("GET", "/actuator/health", null, null).body()).contains("\"status\":\"UP\"");
	}

	@Test
	void mutatedApiBodiesAreNeverA5xx() {
		String partnerId = registerPartner(unique("Fuzzco "), "Silver", unique("TF"), unique("C"));
		List<String[]> endpoints = List.of(
				new String[] { "POST", "/api/partners",
						"{\"name\":\"N\",\"tier\":\"Silver\",\"slackTeamIds\":[\"T1\"],\"slackChannelIds\":[\"C1\"]}" },
				new String[] { "PATCH", "/api/partners/" + partnerId,
						"{\"tier\":\"Gold\",\"channelManager\":\"U0123\"}" },
				new String[] { "POST", "/api/deals",
						"{\"partnerId\":\"" + partnerId
								+ "\",\"customerName\":\"Initech\",\"customerDomain\":\"initech.com\","
								+ "\"products\":[\"Analytics Suite\"],\"amount\":50000,\"currency\":\"USD\","
								+ "\"expectedCloseDate\":\"2031-01-15\"}" },
				new String[] { "POST", "/api/ask",
						"{\"question\":\"how long is a deal protected?\",\"partnerId\":\"" + partnerId + "\"}" },
				new String[] { "POST", "/api/surveys",
						"{\"name\":\"Q\",\"tiers\":[\"Gold\"],\"partnerIds\":[],\"closesOn\":\"2031-01-01\"}" },
				new String[] { "POST", "/api/direct-accounts",
						"{\"name\":\"Direct Co\",\"domain\":\"direct.example\",\"owner\":\"Direct\"}" },
				new String[] { "POST", "/api/training/completions", "{\"partnerId\":\"" + partnerId
						+ "\",\"person\":\"U1\",\"course\":\"x\",\"completedOn\":\"2026-01-01\"}" });
		Map<String, Integer> statuses = new LinkedHashMap<>();
		List<Mutation> mutations = mutations().sampleStream().limit(API_CASES).toList();
		int index = 0;
		for (Mutation mutation : mutations) {
			String[] endpoint = endpoints.get(index++ % endpoints.size());
			JsonObject body = JsonParser.parseString(endpoint[2]).getAsJsonObject();
			mutation.apply(body);
			String sent = new String(mutation.mangle(body.toString().getBytes(StandardCharsets.UTF_8)),
					StandardCharsets.UTF_8);
			HttpResponse<String> response = api(endpoint[0], endpoint[1], sent);
			statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
			assertThat(response.statusCode())
				.as("%s %s mutated by %s:%n%s%n-> %s", endpoint[0], endpoint[1], mutation, sent, response.body())
				.isBetween(200, 499);
		}
		System.out.println("API bodies mutated: " + mutations.size() + ", statuses " + statuses);
		assertThat(api("GET", "/actuator/health", null, null).body()).contains("\"status\":\"UP\"");
	}

	private static void mutateForm(Map<String, String> form, Mutation mutation) {
		List<String> keys = new ArrayList<>(form.keySet());
		String key = keys.get(Math.floorMod(mutation.seed(), keys.size()));
		switch (mutation.operation()) {
			case REMOVE -> form.remove(key);
			case EMPTY -> form.put(key, "");
			default -> form.put(key, mutation.text());
		}
	}

	private static Arbitrary<Mutation> mutations() {
		Arbitrary<Operation> operations = Arbitraries.of(Operation.class);
		Arbitrary<Integer> seeds = Arbitraries.integers().between(0, Integer.MAX_VALUE);
		Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
				Arbitraries.strings().withCharRange('a', 'z').ofLength(70_000),
				Arbitraries.of("<!channel>", "../../etc/passwd", "'; drop table partner; --", "\u0000", "\uD83D\uDE00",
						"null", "NaN", "-1", "1e309", "2026-02-30", "9999-12-31", "", " ", "{}", "[]", "true",
						"00000000-0000-0000-0000-000000000000", "not-a-uuid", "%00", "\\u0000"));
		Arbitrary<Integer> depth = Arbitraries.integers().between(0, 3).withDistribution(RandomDistribution.uniform());
		Arbitrary<Tuple.Tuple3<Operation, Integer, String>> base = Combinators.combine(operations, seeds, texts)
			.as(Tuple::of);
		return Combinators.combine(base, depth).as((t, d) -> new Mutation(t.get1(), t.get2(), t.get3(), d));
	}

	enum Operation {

		REMOVE, EMPTY, NULL, STRING, NUMBER, NEGATIVE, BOOLEAN, OBJECT, ARRAY, DEEP, TRUNCATE, FLIP

	}

	/**
	 * One mutation: an operation on a field chosen by the seed (at some depth), or on the
	 * body's bytes.
	 */
	record Mutation(Operation operation, int seed, String text, int depth) {

		void apply(JsonObject root) {
			if (operation == Operation.TRUNCATE || operation == Operation.FLIP) {
				return;
			}
			Random random = new Random(seed);
			JsonObject target = root;
			for (int i = 0; i < depth; i++) {
				JsonObject current = target;
				List<String> nested = current.keySet().stream().filter(k -> current.get(k).isJsonObject()).toList();
				if (nested.isEmpty()) {
					break;
				}
				target = current.getAsJsonObject(nested.get(random.nextInt(nested.size())));
			}
			List<String> keys = new ArrayList<>(target.keySet());
			if (keys.isEmpty()) {
				return;
			}
			String key = keys.get(random.nextInt(keys.size()));
			switch (operation) {
				case REMOVE -> target.remove(key);
				case EMPTY -> target.add(key, emptyLike(target.get(key)));
				case NULL -> target.add(key, JsonNull.INSTANCE);
				case STRING -> target.addProperty(key, text);
				case NUMBER -> target.addProperty(key, random.nextLong());
				case NEGATIVE -> target.addProperty(key, -random.nextDouble() * 1e12);
				case BOOLEAN -> target.addProperty(key, random.nextBoolean());
				case OBJECT -> {
					JsonObject object = new JsonObject();
					object.addProperty(text.isEmpty() ? "x" : text.substring(0, Math.min(10, text.length())), text);
					target.add(key, object);
				}
				case ARRAY -> {
					JsonArray array = new JsonArray();
					array.add(new JsonPrimitive(text));
					array.add(JsonNull.INSTANCE);
					target.add(key, array);
				}
				case DEEP -> {
					JsonElement nest = new JsonPrimitive(text);
					for (int i = 0; i < 200; i++) {
						JsonArray wrapper = new JsonArray();
						wrapper.add(nest);
						nest = wrapper;
					}
					target.add(key, nest);
				}
				default -> {
				}
			}
		}

		byte[] mangle(byte[] body) {
			Random random = new Random(seed);
			return switch (operation) {
				case TRUNCATE -> java.util.Arrays.copyOf(body, random.nextInt(Math.max(1, body.length)));
				case FLIP -> {
					byte[] flipped = body.clone();
					for (int i = 0; i < 1 + random.nextInt(8); i++) {
						flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
					}
					yield flipped;
				}
				default -> body;
			};
		}

		private static JsonElement emptyLike(JsonElement value) {
			if (value == null || value.isJsonNull()) {
				return JsonNull.INSTANCE;
			}
			if (value.isJsonObject()) {
				return new JsonObject();
			}
			if (value.isJsonArray()) {
				return new JsonArray();
			}
			return new JsonPrimitive("");
		}

		@Override
		public String toString() {
			return operation + "(seed " + seed + ", depth " + depth + ", text "
					+ ((text.length() > 40) ? text.length() + " chars" : "'" + text + "'") + ")";
		}

	}

}
