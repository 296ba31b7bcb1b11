package com.partnerbot.crm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;

import com.partnerbot.StubHttpApi;

/**
 * A HubSpot account over HTTP, written from HubSpot's documented requests and answers
 * (not from its OpenAPI files): CRM objects under the date-versioned
 * {@code /crm/objects/{version}/} paths or, when {@code numberedOnly}, only the
 * {@code /crm/v3/objects/} ones; batch upsert by a unique property, batch create and
 * read, search with filters, sorts and {@code after} paging capped at 10,000 results;
 * default associations between deals and companies. A private app's token in
 * {@code Authorization: Bearer}; every answer carries the daily allowance headers, and a
 * ten-second window of {@code burst} requests answers 429 beyond it.
 */
public final class StubHubspot extends StubHttpApi {

	public static final String TOKEN = "pat-na1-test-token";

	public static final String ID_PROPERTY = "partnerbot_registration_id";

	private static final Pattern OBJECTS = Pattern
		.compile("/crm/(?:objects/(\\d{4}-\\d{2})|v3/objects)/(deals|companies)(/.*)?");

	private static final Pattern ASSOCIATIONS = Pattern.compile(
			"/crm/(?:associations/(\\d{4}-\\d{2})|v4/associations)/deals/companies/batch/(associate/default|read)");

	private final boolean numberedOnly;

	private final Map<String, Map<String, JsonObject>> objects = new ConcurrentHashMap<>();

	/** Deal id to company ids. */
	private final Map<String, List<String>> associations = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(5000);

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private final Deque<Integer> failures = new ArrayDeque<>();

	private final Deque<Long> window = new ArrayDeque<>();

	private volatile int burst = Integer.MAX_VALUE;

	private volatile long daily = 500_000;

	public StubHubspot(boolean numberedOnly) {
		this.numberedOnly = numberedOnly;
	}

	/**
	 * Answers the next requests with these statuses (429 with {@code Retry-After: 1}).
	 */
	public synchronized void failNext(Integer... statuses) {
		failures.addAll(List.of(statuses));
	}

	/** Requests allowed per ten seconds, as HubSpot's burst limit. */
	public void burst(int perTenSeconds) {
		burst = perTenSeconds;
	}

	public void daily(long allowance) {
		daily = allowance;
	}

	public long calls() {
		return calls.get();
	}

	/** Requests refused with 429 for the ten-second limit. */
	public long rejected() {
		return rejected.get();
	}

	public List<JsonObject> deals(String registrationId) {
		return all("deals").stream().filter(d -> registrationId.equals(property(d, ID_PROPERTY))).toList();
	}

	public List<JsonObject> all(String type) {
		return new ArrayList<>(objects.getOrDefault(type, Map.of()).values());
	}

	public int writes(String registrationId) {
		AtomicInteger count = writes.get(registrationId);
		return (count != null) ? count.get() : 0;
	}

	public List<String> companiesOf(String dealId) {
		return associations.getOrDefault(dealId, List.of());
	}

	public String company(String companyId, String property) {
		return property(objects.get("companies").get(companyId), property);
	}

	/** Adds or changes a record as a user would; returns its id. */
	public String put(String type, String id, Map<String, String> properties) {
		JsonObject record = objects.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
			.computeIfAbsent(id != null ? id : String.valueOf(ids.incrementAndGet()), this::fresh);
		properties.forEach((name, value) -> record.getAsJsonObject("properties").addProperty(name, value));
		touch(record);
		return record.get("id").getAsString();
	}

	public void associate(String dealId, String companyId) {
		associations.computeIfAbsent(dealId, d -> new ArrayList<>()).add(companyId);
	}

	private JsonObject fresh(String id) {
		JsonObject record = new JsonObject();
		record.addProperty("id", id);
		record.add("properties", new JsonObject());
		record.addProperty("createdAt", Instant.now().toString());
		record.addProperty("archived", false);
		return record;
	}

	private static void touch(JsonObject record) {
		String now = Instant.now().toString();
		record.addProperty("updatedAt", now);
		record.getAsJsonObject("properties").addProperty("hs_lastmodifieddate", now);
	}

	private static String property(JsonObject record, String name) {
		JsonElement value = record.getAsJsonObject("properties").get(name);
		return (value == null || value.isJsonNull()) ? null : value.getAsString();
	}

	/** Takes a place in the ten-second window; -1 when it is full, else what is left. */
	private synchronized int takeBurst() {
		long now = System.nanoTime();
		while (!window.isEmpty() && now - window.peekFirst() > 10_000_000_000L) {
			window.pollFirst();
		}
		if (window.size() >= burst) {
			return -1;
		}
		window.addLast(now);
		return burst - window.size();
	}

