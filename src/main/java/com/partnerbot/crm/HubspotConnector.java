package com.partnerbot.crm;

import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * HubSpot through its CRM objects API with a private app's token: each registration is a
 * deal in the configured pipeline, upserted in batches by a unique property holding our
 * id, and associated with the customer's company, found by its domain or created. Uses
 * the date-versioned paths and falls back to the numbered ones when an account does not
 * serve them. Changes are read with the search API, which returns at most 10,000 results
 * a query: a longer read goes on from the last modification seen.
 */
@Component
@ConditionalOnProperty(name = "partnerbot.crm", havingValue = "hubspot")
@RequiredArgsConstructor
class HubspotConnector implements CrmConnector {

	/** HubSpot's limit for batch inputs. */
	private static final int BATCH_SIZE = 100;

	/** The search API's page size and its cap on results per query. */
	private static final int SEARCH_PAGE = 200;

	private static final int SEARCH_CAP = 10_000;

	/** The search API takes five requests a second per account. */
	private static final long SEARCH_INTERVAL_MILLIS = 220;

	private final HubspotProperties hubspot;

	/** A pause this short is waited out in the middle of a batch. */
	private static final java.time.Duration SHORT_PAUSE = java.time.Duration.ofSeconds(15);

	private final CrmHttp http;

	private final CrmLimits limits;

	private final CrmOutbox outbox;

	private volatile boolean numbered;

	private long lastSearch;

	@Override
	public String name() {
		return "hubspot";
	}

	@Override
	public int batchSize() {
		return BATCH_SIZE;
	}

	@Override
	public List<Written> upsert(List<CrmRecord> records) {
		Map<String, String> companies = companies(records);
		List<Map<String, Object>> inputs = new ArrayList<>();
		for (CrmRecord record : records) {
			inputs.add(Map.of("idProperty", hubspot.idProperty(), "id", record.registrationId().toString(),
					"properties", properties(record)));
		}
		CrmHttp.Answer answer = objects("POST", "deals", "/batch/upsert", Map.of("inputs", inputs));
		if (answer.status() != 200 && answer.status() != 207) {
			throw refused(answer);
		}
		Map<UUID, CrmRecord> byId = new LinkedHashMap<>();
		records.forEach(record -> byId.put(record.registrationId(), record));
		List<Written> results = new ArrayList<>();
		List<Map<String, Object>> associations = new ArrayList<>();
		List<String[]> associated = new ArrayList<>();
		for (JsonNode result : answer.body().path("results")) {
			UUID id = uuid(result.path("properties").path(hubspot.idProperty()).asString(""));
			CrmRecord record = (id != null) ? byId.remove(id) : null;
			if (record == null) {
				continue;
			}
			String dealId = result.path("id").asString("");
			results.add(Written.ok(id, dealId));
			String companyId = (record.customerDomain() != null) ? companies.get(record.customerDomain()) : null;
			if (companyId != null && !companyId.equals(outbox.associatedCompany(name(), id))) {
				associations.add(Map.of("from", Map.of("id", dealId), "to", Map.of("id", companyId)));
				associated.add(new String[] { id.toString(), dealId, companyId });
			}
		}
		for (JsonNode error : answer.body().path("errors")) {
			String message = error.path("category").asString("") + ": " + error.path("message").asString("");
			for (JsonNode value : error.path("context").path("ids")) {
				UUID id = uuid(value.asString(""));
				if (id != null && byId.remove(id) != null) {
					results.add(Written.failed(id, message, false));
				}
			}
		}
		if (!associations.isEmpty()) {
			CrmHttp.Answer linked = associate(Map.of("inputs", associations));
			if (!linked.ok()) {
				throw refused(linked);
			}
			associated.forEach(a -> outbox.associated(name(), UUID.fromString(a[0]), a[1], a[2]));
		}
		// records the answer says nothing of are tried again by the outbox
		return results;
	}

