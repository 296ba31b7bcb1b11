package com.partnerbot.mdf;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * MDF requests being described in a conversation: each message adds what it says to the
 * draft, so the bot asks only for what is still missing and nothing said before is lost.
 */
@Service
@RequiredArgsConstructor
public class MdfDrafts {

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Adds what a message says to the conversation's draft. */
	public MdfDraft describe(String conversationKey, UUID partnerId, String author, String text) {
		MdfDraft read = MdfTextParser.parse(text, LocalDate.now(clock));
		MdfDraft draft = find(conversationKey).map(before -> before.with(read)).orElse(read);
		return replace(conversationKey, partnerId, author, draft);
	}

	/** Replaces the draft, e.g. with what a form said. */
	public MdfDraft replace(String conversationKey, UUID partnerId, String author, MdfDraft d) {
		jdbc.sql("""
				insert into mdf_draft (conversation_key, partner_id, author, activity, description, cost, amount,
				    starts_on, ends_on, attendees)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (conversation_key) do update set author = excluded.author, activity = excluded.activity,
				    description = excluded.description, cost = excluded.cost, amount = excluded.amount,
				    starts_on = excluded.starts_on, ends_on = excluded.ends_on, attendees = excluded.attendees,
				    updated_at = now()
				""")
			.params(conversationKey, partnerId, author, d.activity(), d.description(), d.cost(), d.amount(),
					d.startsOn(), d.endsOn(), d.attendees())
			.update();
		return d;
	}

	/**
	 * Whether a partner's words name an activity MDF pays for (a webinar, a trade show…).
	 */
	public boolean namesAnActivity(String text) {
		return MdfTextParser.namesAnActivity(text);
	}

	public Optional<MdfDraft> find(String conversationKey) {
		return jdbc.sql("""
				select activity, description, cost, amount, starts_on, ends_on, attendees from mdf_draft
				where conversation_key = ?
				""")
			.param(conversationKey)
			.query((rs, n) -> new MdfDraft(rs.getString("activity"), rs.getString("description"),
					rs.getBigDecimal("cost"), rs.getBigDecimal("amount"), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("ends_on", LocalDate.class), (Integer) rs.getObject("attendees")))
			.optional();
	}

	/** The partner whose draft it is, so nobody else submits it. */
	public Optional<UUID> owner(String conversationKey) {
		return jdbc.sql("select partner_id from mdf_draft where conversation_key = ?")
			.param(conversationKey)
			.query(UUID.class)
			.optional();
	}

	public void discard(String conversationKey) {
		jdbc.sql("delete from mdf_draft where conversation_key = ?").param(conversationKey).update();
	}

}
