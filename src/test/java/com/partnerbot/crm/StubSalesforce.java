package com.partnerbot.crm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;

import com.partnerbot.StubHttpApi;

/**
 * A Salesforce org over HTTP, as Salesforce documents its REST API: the OAuth 2.0
 * client-credentials token endpoint, sObject upsert by external id (201 created, 200
 * updated), sObject Collections upsert, composite requests, and SOQL queries over the
 * records it holds. Errors come as Salesforce words them: a JSON array of
 * {@code errorCode} and {@code message} (401 {@code INVALID_SESSION_ID}, 403
 * {@code REQUEST_LIMIT_EXCEEDED} past the daily allowance). Every data response carries
 * {@code Sforce-Limit-Info}.
 */
public final class StubSalesforce extends StubHttpApi {

	public static final String CLIENT_ID = "3MVG9-test-client";

	public static final String CLIENT_SECRET = "test-secret";

	public static final String EXTERNAL_ID = "Partnerbot_Registration_Id__c";

	private static final DateTimeFormatter SF_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final Pattern UPSERT_ONE = Pattern
		.compile("/services/data/v[\\d.]+/sobjects/(\\w+)/(\\w+)/([^/?]+)");

	private static final Pattern UPSERT_MANY = Pattern
		.compile("/services/data/v[\\d.]+/composite/sobjects/(\\w+)/(\\w+)");

	private static final Pattern AFTER = Pattern.compile("SystemModstamp > (\\S+)");

	private final Gson gson = new Gson();

	/** Records by object, then by id. */
	private final Map<String, Map<String, JsonObject>> objects = new ConcurrentHashMap<>();

	/**
	 * Writes received per registration id (an upsert repeated is one record, two writes).
	 */
	private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();

	private final Deque<Failure> failures = new ArrayDeque<>();

	private final AtomicLong ids = new AtomicLong(1000);

	private final AtomicLong apiCalls = new AtomicLong();

	private final AtomicInteger tokensIssued = new AtomicInteger();

	private volatile String validToken;

	private volatile long dailyLimit = 100_000;

	private volatile boolean down;

	/** How an answer goes wrong. */
	public record Failure(int status, String body, Map<String, String> headers, Duration delay, boolean applyFirst) {

		public static Failure status(int status) {
			return new Failure(status,
					"[{\"message\":\"An unexpected error occurred\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]", Map.of(),
					Duration.ZERO, false);
		}

		public static Failure rateLimited(int retryAfterSeconds) {
			return new Failure(429, "[{\"message\":\"Too many requests\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]",
					Map.of("Retry-After", String.valueOf(retryAfterSeconds)), Duration.ZERO, false);
		}

		/**
		 * The write is applied, but the answer comes after the caller stopped waiting.
		 */
		public static Failure appliedThenSlow(Duration delay) {
			return new Failure(0, null, Map.of(), delay, true);
		}

	}

	public synchronized void failNext(Failure... next) {
		failures.addAll(List.of(next));
	}

	/** While down, every data request answers 503. */
	public void down(boolean down) {
		this.down = down;
	}

	/** The current token stops working, as when a session expires. */
	public void expireToken() {
		validToken = "expired";
	}

	public int tokensIssued() {
		return tokensIssued.get();
	}

	public void dailyLimit(long limit) {
		dailyLimit = limit;
	}

	public long apiCalls() {
		return apiCalls.get();
	}

	/** The records of an object with this external id. */
	public List<JsonObject> byExternalId(String object, String externalId) {
		return objects.getOrDefault(object, Map.of())
			.values()
			.stream()
			.filter(r -> r.has(EXTERNAL_ID) && externalId.equals(r.get(EXTERNAL_ID).getAsString()))
			.toList();
	}

	public int count(String object) {
		return objects.getOrDefault(object, Map.of()).size();
	}

	public int writes(String externalId) {
		AtomicInteger count = writes.get(externalId);
		return (count != null) ? count.get() : 0;
	}

	/** Adds or changes a record as a user of the org would, stamped now. */
	public String put(String object, Map<String, Object> fields) {
		String id = fields.containsKey("Id") ? fields.get("Id").toString() : newId(object);
		JsonObject record = objects.computeIfAbsent(object, o -> new ConcurrentHashMap<>())
			.computeIfAbsent(id, i -> new JsonObject());
		record.add("Id", gson.toJsonTree(id));
		fields.forEach((name, value) -> record.add(name, gson.toJsonTree(value)));
		stamp(record);
		return id;
	}

	private String newId(String object) {
		String prefix = switch (object) {
			case "Lead" -> "00Q";
			case "Opportunity" -> "006";
			case "Account" -> "001";
			default -> "a00";
		};
		return prefix + "5g00000" + ids.incrementAndGet();
	}