	/** The company of each customer domain: known, found by domain, or created. */
	private Map<String, String> companies(List<CrmRecord> records) {
		Map<String, String> companies = new HashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (CrmRecord record : records) {
			String domain = record.customerDomain();
			if (domain == null || companies.containsKey(domain)) {
				continue;
			}
			String known = outbox.companyId(name(), domain);
			if (known != null) {
				companies.put(domain, known);
			}
			else {
				names.putIfAbsent(domain, record.customerName());
			}
		}
		if (names.isEmpty()) {
			return companies;
		}
		CrmHttp.Answer found = search("companies", Map.of("filterGroups", List.of(Map.of("filters",
				List.of(Map.of("propertyName", "domain", "operator", "IN", "values", List.copyOf(names.keySet()))))),
				"properties", List.of("domain", "name"), "limit", BATCH_SIZE));
		for (JsonNode company : found.body().path("results")) {
			String domain = company.path("properties").path("domain").asString("").toLowerCase(Locale.ROOT);
			if (names.remove(domain) != null) {
				companies.put(domain, company.path("id").asString());
				outbox.rememberCompany(name(), domain, company.path("id").asString());
			}
		}
		if (!names.isEmpty()) {
			List<Map<String, Object>> inputs = new ArrayList<>();
			names.forEach((domain, name) -> inputs.add(Map.of("properties", Map.of("domain", domain, "name", name))));
			CrmHttp.Answer created = objects("POST", "companies", "/batch/create", Map.of("inputs", inputs));
			if (!created.ok()) {
				throw refused(created);
			}
			for (JsonNode company : created.body().path("results")) {
				String domain = company.path("properties").path("domain").asString("").toLowerCase(Locale.ROOT);
				companies.put(domain, company.path("id").asString());
				outbox.rememberCompany(name(), domain, company.path("id").asString());
			}
		}
		return companies;
	}

