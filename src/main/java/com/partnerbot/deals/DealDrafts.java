package com.partnerbot.deals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Deals being described in a conversation: each message adds what it says to the draft,
 * so the bot asks only for what is still missing and nothing said before is lost.
 */
@Service
public class DealDrafts {

	private static final Logger log = LoggerFactory.getLogger(DealDrafts.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final DealTextParser parser;

	private final ObjectProvider<DealExtractor> extractor;

	private final DealReplies replies;

	private final DealsProperties rules;

	private final Clock clock;

	private final PartnerManagement partners;

	DealDrafts(JdbcClient jdbc, JsonMapper json, DealsProperties rules, ObjectProvider<DealExtractor> extractor,
			Clock clock, PartnerManagement partners) {
		this.partners = partners;
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.rules = rules;
		this.parser = new DealTextParser(rules.products(), rules.currencies());
		this.replies = new DealReplies(parser, rules.currencies());
		this.extractor = extractor;
	}

	/**
	 * Adds what a message says to the conversation's draft. A reply is read first as the
	 * answer to what the bot asked last (the fields {@link #missing} gave).
	 */
	public DealDraft describe(ThreadRef thread, UUID partnerId, String author, String text) {
		DealDraft read = extract(text);
		DealDraft draft = find(thread)
			.map(before -> replies.reply(before, missing(before), text, read, author,
					reply -> DealDraft.of(parser.parse(reply, LocalDate.now(clock)))))
			.orElseGet(() -> replies.first(read, text, author));
		draft = knownCoSellers(draft, partnerId);
		save(thread, partnerId, author, draft);
		return draft;
	}

	/**
	 * The co-selling partners named, as the program knows them; a name of no partner is a
	 * problem to tell, and when none is known the bot asks again.
	 */
	private DealDraft knownCoSellers(DealDraft draft, UUID partnerId) {
		if (draft.coSellers() == null || draft.coSellers().isEmpty()) {
			return draft;
		}
		List<String> known = new ArrayList<>();
		List<String> problems = new ArrayList<>(draft.problems());
		for (String name : draft.coSellers()) {
			Optional<Partner> partner = partnerNamed(name, partnerId);
			if (partner.isPresent()) {
				known.add(partner.get().name());
			}
			else {
				problems.add("no other partner of the program is called \"" + name
						+ "\": name it as the program knows it, or say none");
			}
		}
		return draft
			.withAttribution(draft.role(), known.isEmpty() ? null : known.stream().distinct().toList(), draft.shared())
			.withProblems(problems);
	}

	private Optional<Partner> partnerNamed(String name, UUID partnerId) {
		String key = CustomerMatcher.normalizeName(name);
		return partners.all()
			.stream()
			.filter(p -> !p.id().equals(partnerId) && !key.isEmpty()
					&& key.equals(CustomerMatcher.normalizeName(p.name())))
			.findFirst();
	}

	/** The registration the draft describes, its co-selling partners by their ids. */
	public NewDeal toNewDeal(DealDraft draft, UUID partnerId) {
		List<UUID> coSellPartners = (draft.coSellers() == null) ? List.of()
				: draft.coSellers()
					.stream()
					.map(name -> partnerNamed(name, partnerId))
					.flatMap(Optional::stream)
					.map(Partner::id)
					.toList();
		return draft.toNewDeal(partnerId, coSellPartners);
	}

	/** What the draft still needs before it can be submitted, in the order to ask. */
	public List<String> missing(DealDraft draft) {
		return draft.missing(rules.requireContact(), rules.requireSalesRep());
	}

	/**
	 * With the LLM's extractor when there is one; the rules when there is none or it
	 * fails.
	 */
	private DealDraft extract(String text) {
		LocalDate today = LocalDate.now(clock);
		DealExtractor model = extractor.getIfAvailable();
		if (model != null) {
			try {
				return model.extract(text, today);
			}
			catch (RuntimeException ex) {
				log.warn("Deal extraction by the LLM failed ({}); reading the message by rules", ex.toString());
			}
		}
		return DealDraft.of(parser.parse(text, today));
	}

	/** Replaces the draft, e.g. with what a form said. */
	public DealDraft replace(ThreadRef thread, UUID partnerId, String author, DealDraft draft) {
		save(thread, partnerId, author, draft);
		return draft;
	}

	public Optional<DealDraft> find(ThreadRef thread) {
		return jdbc.sql("select fields from deal_draft where conversation_key = ?")
			.param(thread.key())
			.query(String.class)
			.optional()
			.map(fields -> json.readValue(fields, DealDraft.class));
	}

	/** The partner whose draft it is, so nobody else submits it. */
	public Optional<UUID> owner(ThreadRef thread) {
		return jdbc.sql("select partner_id from deal_draft where conversation_key = ?")
			.param(thread.key())
			.query(UUID.class)
			.optional();
	}

	public void discard(ThreadRef thread) {
		jdbc.sql("delete from deal_draft where conversation_key = ?").param(thread.key()).update();
	}

	private void save(ThreadRef thread, UUID partnerId, String author, DealDraft draft) {
		jdbc.sql(
				"""
						insert into deal_draft (conversation_key, partner_id, author, fields) values (?, ?, ?, ?)
						on conflict (conversation_key) do update set fields = excluded.fields, author = excluded.author, updated_at = now()
						""")
			.params(thread.key(), partnerId, author, json.writeValueAsString(draft))
			.update();
	}

}
