package com.partnerbot.training;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.platform.ApiError;
import com.partnerbot.platform.InvalidInputException;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The training module's API: the Northwind Academy course catalogue, and the courses
 * partners' people have completed, reported one at a time by the academy's LMS or
 * imported from a CSV file, with the certifications they hold.
 */
@Service
@RequiredArgsConstructor
public class TrainingManagement {

	static final int MAX_IMPORT_ROWS = 50_000;

	static final int MAX_PERSON_LENGTH = 200;

	static final List<String> ROLES = List.of("sales", "engineer", "any");

	/** Certifications are valid for two years from the exam, then stop counting. */
	static final int CERTIFICATION_YEARS = 2;

	private static final List<String> SOURCES = List.of("api", "csv");

	private static final List<String> REQUIRED_COLUMNS = List.of("partner", "person", "course", "completed_on");

	private static final Logger log = LoggerFactory.getLogger(TrainingManagement.class);

	private final Courses courses;

	private final Completions completions;

	private final PartnerManagement partners;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	/** The courses on offer, in learning-path order; retired ones are left out. */
	public List<Course> catalogue() {
		return courses.findAll().stream().filter(Courses.Listing::active).map(Courses.Listing::course).toList();
	}

	/**
	 * A course by its code, ignoring case; retired courses too, since older completions
	 * name them.
	 */
	public Optional<Course> course(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return courses.find(code.strip()).map(Courses.Listing::course);
	}

	/**
	 * Records that a person of a partner completed a course. Reporting the same partner,
	 * person and course again is no error: it returns the completion recorded first,
	 * unchanged. E-mail addresses are kept in lower case.
	 * @param completion what was completed; a {@code null} role is the course's
	 * @param source how it arrives: {@code api} or {@code csv}
	 * @throws InvalidInputException naming each wrong field
	 */
	public Completion record(NewCompletion completion, String source) {
		return add(completion, source).completion();
	}

	/** A completion, and whether this report recorded it or an earlier one did. */
	record Recorded(Completion completion, boolean created) {
	}

