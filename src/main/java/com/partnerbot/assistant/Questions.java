package com.partnerbot.assistant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Questions asked and how they were answered.
 */
@Repository
@RequiredArgsConstructor
class Questions {

	private static final String COLUMNS = "id, partner_id, asked_by, question, grounded, feedback, handed_off, "
			+ "conversation_id, handed_to";

	private final JdbcClient jdbc;

	void save(UUID id, Question question, Answer answer) {
		String citations = String.join("\n", answer.citations().stream().map(Answer.Citation::source).toList());
		jdbc.sql(
				"""
						insert into assistant_question (id, conversation_id, partner_id, audience_tier, asked_by, question, answer, grounded, citations)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(id, question.conversationId(), question.partnerId(), question.audience().tier(), question.askedBy(),
					question.text(), answer.text(), answer.grounded(), citations)
			.update();
	}

	/** The last question of the same partner (or of staff) in a conversation. */
	Optional<String> previousQuestion(String conversationId, UUID partnerId) {
		return jdbc
			.sql("""
					select question from assistant_question
					where conversation_id = ? and partner_id is not distinct from ? and created_at > now() - interval '1 hour'
					order by created_at desc limit 1
					""")
			.params(conversationId, partnerId)
			.query(String.class)
			.optional();
	}

	Optional<AskedQuestion> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from assistant_question where id = ?")
			.param(id)
			.query(Questions::map)
			.optional();
	}

	void feedback(UUID id, int vote, String by) {
		jdbc.sql("update assistant_question set feedback = ?, feedback_by = ? where id = ?")
			.params(vote, by, id)
			.update();
	}

	/**
	 * Marks a question handed to a channel manager, or to a content owner; false when it
	 * was already.
	 */
	boolean handOff(UUID id, String owner) {
		return jdbc
			.sql("update assistant_question set handed_off = true, handed_to = ? where id = ? and not handed_off")
			.params(owner, id)
			.update() > 0;
	}

	/** The audience a question was answered for: its tier, or null for staff. */
	Optional<String> audienceTier(UUID id) {
		return jdbc.sql("select audience_tier from assistant_question where id = ?")
			.param(id)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(tier -> tier);
	}

	/**
	 * The first person to claim a handed-off question keeps it; returns whoever has it,
	 * or empty when it was not handed off.
	 */
	Optional<String> claim(UUID id, String by, String alertRef) {
		return jdbc.sql("""
				update assistant_question set claimed_by = coalesce(claimed_by, ?), alert_ref = coalesce(alert_ref, ?)
				where id = ? and handed_off returning claimed_by
				""").params(by, alertRef, id).query(String.class).optional();
	}

	/**
	 * Records that the person who claimed the question under this alert answered it;
	 * empty when the alert is not a question they claimed.
	 */
	Optional<AskedQuestion> answeredBy(String alertRef, String by) {
		return jdbc
			.sql("update assistant_question set answered_by = ?, answered_at = now() "
					+ "where alert_ref = ? and claimed_by = ? returning " + COLUMNS)
			.params(by, alertRef, by)
			.query(Questions::map)
			.optional();
	}

	/** A question the library could not answer, with whose eyes it was asked. */
	record Unanswered(AskedQuestion question, String audienceTier) {
	}

	/**
	 * Questions of the last days the library could not answer and no person has answered
	 * either, newest first.
	 */
	List<Unanswered> unanswered(int days, int limit) {
		return jdbc
			.sql("select " + COLUMNS + ", audience_tier from assistant_question "
					+ "where grounded = false and answered_by is null and new_content_answer is null "
					+ "and conversation_id not like 'eval:%' and created_at > now() - make_interval(days => ?) "
					+ "order by created_at desc limit ?")
			.params(days, limit)
			.query((rs, row) -> new Unanswered(map(rs, row), rs.getString("audience_tier")))
			.list();
	}

	/**
	 * Records that new content answered a question, by this answer; false when it had
	 * been.
	 */
	boolean answeredByNewContent(UUID id, UUID answerId) {
		return jdbc
			.sql("update assistant_question set new_content_answer = ? where id = ? and new_content_answer is null")
			.params(answerId, id)
			.update() > 0;
	}

	/** Unanswered and downvoted questions, newest first, for content owners. */
	List<AskedQuestion> gaps(int limit) {
		return jdbc.sql("select " + COLUMNS
				+ " from assistant_question where grounded = false or feedback < 0 order by created_at desc limit ?")
			.param(limit)
			.query(Questions::map)
			.list();
	}

	QuestionCounts counts(UUID partnerId, java.time.Instant since) {
		return jdbc.sql("""
				select count(*) as asked, count(*) filter (where not grounded) as unanswered
				from assistant_question where partner_id = ? and created_at >= ?
				""")
			.params(partnerId, java.sql.Timestamp.from(since))
			.query((rs, row) -> new QuestionCounts(rs.getInt("asked"), rs.getInt("unanswered")))
			.single();
	}

	private static AskedQuestion map(ResultSet rs, int row) throws SQLException {
		return new AskedQuestion(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getString("asked_by"), rs.getString("question"), rs.getBoolean("grounded"), rs.getInt("feedback"),
				rs.getBoolean("handed_off"), rs.getString("conversation_id"), rs.getString("handed_to"));
	}

}