	private static void stamp(JsonObject record) {
		record.addProperty("SystemModstamp", OffsetDateTime.now(ZoneOffset.UTC).format(SF_DATETIME));
	}

	private synchronized Failure nextFailure() {
		return failures.poll();
	}

	@Override
	protected void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String body = read(exchange.getRequestBody());
			if (path.equals("/services/oauth2/token")) {
				token(exchange, body);
				return;
			}
			String auth = exchange.getRequestHeaders().getFirst("Authorization");
			if (validToken == null || auth == null || !auth.equals("Bearer " + validToken)) {
				respond(exchange, 401,
						"[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
				return;
			}
			long used = apiCalls.incrementAndGet();
			exchange.getResponseHeaders().add("Sforce-Limit-Info", "api-usage=" + used + "/" + dailyLimit);
			if (used > dailyLimit) {
				respond(exchange, 403,
						"[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
				return;
			}
			if (down) {
				respond(exchange, 503, "[{\"message\":\"Service unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");
				return;
			}
			Failure failure = nextFailure();
			if (failure != null && !failure.applyFirst()) {
				failure.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
				respond(exchange, failure.status(), failure.body());
				return;
			}
			Answer answer = route(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), body);
			if (failure != null) {
				sleep(failure.delay());
			}
			respond(exchange, answer.status(), answer.body());
		}
	}

	private record Answer(int status, String body) {
	}

	private Answer route(String method, String path, String rawQuery, String body) {
		Matcher many = UPSERT_MANY.matcher(path);
		if (method.equals("PATCH") && many.matches()) {
			JsonArray results = new JsonArray();
			for (JsonElement record : JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("records")) {
				JsonObject fields = record.getAsJsonObject().deepCopy();
				String type = fields.getAsJsonObject("attributes").get("type").getAsString();
				fields.remove("attributes");
				String externalId = fields.get(many.group(2)).getAsString();
				results.add(upsert(type, many.group(2), externalId, fields));
			}
			return new Answer(200, results.toString());
		}
		Matcher one = UPSERT_ONE.matcher(path);
		if (method.equals("PATCH") && one.matches()) {
			JsonObject result = upsert(one.group(1), one.group(2), one.group(3),
					JsonParser.parseString(body).getAsJsonObject());
			return new Answer(result.get("created").getAsBoolean() ? 201 : 200, result.toString());
		}
		if (method.equals("POST") && path.matches("/services/data/v[\\d.]+/composite")) {
			JsonArray responses = new JsonArray();
			for (JsonElement sub : JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("compositeRequest")) {
				JsonObject request = sub.getAsJsonObject();
				String url = request.get("url").getAsString();
				int q = url.indexOf('?');
				Answer answer = route(request.get("method").getAsString(), url.substring(0, q < 0 ? url.length() : q),
						q < 0 ? null : url.substring(q + 1), null);
				JsonObject response = new JsonObject();
				response.add("body", JsonParser.parseString(answer.body()));
				response.add("httpHeaders", new JsonObject());
				response.addProperty("httpStatusCode", answer.status());
				response.addProperty("referenceId", request.get("referenceId").getAsString());
				responses.add(response);
			}
			JsonObject composite = new JsonObject();
			composite.add("compositeResponse", responses);
			return new Answer(200, composite.toString());
		}
		if (method.equals("GET") && path.matches("/services/data/v[\\d.]+/query(/[^/]+)?")) {
			return query(path, rawQuery);
		}
		return new Answer(404, "[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]");
	}

	private JsonObject upsert(String object, String field, String externalId, JsonObject fields) {
		writes.computeIfAbsent(externalId, k -> new AtomicInteger()).incrementAndGet();
		JsonObject result = new JsonObject();
		if (fields.has("Id")) {
			result.addProperty("success", false);
			JsonArray errors = new JsonArray();
			JsonObject error = new JsonObject();
			error.addProperty("statusCode", "INVALID_FIELD");
			error.addProperty("message", "Id not allowed in an upsert by external id");
			errors.add(error);
			result.add("errors", errors);
			return result;
		}
		Map<String, JsonObject> records = objects.computeIfAbsent(object, o -> new ConcurrentHashMap<>());
		synchronized (records) {
			JsonObject existing = records.values()
				.stream()
				.filter(r -> r.has(field) && externalId.equals(r.get(field).getAsString()))
				.findFirst()
				.orElse(null);
			boolean created = existing == null;
			if (created) {
				existing = new JsonObject();
				existing.addProperty("Id", newId(object));
				existing.addProperty(field, externalId);
				records.put(existing.get("Id").getAsString(), existing);
			}
			for (Map.Entry<String, JsonElement> entry : fields.entrySet()) {
				existing.add(entry.getKey(), entry.getValue());
			}
			stamp(existing);
			result.addProperty("id", existing.get("Id").getAsString());
			result.addProperty("success", true);
			result.add("errors", new JsonArray());
			result.addProperty("created", created);
			return result;
		}
	}

	/**
	 * The SOQL the connector sends: which object, whether the external id is set, an
	 * optional {@code SystemModstamp >} bound; pages of two thousand records.
	 */
	private Answer query(String path, String rawQuery) {
		List<JsonObject> rows;
		int offset = 0;
		String soql;
		if (path.matches(".*/query/[^/]+")) {
			String[] cursor = path.substring(path.lastIndexOf('/') + 1).split("-");
			soql = new String(java.util.Base64.getUrlDecoder().decode(cursor[0]), StandardCharsets.UTF_8);
			offset = Integer.parseInt(cursor[1]);
		}
		else {
			soql = URLDecoder.decode(rawQuery.substring(rawQuery.indexOf("q=") + 2), StandardCharsets.UTF_8);
		}
		String object = soql.replaceAll("(?s).*\\bFROM (\\w+).*", "$1");
		Instant after = null;
		Matcher bound = AFTER.matcher(soql);
		if (bound.find()) {
			after = Instant.parse(bound.group(1));
		}
		rows = new ArrayList<>();
		for (JsonObject record : objects.getOrDefault(object, Map.of()).values()) {
			boolean hasExternal = record.has(EXTERNAL_ID) && !record.get(EXTERNAL_ID).isJsonNull();
			if (soql.contains(EXTERNAL_ID + " != null") && !hasExternal) {
				continue;
			}
			if (soql.contains(EXTERNAL_ID + " = null") && hasExternal) {
				continue;
			}
			if (soql.contains("IsClosed = true")
					&& !(record.has("IsClosed") && record.get("IsClosed").getAsBoolean())) {
				continue;
			}
			if (soql.contains("Type = 'Customer - Direct'")
					&& !(record.has("Type") && record.get("Type").getAsString().equals("Customer - Direct"))) {
				continue;
			}
			if (after != null && !OffsetDateTime.parse(record.get("SystemModstamp").getAsString(), SF_DATETIME)
				.toInstant()
				.isAfter(after)) {
				continue;
			}
			rows.add(record);
		}
		rows.sort(java.util.Comparator.comparing(r -> r.get("SystemModstamp").getAsString()));
		int pageSize = 2000;
		List<JsonObject> page = rows.subList(Math.min(offset, rows.size()), Math.min(offset + pageSize, rows.size()));
		JsonObject answer = new JsonObject();
		answer.addProperty("totalSize", rows.size());
		boolean done = offset + pageSize >= rows.size();
		answer.addProperty("done", done);
		if (!done) {
			String cursor = java.util.Base64.getUrlEncoder().encodeToString(soql.getBytes(StandardCharsets.UTF_8)) + "-"
					+ (offset + pageSize);
			answer.addProperty("nextRecordsUrl", path.replaceAll("/query(/[^/]+)?$", "/query/" + cursor));
		}
		JsonArray records = new JsonArray();
		for (JsonObject record : page) {
			JsonObject row = record.deepCopy();
			JsonObject attributes = new JsonObject();
			attributes.addProperty("type", object);
			attributes.addProperty("url",
					"/services/data/v62.0/sobjects/" + object + "/" + record.get("Id").getAsString());
			row.add("attributes", attributes);
			records.add(row);
		}
		answer.add("records", records);
		return new Answer(200, answer.toString());
	}

	private void token(HttpExchange exchange, String body) throws IOException {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
				|| !CLIENT_SECRET.equals(form.get("client_secret"))) {
			respond(exchange, 400,
					"{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}");
			return;
		}
		validToken = "00D5g000004" + tokensIssued.incrementAndGet() + "!token";
		JsonObject token = new JsonObject();
		token.addProperty("access_token", validToken);
		token.addProperty("signature", "c2lnbmF0dXJl");
		token.addProperty("instance_url", url());
		token.addProperty("id", url() + "/id/00D5g000004/0055g00000");
		token.addProperty("token_type", "Bearer");
		token.addProperty("issued_at", String.valueOf(System.currentTimeMillis()));
		respond(exchange, 200, token.toString());
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
		try {
			exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
		}
		catch (IOException ex) {
			// the caller gave up waiting (a timeout test): the write was applied all the
			// same
		}
	}

	private static String read(InputStream in) throws IOException {
		return new String(in.readAllBytes(), StandardCharsets.UTF_8);
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
