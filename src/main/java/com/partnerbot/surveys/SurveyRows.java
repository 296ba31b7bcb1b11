package com.partnerbot.surveys;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Surveys and their invitations, in PostgreSQL.
 */
@Repository
@RequiredArgsConstructor
class SurveyRows {

	private static final String INVITATION_COLUMNS = """
			i.id, i.survey_id, s.name, s.satisfaction_question, s.recommend_question, s.comment_question,
			i.partner_id, i.slack_user_id, i.closes_on, i.satisfaction, i.recommend, i.comment, i.about""";

	private final JdbcClient jdbc;

	JdbcClient jdbc() {
		return jdbc;
	}

	Optional<Survey> find(UUID id) {
		return jdbc.sql("select * from survey where id = :id").param("id", id).query(SurveyRows::mapSurvey).optional();
	}

	List<Survey> all() {
		return jdbc.sql("select * from survey order by created_at desc, name").query(SurveyRows::mapSurvey).list();
	}

	/** The first active survey of a kind of micro-survey. */
	Optional<Survey> activeOfKind(SurveyKind kind) {
		return jdbc.sql("select * from survey where kind = :kind and active order by created_at limit 1")
			.param("kind", kind.name())
			.query(SurveyRows::mapSurvey)
			.optional();
	}

	/** When the latest round of a campaign went out, if one did. */
	Optional<Instant> lastRoundAt(UUID surveyId) {
		return jdbc.sql("select max(sent_at) from survey_round where survey_id = :id")
			.param("id", surveyId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** The latest round of a campaign, 0 before the first. */
	int lastRound(UUID surveyId) {
		return jdbc.sql("select coalesce(max(round), 0) from survey_round where survey_id = :id")
			.param("id", surveyId)
			.query(Integer.class)
			.single();
	}

	/** Records a new round of a campaign and returns its number. */
	int newRound(UUID surveyId, Instant at, String sentBy) {
		return jdbc.sql("""
				insert into survey_round (survey_id, round, sent_at, sent_by)
				select :id, coalesce(max(round), 0) + 1, :at, :by from survey_round where survey_id = :id
				returning round""")
			.param("id", surveyId)
			.param("at", Timestamp.from(at))
			.param("by", sentBy)
			.query(Integer.class)
			.single();
	}

	/** Invites a person, once per survey, round and moment; the id when they are new. */
	Optional<UUID> invite(Survey survey, int round, String context, String about, UUID partnerId, String person,
			LocalDate closesOn, Instant at) {
		UUID id = UUID.randomUUID();
		int inserted = jdbc
			.sql("""
					insert into survey_invitation (id, survey_id, round, context, about, partner_id, slack_user_id, closes_on,
					                               invited_at)
					values (:id, :survey, :round, :context, :about, :partner, :person, :closesOn, :at)
					on conflict (survey_id, round, context, slack_user_id) do nothing""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("survey", survey.id())
			.param("round", round)
			.param("context", context)
			.param("about", about)
			.param("partner", partnerId)
			.param("person", person)
			.param("closesOn", closesOn)
			.update();
		return (inserted > 0) ? Optional.of(id) : Optional.empty();
	}

	List<Invitation> invitations(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + INVITATION_COLUMNS
				+ " from survey_invitation i join survey s on s.id = i.survey_id where i.id = any(:ids) order by i.invited_at, i.id")
			.param("ids", ids.toArray(UUID[]::new))
			.query(SurveyRows::mapInvitation)
			.list();
	}

	private static Survey mapSurvey(ResultSet rs, int row) throws SQLException {
		return new Survey(rs.getObject("id", UUID.class), rs.getString("name"),
				SurveyKind.valueOf(rs.getString("kind")), rs.getString("satisfaction_question"),
				rs.getString("recommend_question"), rs.getString("comment_question"),
				array(rs.getArray("tiers"), String.class::cast), array(rs.getArray("partner_ids"), UUID.class::cast),
				rs.getString("schedule"), rs.getObject("closes_on", LocalDate.class), rs.getBoolean("active"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				Optional.ofNullable(rs.getTimestamp("last_fired_at")).map(Timestamp::toInstant).orElse(null));
	}

	private static Invitation mapInvitation(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class), rs.getObject("survey_id", UUID.class),
				rs.getString("name"), rs.getString("satisfaction_question"), rs.getString("recommend_question"),
				rs.getString("comment_question"), rs.getObject("partner_id", UUID.class), rs.getString("slack_user_id"),
				rs.getObject("closes_on", LocalDate.class), (Integer) rs.getObject("satisfaction"),
				(Integer) rs.getObject("recommend"), rs.getString("comment"), rs.getString("about"));
	}

	private static <T> List<T> array(Array array, Function<Object, T> cast) throws SQLException {
		return (array == null) ? List.of() : Arrays.stream((Object[]) array.getArray()).map(cast).toList();
	}

}
