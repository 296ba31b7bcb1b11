package com.partnerbot.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Completed courses of partners' people, in PostgreSQL.
 */
@Repository
@RequiredArgsConstructor
class Completions {

	private static final String COLUMNS = "id, partner_id, person, role, course_code, completed_on, source";

	private final JdbcClient jdbc;

	/**
	 * Inserts a completion unless the partner has one for this person and course already;
	 * empty then. The unique key decides, so concurrent reports of one completion store
	 * it once.
	 */
	Optional<Completion> insertIfAbsent(Completion completion) {
		return jdbc
			.sql("insert into training_completion (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?) "
					+ "on conflict (partner_id, person, course_code) do nothing returning " + COLUMNS)
			.params(completion.id(), completion.partnerId(), completion.person(), completion.role(),
					completion.courseCode(), completion.completedOn(), completion.source())
			.query(Completions::map)
			.optional();
	}

	Optional<Completion> find(UUID partnerId, String person, String courseCode) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from training_completion where partner_id = ? and person = ? and course_code = ?")
			.params(partnerId, person, courseCode)
			.query(Completions::map)
			.optional();
	}

	List<Completion> forPartner(UUID partnerId) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from training_completion where partner_id = ? order by completed_on desc, person, course_code")
			.param(partnerId)
			.query(Completions::map)
			.list();
	}

	Set<String> courses(UUID partnerId) {
		List<String> codes = jdbc
			.sql("select distinct course_code from training_completion where partner_id = ? order by course_code")
			.param(partnerId)
			.query(String.class)
			.list();
		return Collections.unmodifiableSet(new LinkedHashSet<>(codes));
	}

	/**
	 * The people of a partner who completed the course of each certification after a
	 * date, by certification; every certification of the catalogue is present, with no
	 * one if need be.
	 */
	Map<String, Set<String>> holders(UUID partnerId, LocalDate completedAfter) {
		List<Held> held = jdbc.sql("""
				select c.certification, p.person
				from training_course c
				left join training_completion p
				       on p.course_code = c.code and p.partner_id = ? and p.completed_on > ?
				where c.certification is not null
				order by c.sort_order, c.code, p.person
				""")
			.params(partnerId, completedAfter)
			.query((rs, n) -> new Held(rs.getString("certification"), rs.getString("person")))
			.list();
		Map<String, Set<String>> holders = new LinkedHashMap<>();
		for (Held h : held) {
			Set<String> people = holders.computeIfAbsent(h.certification(), c -> new LinkedHashSet<>());
			if (h.person() != null) {
				people.add(h.person());
			}
		}
		Map<String, Set<String>> result = new LinkedHashMap<>();
		holders.forEach((certification, people) -> result.put(certification, Collections.unmodifiableSet(people)));
		return Collections.unmodifiableMap(result);
	}

	/** A person, or none, with a certification. */
	private record Held(String certification, String person) {
	}

	private static Completion map(ResultSet rs, int row) throws SQLException {
		return new Completion(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getString("person"), rs.getString("role"), rs.getString("course_code"),
				rs.getObject("completed_on", LocalDate.class), rs.getString("source"));
	}

}