	Recorded add(NewCompletion completion, String source) {
		requireSource(source);
		List<ApiError.FieldError> errors = new ArrayList<>();
		if (completion.partnerId() == null) {
			errors.add(new ApiError.FieldError("partnerId", "is required"));
		}
		else if (partners.find(completion.partnerId()).isEmpty()) {
			errors.add(new ApiError.FieldError("partnerId", "no partner with id " + completion.partnerId()));
		}
		String person = normalizePerson(completion.person());
		if (person == null) {
			errors.add(new ApiError.FieldError("person", "is required: an e-mail address or Slack user id"));
		}
		else if (person.length() > MAX_PERSON_LENGTH) {
			errors.add(new ApiError.FieldError("person", "is longer than " + MAX_PERSON_LENGTH + " characters"));
		}
		Course course = null;
		if (isBlank(completion.courseCode())) {
			errors.add(new ApiError.FieldError("courseCode", "is required, e.g. csp-exam"));
		}
		else {
			Optional<Courses.Listing> listing = courses.find(completion.courseCode().strip());
			if (listing.isEmpty()) {
				errors.add(new ApiError.FieldError("courseCode",
						quote(completion.courseCode()) + " is not a course of the catalogue"));
			}
			else if (!listing.get().active()) {
				errors.add(new ApiError.FieldError("courseCode", quote(completion.courseCode()) + " is retired"));
			}
			else {
				course = listing.get().course();
			}
		}
		if (completion.completedOn() == null) {
			errors.add(new ApiError.FieldError("completedOn", "is required (YYYY-MM-DD)"));
		}
		else if (completion.completedOn().isAfter(LocalDate.now(clock))) {
			errors.add(new ApiError.FieldError("completedOn", "is in the future"));
		}
		String role = normalizeRole(completion.role());
		if (role == null && !isBlank(completion.role())) {
			errors.add(new ApiError.FieldError("role",
					quote(completion.role()) + " is not one of " + String.join(", ", ROLES)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return store(new NewCompletion(completion.partnerId(), person, (role != null) ? role : course.role(),
				course.code(), completion.completedOn()), source);
	}

	/** A partner's completions, latest first. */
	public List<Completion> completions(UUID partnerId) {
		return completions.forPartner(partnerId);
	}

	/**
	 * How many distinct people of a partner hold each certification today, by
	 * certification name; every certification of the catalogue is present, 0 when no one
	 * holds it. A certification lapses two years after its exam, as the program's rules
	 * say, and then no longer counts.
	 */
	public Map<String, Integer> certifiedPeople(UUID partnerId) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		certificationHolders(partnerId).forEach((certification, people) -> counts.put(certification, people.size()));
		return Collections.unmodifiableMap(counts);
	}

	/**
	 * Who of a partner holds each certification today, by certification name, as
	 * {@link #certifiedPeople} counts them; the program counts a person holding both a
	 * sales and an engineering certification toward only one requirement, which needs the
	 * names.
	 */
	public Map<String, Set<String>> certificationHolders(UUID partnerId) {
		return completions.holders(partnerId, LocalDate.now(clock).minusYears(CERTIFICATION_YEARS));
	}

	/** The codes of the courses anyone of a partner completed. */
	public Set<String> completedCourses(UUID partnerId) {
		return completions.courses(partnerId);
	}

	/**
	 * Imports completions from a CSV file whose header row names the columns
	 * {@code partner} (the partner's id or exact name), {@code person}, {@code course}
	 * (code or exact title), {@code completed_on} (YYYY-MM-DD) and optionally
	 * {@code role}, in any order and any case. Each good row is recorded as
	 * {@link #record} records it, with source {@code csv}; each bad row is reported with
	 * its line and never stops the others. At most 50,000 rows are read.
	 */
	public ImportReport importCsv(Reader csv) {
		CsvReader reader = new CsvReader(csv);
		List<ImportReport.RowError> errors = new ArrayList<>();
		int rows = 0;
		int imported = 0;
		int duplicates = 0;
		try {
			CsvReader.Row header = reader.next();
			if (header == null) {
				return new ImportReport(0, 0, 0, List.of(new ImportReport.RowError(1,
						"the file is empty: the header row must name " + String.join(", ", REQUIRED_COLUMNS))));
			}
			Columns columns = Columns.of(header);
			List<String> missing = columns.missing();
			if (!missing.isEmpty()) {
				return new ImportReport(0, 0, 0,
						List.of(new ImportReport.RowError(header.line(),
								"missing column" + ((missing.size() > 1) ? "s " : " ") + String.join(", ", missing)
										+ ": the header row must name " + String.join(", ", REQUIRED_COLUMNS)
										+ ", and may name role")));
			}
			Lookup lookup = Lookup.of(partners.all(), courses.findAll());
			LocalDate today = LocalDate.now(clock);
			for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
				if (rows == MAX_IMPORT_ROWS) {
					errors.add(new ImportReport.RowError(row.line(), "the file has more than " + MAX_IMPORT_ROWS
							+ " rows: this row and the ones after it were not imported"));
					break;
				}
				rows++;
				Parsed parsed = parse(row, columns, lookup, today);
				if (parsed.problem() != null) {
					errors.add(new ImportReport.RowError(row.line(), parsed.problem()));
					continue;
				}
				try {
					if (store(parsed.completion(), "csv").created()) {
						imported++;
					}
					else {
						duplicates++;
					}
				}
				catch (DataIntegrityViolationException ex) {
					// the partner or course went away during the import: only this row
					// is lost
					errors.add(new ImportReport.RowError(row.line(), "the partner or course was just removed"));
				}
			}
		}
		catch (CsvReader.MalformedCsvException ex) {
			errors.add(new ImportReport.RowError(ex.line(), ex.getMessage() + ": the rest of the file was not read"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the CSV file", ex);
		}
		log.info("Training completions imported from CSV: {} rows, {} new, {} duplicates, {} errors", rows, imported,
				duplicates, errors.size());
		return new ImportReport(rows, imported, duplicates, errors);
	}

	private Parsed parse(CsvReader.Row row, Columns columns, Lookup lookup, LocalDate today) {
		// spreadsheets pad rows with empty fields, but a value beyond the header is a
		// comma that should have been quoted
		List<String> beyondHeader = row.fields()
			.subList(Math.min(columns.width(), row.fields().size()), row.fields().size());
		if (beyondHeader.stream().anyMatch(f -> !f.isBlank())) {
			return Parsed.bad("has " + row.fields().size() + " fields but the header has " + columns.width()
					+ ": put values that contain commas in double quotes");
		}
		List<String> problems = new ArrayList<>();
		UUID partnerId = lookUp("partner", columns.value(row, "partner"), lookup.partners(), problems);
		String person = normalizePerson(columns.value(row, "person"));
		if (person == null) {
			problems.add("missing person");
		}
		else if (person.length() > MAX_PERSON_LENGTH) {
			problems.add("person is longer than " + MAX_PERSON_LENGTH + " characters");
		}
		String courseText = columns.value(row, "course");
		Courses.Listing course = lookUp("course", courseText, lookup.courses(), problems);
		if (course != null && !course.active()) {
			problems.add("course " + quote(courseText) + " is retired");
		}
		String dateText = columns.value(row, "completed_on");
		LocalDate completedOn = null;
		if (dateText.isEmpty()) {
			problems.add("missing completed_on");
		}
		else {
			try {
				completedOn = LocalDate.parse(dateText);
				if (completedOn.isAfter(today)) {
					problems.add("completed_on is in the future");
				}
			}
			catch (DateTimeParseException ex) {
				problems.add("completed_on " + quote(dateText) + " is not a date (YYYY-MM-DD)");
			}
		}
		String roleText = columns.value(row, "role");
		String role = normalizeRole(roleText);
		if (role == null && !roleText.isEmpty()) {
			problems.add("role " + quote(roleText) + " is not one of " + String.join(", ", ROLES));
		}
		if (!problems.isEmpty()) {
			return Parsed.bad(String.join("; ", problems));
		}
		return new Parsed(new NewCompletion(partnerId, person, (role != null) ? role : course.course().role(),
				course.course().code(), completedOn), null);
	}

	/**
	 * What a column's text names, or null with the problem noted: missing, or unknown.
	 */
	private static <T> T lookUp(String column, String text, Map<String, T> known, List<String> problems) {
		if (text.isEmpty()) {
			problems.add("missing " + column);
			return null;
		}
		T found = known.get(key(text));
		if (found == null) {
			problems.add("unknown " + column + " " + quote(text));
		}
		return found;
	}

	/** Stores a valid, normalized completion unless it is recorded already. */
	private Recorded store(NewCompletion completion, String source) {
		Completion candidate = new Completion(UUID.randomUUID(), completion.partnerId(), completion.person(),
				completion.role(), completion.courseCode(), completion.completedOn(), source);
		// a new completion is announced in the transaction that records it
		Optional<Completion> created = transactions.execute(tx -> {
			Optional<Completion> inserted = completions.insertIfAbsent(candidate);
			inserted.ifPresent(c -> events.publishEvent(new CompletionRecorded(c,
					courses.find(c.courseCode()).map(l -> l.course().certification()).orElse(null))));
			return inserted;
		});
		if (created.isPresent()) {
			return new Recorded(created.get(), true);
		}
		Completion existing = completions.find(completion.partnerId(), completion.person(), completion.courseCode())
			.orElseThrow(() -> new IllegalStateException("completion of " + completion.courseCode()
					+ " neither inserted nor found for partner " + completion.partnerId()));
		return new Recorded(existing, false);
	}

	private static void requireSource(String source) {
		if (!SOURCES.contains(source)) {
			throw new IllegalArgumentException("source must be one of " + SOURCES + ", not " + source);
		}
	}

	/**
	 * E-mail addresses are compared without case, so Jane@ and jane@ are one person;
	 * Slack user ids are kept as they are.
	 */
	static String normalizePerson(String person) {
		if (isBlank(person)) {
			return null;
		}
		String stripped = person.strip();
		return stripped.contains("@") ? stripped.toLowerCase(Locale.ROOT) : stripped;
	}

	/** A role of {@link #ROLES}, whatever its case, or {@code null}. */
	static String normalizeRole(String role) {
		if (isBlank(role)) {
			return null;
		}
		String wanted = role.strip().toLowerCase(Locale.ROOT);
		return ROLES.contains(wanted) ? wanted : null;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static String key(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

	/** A value for a message, cut short so a runaway field does not flood the report. */
	private static String quote(String text) {
		String value = text.strip();
		return "'" + ((value.length() > 80) ? value.substring(0, 77) + "..." : value) + "'";
	}

	/** A data row, resolved into a completion, or what is wrong with it. */
	private record Parsed(NewCompletion completion, String problem) {

		static Parsed bad(String problem) {
			return new Parsed(null, problem);
		}

	}

	/** Where each column is in the file, by normalized header name. */
	private record Columns(Map<String, Integer> index, int width) {

		static Columns of(CsvReader.Row header) {
			Map<String, Integer> index = new HashMap<>();
			for (int i = 0; i < header.fields().size(); i++) {
				// "Completed On" and "completed-on" are what people type for completed_on
				String name = key(header.fields().get(i)).replace(' ', '_').replace('-', '_');
				index.putIfAbsent(name, i);
			}
			return new Columns(index, header.fields().size());
		}

		List<String> missing() {
			return REQUIRED_COLUMNS.stream().filter(column -> !index.containsKey(column)).toList();
		}

		String value(CsvReader.Row row, String column) {
			Integer i = index.get(column);
			return (i != null) ? row.field(i).strip() : "";
		}

	}

	/**
	 * Partners by lower-case id and name, courses by lower-case code and title, read once
	 * per import rather than once per row.
	 */
	private record Lookup(Map<String, UUID> partners, Map<String, Courses.Listing> courses) {

		static Lookup of(List<Partner> partners, List<Courses.Listing> courses) {
			Map<String, UUID> partnerKeys = new HashMap<>();
			partners.forEach(p -> partnerKeys.put(key(p.name()), p.id()));
			partners.forEach(p -> partnerKeys.put(key(p.id().toString()), p.id()));
			Map<String, Courses.Listing> courseKeys = new HashMap<>();
			courses.forEach(c -> courseKeys.put(key(c.course().title()), c));
			courses.forEach(c -> courseKeys.put(key(c.course().code()), c));
			return new Lookup(partnerKeys, courseKeys);
		}

	}

}
