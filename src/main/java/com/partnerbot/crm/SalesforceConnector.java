package com.partnerbot.crm;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Salesforce through its REST API: an OAuth 2.0 client-credentials token, kept until a
 * call answers 401 and then fetched once more; registrations upserted by the external id
 * field that holds our id (one record per registration, a Lead or an Opportunity),
 * several at a time through sObject Collections; the changes read with SOQL, the three
 * queries in one composite request.
 */
@Component
@ConditionalOnProperty(name = "partnerbot.crm", havingValue = "salesforce")
@RequiredArgsConstructor
class SalesforceConnector implements CrmConnector {

	/** Salesforce's own limit for sObject Collections. */
	private static final int COLLECTION_SIZE = 200;

	private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

	/** Record errors that go away by themselves. */
	private static final Set<String> TRANSIENT_ERRORS = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE",
			"REQUEST_RUNNING_TOO_LONG", "QUERY_TIMEOUT");

	private static final DateTimeFormatter SOQL_DATETIME = DateTimeFormatter.ISO_INSTANT;

	private static final DateTimeFormatter SF_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private final SalesforceProperties sf;

	/** A pause this short is waited out in the middle of a batch. */
	private static final java.time.Duration SHORT_PAUSE = java.time.Duration.ofSeconds(15);

	private final CrmHttp http;

	private final CrmLimits limits;

	private volatile Token token;

	private record Token(String accessToken, String instanceUrl) {
	}

	@Override
	public String name() {
		return "salesforce";
	}

	@Override
	public int batchSize() {
		return COLLECTION_SIZE;
	}

	@Override
	public List<Written> upsert(List<CrmRecord> records) {
		if (records.size() == 1) {
			return List.of(upsertOne(records.get(0)));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("allOrNone", false);
		List<Map<String, Object>> sobjects = new ArrayList<>();
		for (CrmRecord record : records) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("attributes", Map.of("type", sf.objectName()));
			fields.put(sf.externalIdField(), record.registrationId().toString());
			fields.putAll(fields(record));
			sobjects.add(fields);
		}
		body.put("records", sobjects);
		CrmHttp.Answer answer = api("PATCH", "/composite/sobjects/" + sf.objectName() + "/" + sf.externalIdField(),
				body);
		if (!answer.ok()) {
			throw refused(answer);
		}
		// UpsertResults come in the order of the records
		List<Written> results = new ArrayList<>();
		for (int i = 0; i < records.size() && i < answer.body().size(); i++) {
			results.add(result(records.get(i).registrationId(), answer.body().get(i)));
		}
		return results;
	}

	private Written upsertOne(CrmRecord record) {
		CrmHttp.Answer answer = api("PATCH",
				"/sobjects/" + sf.objectName() + "/" + sf.externalIdField() + "/" + record.registrationId(),
				fields(record));
		// 201 created, 200 updated (API 46+), 204 updated (older versions, no body)
		if (answer.status() == 201 || answer.status() == 200 || answer.status() == 204) {
			return Written.ok(record.registrationId(), answer.body().path("id").asString(""));
		}
		CrmCallException refused = refused(answer);
		if (refused.kind() == CrmCallException.Kind.PERMANENT) {
			return Written.failed(record.registrationId(), refused.getMessage(), false);
		}
		throw refused;
	}

	private static Written result(UUID id, JsonNode result) {
		if (result.path("success").asBoolean(false)) {
			return Written.ok(id, result.path("id").asString(""));
		}
		JsonNode error = result.path("errors").path(0);
		String code = error.path("statusCode").asString("UNKNOWN");
		return Written.failed(id, code + ": " + error.path("message").asString(""), TRANSIENT_ERRORS.contains(code));
	}

	/** What the registration's record holds, in the org's field names. */
	Map<String, Object> fields(CrmRecord record) {
		Map<String, Object> fields = new LinkedHashMap<>();
		FieldMapping mapping = sf.mapping();
		String details = record.customerName() + ": " + String.join(", ", record.products()) + ", "
				+ record.amount().toPlainString() + " " + record.currency() + ", expected to close "
				+ record.expectedCloseDate() + ". Registered by " + record.partnerName() + " (" + record.reference()
				+ ").";
		if (sf.opportunities()) {
			mapping.put(fields, "name", record.title());
			mapping.put(fields, "closeDate", record.expectedCloseDate().toString());
			if (!record.known()) {
				// the sales team owns the stage and the amount once the record exists
				fields.put("StageName", sf.opportunityStage());
				mapping.put(fields, "amount", record.amount());
				mapping.put(fields, "currency", record.currency());
			}
		}
		else {
			mapping.put(fields, "customer", record.customerName());
			mapping.put(fields, "contact", record.customerName() + " (" + record.reference() + ")");
			fields.put("LeadSource", sf.leadSource());
			if (!record.known()) {
				mapping.put(fields, "currency", record.currency());
			}
		}
		mapping.put(fields, "website", record.customerDomain());
		mapping.put(fields, "description", details);
		record.registrationFields(null).forEach((ours, value) -> mapping.put(fields, ours, value));
		return fields;
	}

	@Override
	public Changes changesSince(Instant since) {
		String after = (since != null)
				? " AND SystemModstamp > " + SOQL_DATETIME.format(since.truncatedTo(ChronoUnit.SECONDS)) : "";
		String ext = sf.externalIdField();
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("outcomes", "SELECT Id, " + ext + ", IsWon, Amount, SystemModstamp FROM Opportunity WHERE " + ext
				+ " != null AND IsClosed = true" + after + " ORDER BY SystemModstamp");
		queries.put("opportunities",
				"SELECT Id, Account.Name, Account.Website, Owner.Name, IsClosed, SystemModstamp FROM Opportunity WHERE "
						+ ext + " = null" + after + " ORDER BY SystemModstamp");
		if (sf.directAccountFilter() != null && !sf.directAccountFilter().isBlank()) {
			queries.put("accounts", "SELECT Id, Name, Website, Owner.Name, SystemModstamp FROM Account WHERE ("
					+ sf.directAccountFilter() + ")" + after + " ORDER BY SystemModstamp");
		}
		long before = http.calls();
		List<Map<String, Object>> subrequests = new ArrayList<>();
		queries.forEach((reference, soql) -> subrequests
			.add(Map.of("method", "GET", "url", path("/query?q=" + encode(soql)), "referenceId", reference)));
		CrmHttp.Answer answer = api("POST", "/composite", Map.of("allOrNone", false, "compositeRequest", subrequests));
		if (!answer.ok()) {
			throw refused(answer);
		}
		List<Outcome> outcomes = new ArrayList<>();
		List<DirectEntry> direct = new ArrayList<>();
		Instant watermark = null;
		for (JsonNode response : answer.body().path("compositeResponse")) {
			String reference = response.path("referenceId").asString("");
			if (response.path("httpStatusCode").asInt() != 200) {
				throw new CrmCallException(CrmCallException.Kind.PERMANENT,
						"query " + reference + ": " + errors(response.path("body")));
			}
			JsonNode page = response.path("body");
			while (true) {
				for (JsonNode row : page.path("records")) {
					Instant modified = modstamp(row);
					watermark = (watermark == null || (modified != null && modified.isAfter(watermark))) ? modified
							: watermark;
					switch (reference) {
						case "outcomes" -> outcome(row, ext).ifPresent(outcomes::add);
						case "opportunities" ->
							direct.add(new DirectEntry("salesforce:Opportunity:" + row.path("Id").asString(),
									row.path("Account").path("Name").asString(""),
									row.path("Account").path("Website").asString(null),
									row.path("Owner").path("Name").asString(null),
									!row.path("IsClosed").asBoolean(false), false));
						default -> direct.add(new DirectEntry("salesforce:Account:" + row.path("Id").asString(),
								row.path("Name").asString(""), row.path("Website").asString(null),
								row.path("Owner").path("Name").asString(null), true, true));
					}
				}
				if (page.path("done").asBoolean(true) || page.path("nextRecordsUrl").asString("").isEmpty()) {
					break;
				}
				CrmHttp.Answer next = call("GET", page.path("nextRecordsUrl").asString(), null);
				if (!next.ok()) {
					throw refused(next);
				}
				page = next.body();
			}
		}
		return new Changes(outcomes, direct, watermark, (int) (http.calls() - before));
	}

	private static java.util.Optional<Outcome> outcome(JsonNode row, String ext) {
		try {
			UUID id = UUID.fromString(row.path(ext).asString(""));
			BigDecimal amount = row.path("Amount").isNumber() ? row.path("Amount").decimalValue() : null;
			return java.util.Optional.of(new Outcome(id, row.path("IsWon").asBoolean(false), amount));
		}
		catch (IllegalArgumentException ex) {
			// an id someone typed by hand: not one of ours
			return java.util.Optional.empty();
		}
	}

	private static Instant modstamp(JsonNode row) {
		String value = row.path("SystemModstamp").asString("");
		if (value.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value, SF_DATETIME).toInstant();
		}
		catch (RuntimeException ex) {
			return OffsetDateTime.parse(value).toInstant();
		}
	}

	/** A REST call under {@code /services/data/vXX.X}. */
	private CrmHttp.Answer api(String method, String path, Object body) {
		return call(method, path(path), body);
	}

	private String path(String path) {
		return "/services/data/" + sf.apiVersion() + path;
	}

	/**
	 * A call with the cached token; a 401 fetches a fresh token and tries once more.
	 */
	private CrmHttp.Answer call(String method, String path, Object body) {
		limits.awaitOpen(SHORT_PAUSE);
		Token current = token();
		CrmHttp.Answer answer = http.send(method, URI.create(current.instanceUrl() + path), body,
				"Bearer " + current.accessToken());
		if (answer.status() == 401) {
			token = null;
			current = token();
			answer = http.send(method, URI.create(current.instanceUrl() + path), body,
					"Bearer " + current.accessToken());
			if (answer.status() == 401) {
				throw new CrmCallException(CrmCallException.Kind.AUTH,
						"Salesforce refused a fresh token: " + errors(answer.body()));
			}
		}
		answer.response().headers().firstValue("Sforce-Limit-Info").ifPresent(info -> {
			Matcher usage = API_USAGE.matcher(info);
			if (usage.find()) {
				long used = Long.parseLong(usage.group(1));
				long max = Long.parseLong(usage.group(2));
				limits.observeDaily(max - used, max);
			}
		});
		return answer;
	}

	private Token token() {
		Token current = token;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (token == null) {
				if (sf.base().isEmpty() || sf.clientId() == null || sf.clientSecret() == null) {
					throw new CrmCallException(CrmCallException.Kind.AUTH,
							"SALESFORCE_URL, SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET must all be set");
				}
				CrmHttp.Answer answer = http.sendForm(URI.create(sf.base() + "/services/oauth2/token"),
						"grant_type=client_credentials&client_id=" + encode(sf.clientId()) + "&client_secret="
								+ encode(sf.clientSecret()));
				String access = answer.body().path("access_token").asString("");
				if (!answer.ok() || access.isEmpty()) {
					throw new CrmCallException(CrmCallException.Kind.AUTH,
							"Salesforce token request answered " + answer.status() + ": "
									+ answer.body().path("error").asString("") + " "
									+ answer.body().path("error_description").asString(""));
				}
				String instance = answer.body().path("instance_url").asString("");
				token = new Token(access, instance.isEmpty() ? sf.base() : instance.replaceAll("/+$", ""));
			}
			return token;
		}
	}

	/**
	 * A refusal as Salesforce words it: a JSON array of {@code errorCode} and
	 * {@code message}.
	 */
	private CrmCallException refused(CrmHttp.Answer answer) {
		String errors = errors(answer.body());
		if (errors.contains("REQUEST_LIMIT_EXCEEDED")) {
			return new CrmCallException(CrmCallException.Kind.DAILY_LIMIT, "Salesforce: " + errors);
		}
		return new CrmCallException(CrmCallException.Kind.PERMANENT,
				"Salesforce answered " + answer.status() + ": " + errors);
	}

	private static String errors(JsonNode body) {
		List<String> errors = new ArrayList<>();
		for (JsonNode error : body.isArray() ? body : List.of(body)) {
			String code = error.path("errorCode").asString("");
			String message = error.path("message").asString("");
			if (!code.isEmpty() || !message.isEmpty()) {
				errors.add(code + ": " + message);
			}
		}
		return errors.isEmpty() ? CrmHttp.brief(body.toString()) : String.join("; ", errors);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
