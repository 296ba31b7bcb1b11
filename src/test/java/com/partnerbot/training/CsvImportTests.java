package com.partnerbot.training;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.TestClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class CsvImportTests extends EndToEndTests {

	private static final String CSP = "Certified Sales Professional";

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private TrainingManagement training;

	/** Posts a CSV file to the import endpoint as an admin. */
	private HttpResponse<String> importCsv(String csv) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/training/completions/import"))
			.header("Content-Type", "text/csv; charset=UTF-8")
			.header("Authorization", "Bearer " + EndToEndTests.ADMIN_TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Each completion of a partner as "person course completedOn source role". */
	private List<String> completions(String partnerId) {
		HttpResponse<String> response = api("GET", "/api/training/completions?partnerId=" + partnerId, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> completions = new ArrayList<>();
		for (JsonElement element : JsonParser.parseString(response.body()).getAsJsonArray()) {
			JsonObject c = element.getAsJsonObject();
			assertThat(c.get("partnerId").getAsString()).isEqualTo(partnerId);
			completions.add(String.join(" ", c.get("person").getAsString(), c.get("courseCode").getAsString(),
					c.get("completedOn").getAsString(), c.get("source").getAsString(), c.get("role").getAsString()));
		}
		return completions;
	}

	private static List<String> errors(JsonObject report) {
		List<String> errors = new ArrayList<>();
		for (JsonElement element : report.getAsJsonArray("errors")) {
			JsonObject error = element.getAsJsonObject();
			errors.add(error.get("line").getAsInt() + ": " + error.get("reason").getAsString());
		}
		return errors;
	}

	@Test
	void importsTheGoodRowsAndReportsEachBadRowByItsLine() {
		String acmeName = unique("Acme ");
		String acme = registerPartner(acmeName, "Silver", unique("TA"));
		String globexName = unique("Globex, Inc ");
		String globex = registerPartner(globexName, "Gold", unique("TG"));
		String stranger = unique("Acme ");
		LocalDate done = TestClock.today().minusDays(30);
		LocalDate tomorrow = TestClock.today().plusDays(1);
		// line 1 is the header, with the columns in another order and case; line 2 names
		// the partner by id and the course by code; line 3 by name and title, in other
		// cases, with no role field; line 4 repeats line 2; lines 5 to 10 are bad, 7 is
		// blank; line 11 quotes a partner name with a comma
		String csv = "\uFEFF" + """
				Person,Partner,Course,Completed_On,Role
				jane@acme.example,%1$s,csp-exam,%3$s,
				Joe@Acme.example,%2$s,certified sales professional exam,%3$s
				JANE@acme.example,%1$s,CSP-EXAM,%4$s,sales
				bob@acme.example,%5$s,csp-exam,%3$s,
				bob@acme.example,%1$s,csp-exam,2026-13-01,

				bob@acme.example,%1$s,XYZ,%3$s,
				bob@acme.example,%1$s,csp-exam,%6$s,
				,%1$s,csp-exam,%3$s,
				"ann@globex.example","%7$s",Selling Data Pipeline,%3$s,Sales
				"""
			.formatted(acme, acmeName.toUpperCase(Locale.ROOT), done, done.plusDays(1), stranger, tomorrow, globexName)
			.replace("\n", "\r\n");

		HttpResponse<String> response = importCsv(csv);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonObject report = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(errors(report)).containsExactly("5: unknown partner '" + stranger + "'",
				"6: completed_on '2026-13-01' is not a date (YYYY-MM-DD)", "8: unknown course 'XYZ'",
				"9: completed_on is in the future", "10: missing person");
		assertThat(report.get("rows").getAsInt()).isEqualTo(9);
		assertThat(report.get("imported").getAsInt()).isEqualTo(3);
		assertThat(report.get("duplicates").getAsInt()).isEqualTo(1);

		assertThat(completions(acme)).containsExactlyInAnyOrder("jane@acme.example csp-exam " + done + " csv sales",
				"joe@acme.example csp-exam " + done + " csv sales");
		assertThat(completions(globex))
			.containsExactly("ann@globex.example selling-data-pipeline " + done + " csv sales");

		// importing the same file again adds nothing
		JsonObject again = JsonParser.parseString(importCsv(csv).body()).getAsJsonObject();
		assertThat(again.get("imported").getAsInt()).isZero();
		assertThat(again.get("duplicates").getAsInt()).isEqualTo(4);
		assertThat(again.getAsJsonArray("errors")).hasSize(5);
		assertThat(completions(acme)).hasSize(2);
	}

	@Test
	void aFileWithoutARequiredColumnImportsNothing() {
		String acme = registerPartner(unique("Acme "), "Silver", unique("TA"));
		HttpResponse<String> response = importCsv(
				"partner,person,completed_on\n" + acme + ",jane@acme.example," + TestClock.today().minusDays(1) + "\n");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonObject report = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(report.get("rows").getAsInt()).isZero();
		assertThat(report.get("imported").getAsInt()).isZero();
		assertThat(report.get("duplicates").getAsInt()).isZero();
		JsonArray errors = report.getAsJsonArray("errors");
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).getAsJsonObject().get("line").getAsInt()).isEqualTo(1);
		assertThat(errors.get(0).getAsJsonObject().get("reason").getAsString()).startsWith("missing column course");
		assertThat(completions(acme)).isEmpty();

		JsonObject empty = JsonParser.parseString(importCsv("").body()).getAsJsonObject();
		assertThat(empty.get("imported").getAsInt()).isZero();
		assertThat(empty.getAsJsonArray("errors")).hasSize(1);
	}

	@Test
	void anLmsRecordsACompletionOnce() {
		String acme = registerPartner(unique("Acme "), "Silver", unique("TA"));
		LocalDate done = TestClock.today().minusDays(3);

		HttpResponse<String> created = api("POST", "/api/training/completions", """
				{"partnerId": "%s", "person": " U0JANE ", "courseCode": "Analytics-Suite-Fundamentals",
				 "completedOn": "%s"}""".formatted(acme, done));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonObject completion = JsonParser.parseString(created.body()).getAsJsonObject();
		assertThat(completion.get("person").getAsString()).isEqualTo("U0JANE");
		assertThat(completion.get("courseCode").getAsString()).isEqualTo("analytics-suite-fundamentals");
		assertThat(completion.get("role").getAsString()).isEqualTo("engineer");
		assertThat(completion.get("source").getAsString()).isEqualTo("api");
		assertThat(completion.get("completedOn").getAsString()).isEqualTo(done.toString());

		HttpResponse<String> repeated = api("POST", "/api/training/completions", """
				{"partnerId": "%s", "person": "U0JANE", "courseCode": "analytics-suite-fundamentals",
				 "completedOn": "%s", "role": "any"}""".formatted(acme, done.minusDays(1)));
		assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
		JsonObject same = JsonParser.parseString(repeated.body()).getAsJsonObject();
		assertThat(same.get("id").getAsString()).isEqualTo(completion.get("id").getAsString());
		assertThat(same.get("completedOn").getAsString()).isEqualTo(done.toString());
		assertThat(completions(acme)).containsExactly("U0JANE analytics-suite-fundamentals " + done + " api engineer");
	}

	@Test
	void theApiNamesEachWrongField() {
		String acme = registerPartner(unique("Acme "), "Silver", unique("TA"));

		HttpResponse<String> wrong = api("POST", "/api/training/completions", """
				{"partnerId": "%s", "person": " ", "courseCode": "no-such-course", "completedOn": "%s",
				 "role": "boss"}""".formatted(UUID.randomUUID(), TestClock.today().plusDays(1)));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("\"field\":\"partnerId\"", "\"field\":\"person\"", "\"field\":\"courseCode\"",
				"\"field\":\"completedOn\"", "\"field\":\"role\"");

		HttpResponse<String> missing = api("POST", "/api/training/completions", "{}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("\"field\":\"partnerId\"", "\"field\":\"person\"",
				"\"field\":\"courseCode\"", "\"field\":\"completedOn\"");

		HttpResponse<String> longPerson = api("POST", "/api/training/completions", """
				{"partnerId": "%s", "person": "%s", "courseCode": "csp-exam", "completedOn": "%s"}""".formatted(acme,
				"x".repeat(201), TestClock.today()));
		assertThat(longPerson.statusCode()).isEqualTo(400);
		assertThat(longPerson.body()).contains("\"field\":\"person\"").doesNotContain("\"field\":\"partnerId\"");

		HttpResponse<String> badDate = api("POST", "/api/training/completions", """
				{"partnerId": "%s", "person": "jane@acme.example", "courseCode": "csp-exam",
				 "completedOn": "31/12/2025"}""".formatted(acme));
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(badDate.body()).contains("\"field\":\"completedOn\"");

		assertThat(api("GET", "/api/training/completions", null).statusCode()).isEqualTo(400);
		assertThat(api("GET", "/api/training/completions?partnerId=x", null).statusCode()).isEqualTo(400);
		assertThat(api("GET", "/api/training/completions?partnerId=" + UUID.randomUUID(), null).statusCode())
			.isEqualTo(404);
		assertThat(completions(acme)).isEmpty();
	}

	@Test
	void certifiedPeopleCountsDistinctPersonsWithACurrentCertification() {
		LocalDate done = TestClock.today().minusDays(10);
		UUID acme = UUID.fromString(registerPartner(unique("Acme "), "Silver", unique("TA")));
		training.record(new NewCompletion(acme, "jane@acme.example", null, "csp-exam", done), "api");
		training.record(new NewCompletion(acme, "joe@acme.example", "sales", "csp-exam", done), "csv");
		training.record(new NewCompletion(acme, "joe@acme.example", null, "sales-essentials", done), "api");
		training.record(new NewCompletion(acme, "U0ENG", null, "analytics-suite-fundamentals", done), "api");

		assertThat(training.certifiedPeople(acme)).containsEntry(CSP, 2)
			.containsEntry("Secure Gateway Deployment Specialist", 0)
			.hasSize(4);
		assertThat(training.certificationHolders(acme).get(CSP)).containsExactlyInAnyOrder("jane@acme.example",
				"joe@acme.example");
		assertThat(training.completedCourses(acme)).containsExactlyInAnyOrder("csp-exam", "sales-essentials",
				"analytics-suite-fundamentals");

		UUID solo = UUID.fromString(registerPartner(unique("Solo "), "Silver", unique("TS")));
		training.record(new NewCompletion(solo, "Sam@Solo.example", null, "csp-exam", done), "api");
		training.record(new NewCompletion(solo, "sam@solo.example", null, "csp-exam", done.minusDays(5)), "csv");
		assertThat(training.certifiedPeople(solo)).containsEntry(CSP, 1);
		assertThat(training.completions(solo)).hasSize(1);

		// a certification lapses two years after the exam
		UUID lapsed = UUID.fromString(registerPartner(unique("Lapsed "), "Silver", unique("TL")));
		training.record(new NewCompletion(lapsed, "old@lapsed.example", null, "csp-exam",
				TestClock.today().minusYears(2).minusDays(1)), "api");
		assertThat(training.certifiedPeople(lapsed)).containsEntry(CSP, 0);
		assertThat(training.completedCourses(lapsed)).containsExactly("csp-exam");
	}

	@Test
	void theCatalogueHasEachCertificationOnce() {
		HttpResponse<String> response = api("GET", "/api/training/courses", null);
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> certifications = new ArrayList<>();
		for (JsonElement element : JsonParser.parseString(response.body()).getAsJsonArray()) {
			JsonObject course = element.getAsJsonObject();
			assertThat(course.get("link").getAsString())
				.isEqualTo("https://academy.northwind.example/courses/" + course.get("code").getAsString());
			assertThat(course.get("description").getAsString()).isNotBlank();
			if (course.has("certification") && !course.get("certification").isJsonNull()) {
				certifications.add(course.get("certification").getAsString());
			}
		}
		assertThat(certifications).containsExactlyInAnyOrder(CSP, "Certified Solutions Engineer \u2013 Analytics Suite",
				"Certified Solutions Engineer \u2013 Data Pipeline", "Secure Gateway Deployment Specialist");
		assertThat(training.course("CSP-EXAM")).hasValueSatisfying(course -> {
			assertThat(course.certification()).isEqualTo(CSP);
			assertThat(course.durationMinutes()).isEqualTo(60);
			assertThat(course.role()).isEqualTo("sales");
		});
		assertThat(training.course("no-such-course")).isEmpty();
	}

}