	@Override
	protected void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				respond(exchange, 401, error("INVALID_AUTHENTICATION", "Authentication credentials not found."));
				return;
			}
			long used = calls.incrementAndGet();
			exchange.getResponseHeaders().add("X-HubSpot-RateLimit-Daily", String.valueOf(daily));
			exchange.getResponseHeaders()
				.add("X-HubSpot-RateLimit-Daily-Remaining", String.valueOf(Math.max(0, daily - used)));
			Integer failure;
			synchronized (this) {
				failure = failures.poll();
			}
			if (failure != null) {
				if (failure == 429) {
					exchange.getResponseHeaders().add("Retry-After", "1");
					respond(exchange, 429, error("RATE_LIMITS", "You have reached your secondly limit."));
				}
				else {
					respond(exchange, failure, error("INTERNAL_ERROR", "internal error"));
				}
				return;
			}
			int left = takeBurst();
			if (burst != Integer.MAX_VALUE) {
				exchange.getResponseHeaders().add("X-HubSpot-RateLimit-Max", String.valueOf(burst));
				exchange.getResponseHeaders().add("X-HubSpot-RateLimit-Remaining", String.valueOf(Math.max(0, left)));
				exchange.getResponseHeaders().add("X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
			}
			if (left < 0) {
				rejected.incrementAndGet();
				respond(exchange, 429, error("RATE_LIMITS", "You have reached your ten secondly limit."));
				return;
			}
			String path = exchange.getRequestURI().getPath();
			Matcher objectsPath = OBJECTS.matcher(path);
			Matcher associationsPath = ASSOCIATIONS.matcher(path);
			if (objectsPath.matches() && !(numberedOnly && objectsPath.group(1) != null)) {
				answerObjects(exchange, objectsPath.group(2), objectsPath.group(3),
						JsonParser.parseString(body).getAsJsonObject());
			}
			else if (associationsPath.matches() && !(numberedOnly && associationsPath.group(1) != null)) {
				answerAssociations(exchange, associationsPath.group(2), JsonParser.parseString(body).getAsJsonObject());
			}
			else {
				respond(exchange, 404, "");
			}
		}
	}

	private void answerObjects(HttpExchange exchange, String type, String suffix, JsonObject body) throws IOException {
		Map<String, JsonObject> records = objects.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
		JsonArray results = new JsonArray();
		switch (suffix) {
			case "/batch/upsert" -> {
				synchronized (records) {
					for (JsonElement input : body.getAsJsonArray("inputs")) {
						JsonObject in = input.getAsJsonObject();
						String idProperty = in.get("idProperty").getAsString();
						String value = in.get("id").getAsString();
						writes.computeIfAbsent(value, v -> new AtomicInteger()).incrementAndGet();
						JsonObject record = records.values()
							.stream()
							.filter(r -> value.equals(property(r, idProperty)))
							.findFirst()
							.orElse(null);
						boolean created = record == null;
						if (created) {
							record = fresh(String.valueOf(ids.incrementAndGet()));
							records.put(record.get("id").getAsString(), record);
						}
						JsonObject properties = record.getAsJsonObject("properties");
						in.getAsJsonObject("properties")
							.entrySet()
							.forEach(e -> properties.add(e.getKey(), e.getValue()));
						properties.addProperty(idProperty, value);
						touch(record);
						JsonObject result = record.deepCopy();
						result.addProperty("new", created);
						results.add(result);
					}
				}
				respond(exchange, 200, batch(results));
			}
			case "/batch/create" -> {
				for (JsonElement input : body.getAsJsonArray("inputs")) {
					JsonObject record = fresh(String.valueOf(ids.incrementAndGet()));
					input.getAsJsonObject()
						.getAsJsonObject("properties")
						.entrySet()
						.forEach(e -> record.getAsJsonObject("properties").add(e.getKey(), e.getValue()));
					touch(record);
					records.put(record.get("id").getAsString(), record);
					results.add(record.deepCopy());
				}
				respond(exchange, 201, batch(results));
			}
			case "/batch/read" -> {
				for (JsonElement input : body.getAsJsonArray("inputs")) {
					JsonObject record = records.get(input.getAsJsonObject().get("id").getAsString());
					if (record != null) {
						results.add(record.deepCopy());
					}
				}
				respond(exchange, 200, batch(results));
			}
			case "/search" -> search(exchange, records, body);
			default -> respond(exchange, 404, "");
		}
	}

	private void search(HttpExchange exchange, Map<String, JsonObject> records, JsonObject body) throws IOException {
		List<JsonObject> matching = new ArrayList<>();
		JsonArray filters = body.getAsJsonArray("filterGroups").get(0).getAsJsonObject().getAsJsonArray("filters");
		for (JsonObject record : records.values()) {
			boolean all = true;
			for (JsonElement f : filters) {
				all &= matches(record, f.getAsJsonObject());
			}
			if (all) {
				matching.add(record);
			}
		}
		matching.sort(Comparator.comparing((JsonObject r) -> Instant.parse(property(r, "hs_lastmodifieddate")))
			.thenComparing(r -> Long.parseLong(r.get("id").getAsString())));
		int after = body.has("after") ? Integer.parseInt(body.get("after").getAsString()) : 0;
		int limit = body.has("limit") ? body.get("limit").getAsInt() : 10;
		if (after + limit > 10_000) {
			respond(exchange, 400, error("VALIDATION_ERROR", "paging beyond 10000 results is not supported"));
			return;
		}
		JsonArray results = new JsonArray();
		matching.stream().skip(after).limit(limit).forEach(r -> results.add(r.deepCopy()));
		JsonObject answer = new JsonObject();
		answer.addProperty("total", matching.size());
		answer.add("results", results);
		if (after + limit < matching.size()) {
			JsonObject next = new JsonObject();
			next.addProperty("after", String.valueOf(after + limit));
			JsonObject paging = new JsonObject();
			paging.add("next", next);
			answer.add("paging", paging);
		}
		respond(exchange, 200, answer.toString());
	}

	private static boolean matches(JsonObject record, JsonObject filter) {
		String value = property(record, filter.get("propertyName").getAsString());
		return switch (filter.get("operator").getAsString()) {
			case "HAS_PROPERTY" -> value != null && !value.isEmpty();
			case "NOT_HAS_PROPERTY" -> value == null || value.isEmpty();
			case "EQ" -> value != null && value.equalsIgnoreCase(filter.get("value").getAsString());
			case "IN" -> {
				boolean any = false;
				for (JsonElement v : filter.getAsJsonArray("values")) {
					any |= v.getAsString().equalsIgnoreCase(value);
				}
				yield any;
			}
			case "GTE" -> value != null
					&& Instant.parse(value).toEpochMilli() >= Long.parseLong(filter.get("value").getAsString());
			default -> throw new IllegalArgumentException("operator " + filter.get("operator"));
		};
	}

	private void answerAssociations(HttpExchange exchange, String action, JsonObject body) throws IOException {
		JsonArray results = new JsonArray();
		for (JsonElement input : body.getAsJsonArray("inputs")) {
			JsonObject in = input.getAsJsonObject();
			if (action.equals("read")) {
				String deal = in.get("id").getAsString();
				List<String> companies = associations.getOrDefault(deal, List.of());
				if (companies.isEmpty()) {
					continue;
				}
				JsonObject result = new JsonObject();
				JsonObject from = new JsonObject();
				from.addProperty("id", deal);
				result.add("from", from);
				JsonArray to = new JsonArray();
				for (String company : companies) {
					JsonObject t = new JsonObject();
					t.addProperty("toObjectId", Long.parseLong(company));
					JsonArray types = new JsonArray();
					JsonObject type = new JsonObject();
					type.addProperty("category", "HUBSPOT_DEFINED");
					type.addProperty("typeId", 5);
					types.add(type);
					t.add("associationTypes", types);
					to.add(t);
				}
				result.add("to", to);
				results.add(result);
			}
			else {
				String deal = in.getAsJsonObject("from").get("id").getAsString();
				String company = in.getAsJsonObject("to").get("id").getAsString();
				associations.computeIfAbsent(deal, d -> new ArrayList<>()).add(company);
				JsonObject result = new JsonObject();
				result.addProperty("fromObjectTypeId", "0-3");
				result.addProperty("fromObjectId", Long.parseLong(deal));
				result.addProperty("toObjectTypeId", "0-2");
				result.addProperty("toObjectId", Long.parseLong(company));
				results.add(result);
			}
		}
		respond(exchange, 200, batch(results));
	}

	private static String batch(JsonArray results) {
		JsonObject answer = new JsonObject();
		answer.addProperty("status", "COMPLETE");
		answer.add("results", results);
		answer.addProperty("startedAt", Instant.now().toString());
		answer.addProperty("completedAt", Instant.now().toString());
		return answer.toString();
	}

	private static String error(String category, String message) {
		JsonObject error = new JsonObject();
		error.addProperty("status", "error");
		error.addProperty("message", message);
		error.addProperty("correlationId", java.util.UUID.randomUUID().toString());
		error.addProperty("category", category);
		return error.toString();
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
	}

}
