package com.partnerbot.surveys;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * Results of surveys: PSAT and NPS per survey, partner and period, the comments, and
 * every answer as CSV.
 */
@Component
@RequiredArgsConstructor
class SurveyReports {

	private static final String MONTH = "to_char(i.answered_at, 'YYYY-MM')";

	private final SurveyRows rows;

	private final PartnerManagement partners;

	private final SurveysProperties properties;

	private final Clock clock;

	/** Results of one survey, with the trend per round (per month for micro-surveys). */
	SurveyResults results(Survey survey) {
		String period = (survey.kind() == SurveyKind.CAMPAIGN)
				? "to_char(min(i.invited_at) over (partition by i.round), 'YYYY-MM-DD') || ' (round ' || i.round || ')'"
				: MONTH;
		return results(survey.id(), survey.name(), "i.survey_id = :id", Map.of("id", survey.id()), period);
	}

	/**
	 * The program's results over every survey, or one partner's; the trend is monthly.
	 */
	SurveyResults programResults(UUID partnerId) {
		if (partnerId != null) {
			Partner partner = partners.get(partnerId);
			return results(null, "Partner program: " + partner.name(), "i.partner_id = :partner",
					Map.of("partner", partnerId), MONTH);
		}
		return results(null, "Partner program", "true", Map.of(), MONTH);
	}

	/** How a partner's people rated the program over the last twelve months. */
	PartnerSatisfaction partnerSatisfaction(UUID partnerId) {
		List<SurveyScore.Answer> answers = rows.jdbc()
			.sql("""
					select satisfaction, recommend from survey_invitation
					where partner_id = :partner and answered_at > :since""")
			.param("partner", partnerId)
			.param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(365))))
			.query((rs, n) -> new SurveyScore.Answer(true, (Integer) rs.getObject("satisfaction"),
					(Integer) rs.getObject("recommend")))
			.list();
		SurveyScore score = SurveyScore.of(answers, properties.minResponses());
		return new PartnerSatisfaction(score.psat(), score.nps(), score.responses(), properties.minResponses());
	}

	private record Row(String surveyName, UUID partnerId, String person, String about, int round, Integer satisfaction,
			Integer recommend, String comment, boolean answered, String period, String invitedAt, String answeredAt) {

		SurveyScore.Answer answer() {
			return new SurveyScore.Answer(answered, satisfaction, recommend);
		}

	}

	private List<Row> rows(String where, Map<String, Object> params, String period) {
		return rows.jdbc()
			.sql("select s.name as survey_name, i.partner_id, i.slack_user_id, i.about, i.round, i.satisfaction, i.recommend, i.comment, "
					+ "i.answered_at is not null as answered, " + period + " as period, "
					+ "to_char(i.invited_at, 'YYYY-MM-DD\"T\"HH24:MI:SS') as invited_at, "
					+ "to_char(i.answered_at, 'YYYY-MM-DD\"T\"HH24:MI:SS') as answered_at from survey_invitation i join survey s on s.id = i.survey_id where "
					+ where + " order by i.answered_at desc nulls last, i.invited_at")
			.params(params)
			.query((rs, n) -> new Row(rs.getString("survey_name"), rs.getObject("partner_id", UUID.class),
					rs.getString("slack_user_id"), rs.getString("about"), rs.getInt("round"),
					(Integer) rs.getObject("satisfaction"), (Integer) rs.getObject("recommend"),
					rs.getString("comment"), rs.getBoolean("answered"), rs.getString("period"),
					rs.getString("invited_at"), rs.getString("answered_at")))
			.list();
	}

	private SurveyScore score(List<Row> rows) {
		return SurveyScore.of(rows.stream().map(Row::answer).toList(), properties.minResponses());
	}

	private SurveyResults results(UUID surveyId, String name, String where, Map<String, Object> params, String period) {
		List<Row> rows = rows(where, params, period);
		Map<UUID, String> names = partnerNames();
		SurveyScore total = score(rows);
		List<SurveyResults.PartnerResult> byPartner = rows.stream()
			.collect(Collectors.groupingBy(Row::partnerId, LinkedHashMap::new, Collectors.toList()))
			.entrySet()
			.stream()
			.map(e -> {
				SurveyScore score = score(e.getValue());
				return new SurveyResults.PartnerResult(e.getKey(), names.getOrDefault(e.getKey(), "unknown partner"),
						e.getValue().size(), score.responses(), score.psat(), score.nps());
			})
			.sorted(Comparator.comparing(SurveyResults.PartnerResult::partnerName))
			.toList();
		List<SurveyResults.TrendPoint> trend = rows.stream()
			.filter(r -> r.period() != null && (r.answered() || surveyId != null))
			.collect(Collectors.groupingBy(Row::period, TreeMap::new, Collectors.toList()))
			.entrySet()
			.stream()
			.map(e -> {
				SurveyScore score = score(e.getValue());
				return new SurveyResults.TrendPoint(e.getKey(), score.responses(), score.psat(), score.nps());
			})
			.toList();
		List<SurveyResults.Comment> comments = rows.stream()
			.filter(r -> r.comment() != null)
			.map(r -> new SurveyResults.Comment(r.partnerId(), names.getOrDefault(r.partnerId(), "unknown partner"),
					r.satisfaction(), r.recommend(), r.comment(), r.answeredAt()))
			.toList();
		return new SurveyResults(surveyId, name, rows.size(), total.responses(),
				rows.isEmpty() ? null : SurveyScore.round((double) total.responses() / rows.size(), 3), total.psat(),
				total.satisfiedShare(), total.nps(), total.promoters(), total.passives(), total.detractors(), byPartner,
				trend, comments, properties.minResponses());
	}

	/**
	 * Every invitation of a survey (or of the program, or one partner's) with its
	 * answers, one CSV line each, for a spreadsheet.
	 */
	String csv(Survey survey) {
		return csv(rows("i.survey_id = :id", Map.of("id", survey.id()), MONTH));
	}

	String programCsv(UUID partnerId) {
		if (partnerId != null) {
			partners.get(partnerId);
			return csv(rows("i.partner_id = :partner", Map.of("partner", partnerId), MONTH));
		}
		return csv(rows("true", Map.of(), MONTH));
	}

	private String csv(List<Row> rows) {
		Map<UUID, String> names = partnerNames();
		StringBuilder csv = new StringBuilder(
				"survey,partner,person,round,about,invited_at,answered_at,satisfaction,recommend,comment\r\n");
		for (Row row : rows) {
			csv.append(Csv.line(row.surveyName(), names.getOrDefault(row.partnerId(), "unknown partner"), row.person(),
					String.valueOf(row.round()), row.about(), row.invitedAt(), row.answeredAt(),
					row.satisfaction() == null ? null : row.satisfaction().toString(),
					row.recommend() == null ? null : row.recommend().toString(), row.comment()));
		}
		return csv.toString();
	}

	private Map<UUID, String> partnerNames() {
		return partners.all().stream().collect(Collectors.toMap(Partner::id, Partner::name));
	}

}
