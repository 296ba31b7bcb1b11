package com.partnerbot.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The course catalogue, in PostgreSQL; the demo program's courses come with the
 * migration.
 */
@Repository
@RequiredArgsConstructor
class Courses {

	private static final String SELECT = """
			select code, title, description, skills, certification, role, duration_minutes, link, tiers, active
			from training_course
			""";

	private final JdbcClient jdbc;

	/** A course, and whether it is still on offer. */
	record Listing(Course course, boolean active) {
	}

	/** Every course, retired ones too, in catalogue order. */
	List<Listing> findAll() {
		return jdbc.sql(SELECT + " order by sort_order, code").query(Courses::map).list();
	}

	/** A course by its code, ignoring case. */
	Optional<Listing> find(String code) {
		return jdbc.sql(SELECT + " where lower(code) = lower(?)").param(code).query(Courses::map).optional();
	}

	private static Listing map(ResultSet rs, int row) throws SQLException {
		Course course = new Course(rs.getString("code"), rs.getString("title"), rs.getString("description"),
				strings(rs, "skills"), rs.getString("certification"), rs.getString("role"),
				rs.getInt("duration_minutes"), rs.getString("link"), strings(rs, "tiers"));
		return new Listing(course, rs.getBoolean("active"));
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		Object[] values = (Object[]) rs.getArray(column).getArray();
		return Arrays.stream(values).map(String::valueOf).toList();
	}

}