	/** What the registration's deal holds, in the account's property names. */
	Map<String, Object> properties(CrmRecord record) {
		Map<String, Object> properties = new LinkedHashMap<>();
		FieldMapping mapping = hubspot.mapping();
		properties.put("dealname", record.title());
		properties.put("closedate",
				record.expectedCloseDate().atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC).toString());
		if (!record.known()) {
			// the sales team owns the stage and the amount once the deal exists
			properties.put("pipeline", hubspot.pipeline());
			properties.put("dealstage", hubspot.stage());
			properties.put("amount", record.amount().toPlainString());
			// the currency only where an admin maps it: an account without multi-currency
			// refuses a code it does not use
			mapping.put(properties, "currency", record.currency());
		}
		mapping.put(properties, "description", record.customerName() + ": " + String.join(", ", record.products())
				+ ". Registered by " + record.partnerName() + " (" + record.reference() + ").");
		record.registrationFields("").forEach((ours, value) -> mapping.put(properties, ours, value));
		return properties;
	}

	@Override
	public Changes changesSince(Instant since) {
		long before = http.calls();
		List<Outcome> outcomes = new ArrayList<>();
		List<DirectEntry> direct = new ArrayList<>();
		Instant[] watermark = { null };
		Consumer<JsonNode> seen = row -> {
			Instant modified = instant(row.path("properties").path("hs_lastmodifieddate").asString(""));
			if (modified != null && (watermark[0] == null || modified.isAfter(watermark[0]))) {
				watermark[0] = modified;
			}
		};
		String id = hubspot.idProperty();
		searchAll("deals", since, List.of(filter(id, "HAS_PROPERTY", null), filter("hs_is_closed", "EQ", "true")),
				List.of(id, "hs_is_closed_won", "amount", "hs_lastmodifieddate"), row -> {
					seen.accept(row);
					UUID registration = uuid(row.path("properties").path(id).asString(""));
					if (registration != null) {
						String amount = row.path("properties").path("amount").asString("");
						outcomes.add(new Outcome(registration,
								row.path("properties").path("hs_is_closed_won").asString("").equals("true"),
								amount.isBlank() ? null : new java.math.BigDecimal(amount)));
					}
				});
		if (hubspot.directCompanyProperty() != null && !hubspot.directCompanyProperty().isBlank()) {
			searchAll("companies", since,
					List.of(filter(hubspot.directCompanyProperty(), "EQ", hubspot.directCompanyValue())),
					List.of("name", "domain", "hubspot_owner_id", "hs_lastmodifieddate"), row -> {
						seen.accept(row);
						direct.add(new DirectEntry("hubspot:company:" + row.path("id").asString(),
								row.path("properties").path("name").asString(""),
								row.path("properties").path("domain").asString(null),
								row.path("properties").path("hubspot_owner_id").asString(null), true, true));
					});
		}
		Map<String, Boolean> directDeals = new LinkedHashMap<>();
		searchAll("deals", since, List.of(filter(id, "NOT_HAS_PROPERTY", null)),
				List.of("dealname", "hs_is_closed", "hubspot_owner_id", "hs_lastmodifieddate"), row -> {
					seen.accept(row);
					directDeals.put(row.path("id").asString(),
							!row.path("properties").path("hs_is_closed").asString("").equals("true"));
				});
		directDeals.forEach((deal, open) -> {
			if (!open) {
				direct.add(new DirectEntry("hubspot:deal:" + deal, "", null, null, false, false));
			}
		});
		direct.addAll(openDealCompanies(
				directDeals.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList()));
		return new Changes(outcomes, direct, watermark[0], (int) (http.calls() - before));
	}

	/** The companies of the direct team's open deals, as direct entries keyed by deal. */
	private List<DirectEntry> openDealCompanies(List<String> deals) {
		List<DirectEntry> entries = new ArrayList<>();
		for (int from = 0; from < deals.size(); from += BATCH_SIZE) {
			List<String> chunk = deals.subList(from, Math.min(deals.size(), from + BATCH_SIZE));
			CrmHttp.Answer links = associations("/deals/companies/batch/read",
					Map.of("inputs", chunk.stream().map(d -> Map.of("id", d)).toList()));
			if (!links.ok()) {
				throw refused(links);
			}
			Map<String, String> companyOf = new LinkedHashMap<>();
			for (JsonNode link : links.body().path("results")) {
				JsonNode to = link.path("to").path(0);
				if (!to.isMissingNode()) {
					companyOf.put(link.path("from").path("id").asString(), to.path("toObjectId").asString());
				}
			}
			if (companyOf.isEmpty()) {
				continue;
			}
			Set<String> companyIds = new LinkedHashSet<>(companyOf.values());
			CrmHttp.Answer companies = objects("POST", "companies", "/batch/read",
					Map.of("properties", List.of("name", "domain", "hubspot_owner_id"), "inputs",
							companyIds.stream().map(c -> Map.of("id", c)).toList()));
			if (!companies.ok()) {
				throw refused(companies);
			}
			Map<String, JsonNode> byId = new HashMap<>();
			companies.body().path("results").forEach(c -> byId.put(c.path("id").asString(), c.path("properties")));
			companyOf.forEach((deal, company) -> {
				JsonNode properties = byId.get(company);
				if (properties != null) {
					entries.add(new DirectEntry("hubspot:deal:" + deal, properties.path("name").asString(""),
							properties.path("domain").asString(null),
							properties.path("hubspot_owner_id").asString(null), true, false));
				}
			});
		}
		return entries;
	}

	private static Map<String, Object> filter(String property, String operator, String value) {
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("propertyName", property);
		filter.put("operator", operator);
		if (value != null) {
			filter.put("value", value);
		}
		return filter;
	}

	/**
	 * Every record modified since, oldest first, across the search API's 10,000-result
	 * cap.
	 */
	private void searchAll(String type, Instant since, List<Map<String, Object>> filters, List<String> properties,
			Consumer<JsonNode> each) {
		Instant from = since;
		while (true) {
			List<Map<String, Object>> all = new ArrayList<>(filters);
			if (from != null) {
				all.add(filter("hs_lastmodifieddate", "GTE", String.valueOf(from.toEpochMilli())));
			}
			String after = null;
			int read = 0;
			Instant last = null;
			while (true) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("filterGroups", List.of(Map.of("filters", all)));
				body.put("properties", properties);
				body.put("sorts", List.of(Map.of("propertyName", "hs_lastmodifieddate", "direction", "ASCENDING")));
				body.put("limit", SEARCH_PAGE);
				if (after != null) {
					body.put("after", after);
				}
				JsonNode page = search(type, body).body();
				for (JsonNode row : page.path("results")) {
					each.accept(row);
					last = instant(row.path("properties").path("hs_lastmodifieddate").asString(""));
					read++;
				}
				after = page.path("paging").path("next").path("after").asString(null);
				if (after == null || read >= SEARCH_CAP) {
					break;
				}
			}
			if (after == null || last == null || last.equals(from)) {
				return;
			}
			// the cap was reached: go on from the last modification seen (records seen
			// twice are applied twice, which changes nothing)
			from = last;
		}
	}

	private CrmHttp.Answer search(String type, Object body) {
		synchronized (this) {
			long wait = lastSearch + SEARCH_INTERVAL_MILLIS - System.currentTimeMillis();
			if (wait > 0) {
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			lastSearch = System.currentTimeMillis();
		}
		CrmHttp.Answer answer = objects("POST", type, "/search", body);
		if (!answer.ok()) {
			throw refused(answer);
		}
		return answer;
	}

	/**
	 * A CRM objects call, on the date-versioned path unless the account does not serve
	 * it.
	 */
	private CrmHttp.Answer objects(String method, String type, String suffix, Object body) {
		if (!numbered) {
			CrmHttp.Answer answer = call(method, "/crm/objects/" + hubspot.apiVersion() + "/" + type + suffix, body);
			if (answer.status() != 404 || answer.body().path("category").asString("").equals("OBJECT_NOT_FOUND")) {
				return answer;
			}
			numbered = true;
		}
		return call(method, "/crm/v3/objects/" + type + suffix, body);
	}

	private CrmHttp.Answer associate(Object body) {
		return associations("/deals/companies/batch/associate/default", body);
	}

	private CrmHttp.Answer associations(String suffix, Object body) {
		if (!numbered) {
			CrmHttp.Answer answer = call("POST", "/crm/associations/" + hubspot.apiVersion() + suffix, body);
			if (answer.status() != 404) {
				return answer;
			}
			numbered = true;
		}
		return call("POST", "/crm/v4/associations" + suffix, body);
	}

	private CrmHttp.Answer call(String method, String path, Object body) {
		if (hubspot.accessToken() == null || hubspot.accessToken().isBlank()) {
			throw new CrmCallException(CrmCallException.Kind.AUTH, "HUBSPOT_ACCESS_TOKEN is not set");
		}
		limits.awaitOpen(SHORT_PAUSE);
		CrmHttp.Answer answer = http.send(method, URI.create(hubspot.base() + path), body,
				"Bearer " + hubspot.accessToken());
		String remaining = answer.header("X-HubSpot-RateLimit-Daily-Remaining");
		String daily = answer.header("X-HubSpot-RateLimit-Daily");
		if (remaining != null && daily != null) {
			try {
				limits.observeDaily(Long.parseLong(remaining.strip()), Long.parseLong(daily.strip()));
			}
			catch (NumberFormatException ex) {
				// a header we do not understand says nothing of the allowance
			}
		}
		String windowRemaining = answer.header("X-HubSpot-RateLimit-Remaining");
		String window = answer.header("X-HubSpot-RateLimit-Interval-Milliseconds");
		if (windowRemaining != null && window != null && windowRemaining.strip().equals("0")
				&& window.strip().matches("\\d{1,9}")) {
			// the next call would be refused: wait out the window instead of spending a
			// 429
			limits.pause(java.time.Duration.ofMillis(Long.parseLong(window.strip())),
					"HubSpot's per-window allowance is used up");
		}
		if (answer.status() == 401 || answer.status() == 403) {
			throw new CrmCallException(CrmCallException.Kind.AUTH, "HubSpot answered " + answer.status() + ": "
					+ answer.body().path("message").asString(CrmHttp.brief(answer.response().body())));
		}
		return answer;
	}

	private static CrmCallException refused(CrmHttp.Answer answer) {
		return new CrmCallException(CrmCallException.Kind.PERMANENT,
				"HubSpot answered " + answer.status() + ": " + answer.body().path("category").asString("") + " "
						+ answer.body().path("message").asString(CrmHttp.brief(answer.response().body())));
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Instant instant(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (RuntimeException ex) {
			try {
				return Instant.ofEpochMilli(Long.parseLong(value));
			}
			catch (NumberFormatException notMillis) {
				return null;
			}
		}
	}

}
