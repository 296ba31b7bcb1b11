package com.partnerbot.assistant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Questions asked and how they were answered.
 */
@Repository
class Questions {

	private final JdbcClient jdbc;

	Questions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

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

	/** The previous question of a conversation, if asked in the last hour. */
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
		return jdbc.sql(
				"select id, partner_id, asked_by, question, grounded, feedback, handed_off from assistant_question where id = ?")
			.param(id)
			.query(Questions::map)
			.optional();
	}

	void feedback(UUID id, int vote, String by) {
		jdbc.sql("update assistant_question set feedback = ?, feedback_by = ? where id = ?")
			.params(vote, by, id)
			.update();
	}

	/** Marks a question handed to a channel manager; false when it was already. */
	boolean handOff(UUID id) {
		return jdbc.sql("update assistant_question set handed_off = true where id = ? and not handed_off")
			.param(id)
			.update() > 0;
	}

	/** Unanswered and downvoted questions, newest first, for content owners. */
	List<AskedQuestion> gaps(int limit) {
		return jdbc.sql("""
				select id, partner_id, asked_by, question, grounded, feedback, handed_off from assistant_question
				where grounded = false or feedback < 0 order by created_at desc limit ?
				""").param(limit).query(Questions::map).list();
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
				rs.getBoolean("handed_off"));
	}

}
