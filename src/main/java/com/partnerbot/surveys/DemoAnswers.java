package com.partnerbot.surveys;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.DemoProgramSeeded;
import com.partnerbot.partners.Partner;

import lombok.RequiredArgsConstructor;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Last quarter's answers of the demo partners' people to a program survey, so results and
 * scorecards have figures; a partner with answers already is left as it is.
 */
@Component
@RequiredArgsConstructor
class DemoAnswers {

	private static final Logger log = LoggerFactory.getLogger(DemoAnswers.class);

	/** Satisfaction (1-5) and likelihood to recommend (0-10) per answer. */
	static final Map<String, List<int[]>> ANSWERS = Map.of("Acme Resellers",
			List.of(new int[] { 4, 8 }, new int[] { 5, 9 }, new int[] { 3, 7 }), "Globex Systems",
			List.of(new int[] { 4, 9 }, new int[] { 4, 8 }, new int[] { 5, 10 }, new int[] { 2, 5 }),
			"Umbrella Integrators", List.of(new int[] { 5, 9 }, new int[] { 4, 9 }, new int[] { 4, 7 }),
			"Hooli Cloud Partners", List.of(new int[] { 3, 6 }, new int[] { 4, 8 }, new int[] { 4, 8 }));

	static final String SURVEY = "Partner program pulse (last quarter)";

	private final SurveyRows rows;

	private final Clock clock;

	@EventListener
	void on(DemoProgramSeeded seeded) {
		Instant sent = clock.instant().minus(Duration.ofDays(75));
		int answered = 0;
		Survey survey = null;
		for (Partner partner : seeded.partners()) {
			List<int[]> answers = ANSWERS.getOrDefault(partner.name(), List.of());
			if (answers.isEmpty() || hasAnswers(partner)) {
				continue;
			}
			if (survey == null) {
				survey = survey(sent);
			}
			for (int i = 0; i < answers.size(); i++) {
				String person = "demo-" + partner.name().split(" ")[0].toLowerCase(java.util.Locale.ROOT) + "-" + i;
				rows.jdbc()
					.sql("""
							insert into survey_invitation (id, survey_id, round, context, partner_id, slack_user_id,
							                               invited_at, satisfaction, recommend, answered_at)
							values (:id, :survey, 1, '', :partner, :person, :sent, :satisfaction, :recommend, :answered)
							on conflict do nothing""")
					.param("id", UUID.randomUUID())
					.param("survey", survey.id())
					.param("partner", partner.id())
					.param("person", person)
					.param("sent", Timestamp.from(sent))
					.param("satisfaction", answers.get(i)[0])
					.param("recommend", answers.get(i)[1])
					.param("answered", Timestamp.from(sent.plus(Duration.ofDays(1 + i))))
					.update();
				answered++;
			}
		}
		log.info("Demo program: {} survey answers seeded", answered);
	}

	private boolean hasAnswers(Partner partner) {
		return rows.jdbc()
			.sql("select exists (select 1 from survey_invitation where partner_id = :partner and answered_at is not null)")
			.param("partner", partner.id())
			.query(Boolean.class)
			.single();
	}

	/** The closed campaign the answers belong to, made once. */
	private Survey survey(Instant sent) {
		Optional<Survey> existing = rows.all().stream().filter(s -> s.name().equals(SURVEY)).findFirst();
		if (existing.isPresent()) {
			return existing.get();
		}
		UUID id = UUID.randomUUID();
		java.time.LocalDate closed = java.time.LocalDate.ofInstant(sent, clock.getZone()).plusDays(21);
		rows.jdbc()
			.sql("""
					insert into survey (id, name, kind, satisfaction_question, recommend_question, comment_question,
					                    closes_on, created_by, created_at)
					values (:id, :name, 'CAMPAIGN', :satisfaction, :recommend, :comment, :closes, 'demo', :sent)""")
			.param("id", id)
			.param("name", SURVEY)
			.param("satisfaction", NewSurvey.SATISFACTION)
			.param("recommend", NewSurvey.RECOMMEND)
			.param("comment", NewSurvey.COMMENT)
			.param("closes", closed)
			.param("sent", Timestamp.from(sent))
			.update();
		rows.newRound(id, sent, "demo");
		return rows.find(id).orElseThrow();
	}

}
