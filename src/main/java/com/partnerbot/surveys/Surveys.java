package com.partnerbot.surveys;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Tier;
import com.partnerbot.platform.ApiError;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.platform.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating surveys, inviting their audience, recording answers (the first answer to each
 * question stands), and their results.
 */
@Service
public class Surveys {

	/** How long after a round a campaign may be sent again. */
	static final java.time.Duration RESEND_AFTER = java.time.Duration.ofMinutes(10);

	private static final String INVITATION_COLUMNS = """
			i.id, i.survey_id, s.name, s.satisfaction_question, s.recommend_question, s.comment_question,
			i.partner_id, i.slack_user_id, i.closes_on, i.satisfaction, i.recommend, i.comment""";

	private final JdbcClient jdbc;

	private final PartnerManagement partners;

	private final ApplicationEventPublisher events;

	private final SurveysProperties properties;

	private final Clock clock;

	Surveys(JdbcClient jdbc, PartnerManagement partners, ApplicationEventPublisher events, SurveysProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.partners = partners;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** Creates a campaign; every field that is wrong is named. */
	@Transactional
	public Survey create(NewSurvey survey, String createdBy) {
		List<ApiError.FieldError> errors = new ArrayList<>();
		String name = (survey.name() == null) ? "" : survey.name().strip();
		if (name.isEmpty()) {
			errors.add(new ApiError.FieldError("name", "is required"));
		}
		else if (name.length() > 120) {
			errors.add(new ApiError.FieldError("name", "is longer than 120 characters"));
		}
		List<String> tiers = new ArrayList<>();
		for (String tier : Optional.ofNullable(survey.tiers()).orElse(List.of())) {
			Optional<Tier> parsed = Tier.parse(tier);
			if (parsed.isEmpty()) {
				errors.add(new ApiError.FieldError("tiers",
						"'" + tier + "' is not a tier; the tiers are " + Tier.labels()));
			}
			else if (!tiers.contains(parsed.get().label())) {
				tiers.add(parsed.get().label());
			}
		}
		List<UUID> partnerIds = List.copyOf(new LinkedHashSet<>(Optional.ofNullable(survey.partnerIds())
			.orElse(List.of())
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList()));
		for (UUID partnerId : partnerIds) {
			if (partners.find(partnerId).isEmpty()) {
				errors.add(new ApiError.FieldError("partnerIds", "no partner has the id " + partnerId));
			}
		}
		if (survey.closesOn() != null && survey.closesOn().isBefore(today())) {
			errors.add(new ApiError.FieldError("closesOn", "is in the past (" + survey.closesOn() + ")"));
		}
		String schedule = blankToNull(survey.schedule());
		if (schedule != null && !CronExpression.isValidExpression(schedule)) {
			errors.add(new ApiError.FieldError("schedule", "'" + schedule
					+ "' is not a cron expression (six fields: second minute hour day month weekday, e.g. '0 0 9 1 */3 *')"));
		}
		else if (schedule != null && tooOften(CronExpression.parse(schedule))) {
			errors.add(new ApiError.FieldError("schedule",
					"'" + schedule + "' fires more than once a day; partners get a survey at most daily"));
		}
		for (String[] question : List.of(new String[] { "satisfactionQuestion", survey.satisfactionQuestion() },
				new String[] { "recommendQuestion", survey.recommendQuestion() },
				new String[] { "commentQuestion", survey.commentQuestion() })) {
			if (question[1] != null && question[1].strip().length() > 300) {
				errors.add(new ApiError.FieldError(question[0], "is longer than 300 characters"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into survey (id, name, kind, satisfaction_question, recommend_question, comment_question, tiers,
				                    partner_ids, schedule, closes_on, created_by)
				values (:id, :name, 'CAMPAIGN', :satisfaction, :recommend, :comment, :tiers, :partnerIds, :schedule,
				        :closesOn, :createdBy)""")
			.param("id", id)
			.param("name", name)
			.param("satisfaction", orDefault(survey.satisfactionQuestion(), NewSurvey.SATISFACTION))
			.param("recommend", orDefault(survey.recommendQuestion(), NewSurvey.RECOMMEND))
			.param("comment", orDefault(survey.commentQuestion(), NewSurvey.COMMENT))
			.param("tiers", tiers.toArray(String[]::new))
			.param("partnerIds", partnerIds.toArray(UUID[]::new))
			.param("schedule", schedule)
			.param("closesOn", survey.closesOn())
			.param("createdBy", createdBy)
			.update();
		return get(id);
	}

	private boolean tooOften(CronExpression cron) {
		var first = cron.next(java.time.LocalDateTime.now(clock));
		var second = (first != null) ? cron.next(first) : null;
		return second != null
				&& java.time.Duration.between(first, second).compareTo(java.time.Duration.ofHours(23)) < 0;
	}

	public Survey get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("no survey " + id));
	}

	public Optional<Survey> find(UUID id) {
		return jdbc.sql("select * from survey where id = :id").param("id", id).query(this::mapSurvey).optional();
	}

	/** Every survey, newest first. */
	public List<Survey> all() {
		return jdbc.sql("select * from survey order by created_at desc, name").query(this::mapSurvey).list();
	}

	/** Pauses a survey (no more invitations, answers refused) or resumes it. */
	@Transactional
	public Survey setActive(UUID id, boolean active) {
		get(id);
		jdbc.sql("update survey set active = :active where id = :id").param("active", active).param("id", id).update();
		return get(id);
	}

	/**
	 * Sends a campaign now: a new round to everyone of its audience the bot knows.
	 * @return the round's invitations
	 */
	@Transactional
	public List<Invitation> send(UUID id) {
		Survey survey = get(id);
		if (survey.kind() != SurveyKind.CAMPAIGN) {
			throw new InvalidInputException("id",
					"'" + survey.name() + "' is a micro-survey: it is sent after its moment, not by hand");
		}
		if (!survey.openOn(today())) {
			throw new InvalidInputException("id", "'" + survey.name() + "' is "
					+ (survey.active() ? "closed since " + survey.closesOn() : "paused") + "; nothing was sent");
		}
		// a double click or a retried request does not survey everyone twice
		Optional<java.time.Instant> last = jdbc
			.sql("select max(invited_at) from survey_invitation where survey_id = :id and round > 0")
			.param("id", id)
			.query(java.sql.Timestamp.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.map(java.sql.Timestamp::toInstant);
		if (last.isPresent() && last.get().isAfter(clock.instant().minus(RESEND_AFTER))) {
			throw new InvalidInputException("id", "'" + survey.name() + "' went out "
					+ java.time.Duration.between(last.get(), clock.instant()).toMinutes()
					+ " minutes ago; a new round can go " + RESEND_AFTER.toMinutes() + " minutes after the last");
		}
		return sendRound(survey);
	}

	/** A new round of a campaign to everyone of its audience the bot knows. */
	private List<Invitation> sendRound(Survey survey) {
		UUID id = survey.id();
		int round = jdbc.sql("select coalesce(max(round), 0) + 1 from survey_invitation where survey_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		List<UUID> invited = new ArrayList<>();
		for (Partner partner : audience(survey)) {
			for (String person : partners.people(partner.id())) {
				invite(survey, round, "", partner.id(), person, survey.closesOn()).ifPresent(invited::add);
			}
		}
		List<Invitation> invitations = invitations(invited);
		events.publishEvent(new SurveyEvents.Invited(invitations));
		return invitations;
	}

	/** The partners a campaign goes to: its tiers and its named partners, or everyone. */
	List<Partner> audience(Survey survey) {
		List<Partner> all = partners.all();
		if (survey.tiers().isEmpty() && survey.partnerIds().isEmpty()) {
			return all;
		}
		return all.stream()
			.filter(p -> survey.tiers().contains(p.tier().label()) || survey.partnerIds().contains(p.id()))
			.toList();
	}

	/**
	 * Invites one person to a micro-survey about one moment, once.
	 */
	@Transactional
	public Optional<Invitation> inviteAfter(SurveyKind kind, String context, UUID partnerId, String person) {
		Optional<Survey> survey = jdbc.sql("select * from survey where kind = :kind and active order by created_at")
			.param("kind", kind.name())
			.query(this::mapSurvey)
			.list()
			.stream()
			.findFirst();
		if (survey.isEmpty()) {
			return Optional.empty();
		}
		Optional<Invitation> invitation = invite(survey.get(), 0, context, partnerId, person,
				today().plusDays(properties.microSurveyDays()))
			.map(id -> invitations(List.of(id)).get(0));
		invitation.ifPresent(i -> events.publishEvent(new SurveyEvents.Invited(List.of(i))));
		return invitation;
	}

	private Optional<UUID> invite(Survey survey, int round, String context, UUID partnerId, String person,
			LocalDate closesOn) {
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into survey_invitation (id, survey_id, round, context, partner_id, slack_user_id, closes_on)
				values (:id, :survey, :round, :context, :partner, :person, :closesOn)
				on conflict (survey_id, round, context, slack_user_id) do nothing""")
			.param("id", id)
			.param("survey", survey.id())
			.param("round", round)
			.param("context", context)
			.param("partner", partnerId)
			.param("person", person)
			.param("closesOn", closesOn)
			.update();
		return (inserted > 0) ? Optional.of(id) : Optional.empty();
	}

	public Invitation invitation(UUID id) {
		List<Invitation> found = invitations(List.of(id));
		if (found.isEmpty()) {
			throw new NotFoundException("no survey invitation " + id);
		}
		return found.get(0);
	}

	private List<Invitation> invitations(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + INVITATION_COLUMNS
				+ " from survey_invitation i join survey s on s.id = i.survey_id where i.id = any(:ids) order by i.invited_at, i.id")
			.param("ids", ids.toArray(UUID[]::new))
			.query(this::mapInvitation)
			.list();
	}

	/**
	 * Records a rating by the invited person: satisfaction (1-5) or likelihood to
	 * recommend (0-10). The first rating of each question stands.
	 */
	@Transactional
	public Rating rate(UUID invitationId, String slackUserId, Question question, int score) {
		Invitation invitation = own(invitationId, slackUserId);
		if (question == Question.SATISFACTION && (score < 1 || score > 5)) {
			throw new InvalidInputException("satisfaction", "must be between 1 and 5");
		}
		if (question == Question.RECOMMEND && (score < 0 || score > 10)) {
			throw new InvalidInputException("recommend", "must be between 0 and 10");
		}
		if (!open(invitation)) {
			return new Rating(Rating.Outcome.CLOSED, invitation);
		}
		String column = (question == Question.SATISFACTION) ? "satisfaction" : "recommend";
		int recorded = jdbc
			.sql("update survey_invitation set " + column + " = :score, answered_at = coalesce("
					+ "answered_at, now()) where id = :id and " + column + " is null")
			.param("score", score)
			.param("id", invitationId)
			.update();
		Invitation now = invitation(invitationId);
		if (recorded == 0) {
			return new Rating(Rating.Outcome.ALREADY_ANSWERED, now);
		}
		if (low(now)) {
			alertOnce(now);
		}
		return new Rating(Rating.Outcome.RECORDED, now);
	}

	/** Records the invited person's comment; the first comment stands. */
	@Transactional
	public Rating comment(UUID invitationId, String slackUserId, String text) {
		Invitation invitation = own(invitationId, slackUserId);
		String comment = (text == null) ? "" : text.strip();
		if (comment.isEmpty()) {
			throw new InvalidInputException("comment", "is empty");
		}
		if (comment.length() > 3000) {
			throw new InvalidInputException("comment", "is longer than 3000 characters (" + comment.length() + ")");
		}
		if (!open(invitation)) {
			return new Rating(Rating.Outcome.CLOSED, invitation);
		}
		int recorded = jdbc.sql("""
				update survey_invitation set comment = :comment, answered_at = coalesce(answered_at, now())
				where id = :id and comment is null""").param("comment", comment).param("id", invitationId).update();
		Invitation now = invitation(invitationId);
		if (recorded == 0) {
			return new Rating(Rating.Outcome.ALREADY_ANSWERED, now);
		}
		if (low(now)) {
			boolean alerted = jdbc.sql("select low_alerted_at is not null from survey_invitation where id = :id")
				.param("id", invitationId)
				.query(Boolean.class)
				.single();
			if (alerted) {
				events.publishEvent(new SurveyEvents.LowScoreComment(now, partnerName(now.partnerId())));
			}
		}
		return new Rating(Rating.Outcome.RECORDED, now);
	}

	/**
	 * The invitation if it is this person's; someone else's is not theirs to see, nor to
	 * know it exists.
	 */
	public Optional<Invitation> invitationOf(UUID invitationId, String slackUserId) {
		return invitations(List.of(invitationId)).stream().filter(i -> i.slackUserId().equals(slackUserId)).findFirst();
	}

	private Invitation own(UUID invitationId, String slackUserId) {
		return invitationOf(invitationId, slackUserId)
			.orElseThrow(() -> new NotFoundException("no survey invitation " + invitationId));
	}

	private boolean open(Invitation invitation) {
		LocalDate today = today();
		return get(invitation.surveyId()).openOn(today)
				&& (invitation.closesOn() == null || !today.isAfter(invitation.closesOn()));
	}

	private boolean low(Invitation invitation) {
		return (invitation.satisfaction() != null && invitation.satisfaction() <= properties.lowSatisfaction())
				|| invitation.detractor();
	}

	private void alertOnce(Invitation invitation) {
		int first = jdbc
			.sql("update survey_invitation set low_alerted_at = now() where id = :id and low_alerted_at is null")
			.param("id", invitation.id())
			.update();
		if (first > 0) {
			events.publishEvent(new SurveyEvents.LowScore(invitation, partnerName(invitation.partnerId())));
		}
	}

	/**
	 * Reminds, once, everyone who has answered nothing since {@code remindAfter}, while
	 * their survey is open.
	 */
	@Transactional
	public List<Invitation> remindDue() {
		List<UUID> due = jdbc.sql("""
				update survey_invitation i set reminded_at = now()
				from survey s
				where s.id = i.survey_id and s.active and i.answered_at is null and i.reminded_at is null
				  and i.invited_at < now() - make_interval(secs => :after)
				  and (i.closes_on is null or i.closes_on >= :today)
				  and (s.closes_on is null or s.closes_on >= :today)
				returning i.id""")
			.param("after", (double) properties.remindAfter().toSeconds())
			.param("today", today())
			.query(UUID.class)
			.list();
		List<Invitation> reminded = invitations(due);
		if (!reminded.isEmpty()) {
			events.publishEvent(new SurveyEvents.Reminded(reminded));
		}
		return reminded;
	}

	/**
	 * Sends each scheduled campaign whose cron has fired since it last went out. The
	 * firing is claimed by one update, so one instance sends it.
	 */
	@Transactional
	public List<Invitation> fireScheduled() {
		List<Invitation> sent = new ArrayList<>();
		LocalDate today = today();
		for (Survey survey : all()) {
			if (survey.kind() != SurveyKind.CAMPAIGN || survey.schedule() == null || !survey.openOn(today)) {
				continue;
			}
			var since = Optional.ofNullable(survey.lastFiredAt())
				.orElse(survey.createdAt())
				.atZone(clock.getZone())
				.toLocalDateTime();
			var next = CronExpression.parse(survey.schedule()).next(since);
			if (next == null || next.isAfter(java.time.LocalDateTime.now(clock))) {
				continue;
			}
			int claimed = jdbc.sql("""
					update survey set last_fired_at = :now
					where id = :id and last_fired_at is not distinct from :last""")
				// the clock's time, as the next firing is reckoned from it
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.param("id", survey.id())
				.param("last", Optional.ofNullable(survey.lastFiredAt()).map(java.sql.Timestamp::from).orElse(null))
				.update();
			if (claimed > 0) {
				// the schedule's round, whenever a round went by hand
				sent.addAll(sendRound(survey));
			}
		}
		return sent;
	}

	/**
	 * The people of partners that joined {@code onboardingAfter} ago (and not more than
	 * two weeks before that) get the onboarding survey, once.
	 */
	@Transactional
	public int inviteOnboarded() {
		int invited = 0;
		java.time.Instant due = clock.instant().minus(properties.onboardingAfter());
		for (Partner partner : partners.all()) {
			if (partner.createdAt().isAfter(due)
					|| partner.createdAt().isBefore(due.minus(java.time.Duration.ofDays(14)))) {
				continue;
			}
			for (String person : partners.people(partner.id())) {
				if (inviteAfter(SurveyKind.AFTER_ONBOARDING, "onboarding", partner.id(), person).isPresent()) {
					invited++;
				}
			}
		}
		return invited;
	}

	/** Results of one survey, with the trend per round (per month for micro-surveys). */
	public SurveyResults results(UUID id) {
		Survey survey = get(id);
		String period = (survey.kind() == SurveyKind.CAMPAIGN)
				? "to_char(min(i.invited_at) over (partition by i.round), 'YYYY-MM-DD') || ' (round ' || i.round || ')'"
				: "to_char(i.answered_at, 'YYYY-MM')";
		return results(survey.id(), survey.name(), "i.survey_id = :id", Map.of("id", id), period);
	}

	/**
	 * The program's results over every survey, or one partner's; the trend is monthly.
	 */
	public SurveyResults programResults(UUID partnerId) {
		if (partnerId != null) {
			partners.get(partnerId);
			return results(null, "Partner program: " + partnerName(partnerId), "i.partner_id = :partner",
					Map.of("partner", partnerId), "to_char(i.answered_at, 'YYYY-MM')");
		}
		return results(null, "Partner program", "true", Map.of(), "to_char(i.answered_at, 'YYYY-MM')");
	}

	/** A partner's average satisfaction over the last twelve months; null if none. */
	public Double partnerPsat(UUID partnerId) {
		return jdbc
			.sql("""
					select round(avg(satisfaction)::numeric, 2)::float8 from survey_invitation
					where partner_id = :partner and satisfaction is not null and answered_at > now() - interval '365 days'""")
			.param("partner", partnerId)
			.query(Double.class)
			.optional()
			.orElse(null);
	}

	private record Row(UUID partnerId, Integer satisfaction, Integer recommend, String comment, boolean answered,
			String period, String answeredAt) {
	}

	private SurveyResults results(UUID surveyId, String name, String where, Map<String, Object> params, String period) {
		List<Row> rows = jdbc.sql("select i.partner_id, i.satisfaction, i.recommend, i.comment, "
				+ "i.answered_at is not null as answered, " + period + " as period, "
				+ "to_char(i.answered_at, 'YYYY-MM-DD\"T\"HH24:MI:SS') as answered_at from survey_invitation i where "
				+ where + " order by i.answered_at desc nulls last")
			.params(params)
			.query((rs, n) -> new Row(rs.getObject("partner_id", UUID.class), (Integer) rs.getObject("satisfaction"),
					(Integer) rs.getObject("recommend"), rs.getString("comment"), rs.getBoolean("answered"),
					rs.getString("period"), rs.getString("answered_at")))
			.list();
		Map<UUID, String> names = partners.all().stream().collect(Collectors.toMap(Partner::id, Partner::name));
		Score total = Score.of(rows);
		List<SurveyResults.PartnerResult> byPartner = rows.stream()
			.collect(Collectors.groupingBy(Row::partnerId, java.util.LinkedHashMap::new, Collectors.toList()))
			.entrySet()
			.stream()
			.map(e -> {
				Score score = Score.of(e.getValue());
				return new SurveyResults.PartnerResult(e.getKey(), names.getOrDefault(e.getKey(), "unknown partner"),
						e.getValue().size(), score.responses, score.psat, score.nps);
			})
			.sorted(java.util.Comparator.comparing(SurveyResults.PartnerResult::partnerName))
			.toList();
		List<SurveyResults.TrendPoint> trend = rows.stream()
			.filter(r -> r.period() != null && (r.answered() || surveyId != null))
			.collect(Collectors.groupingBy(Row::period, java.util.TreeMap::new, Collectors.toList()))
			.entrySet()
			.stream()
			.map(e -> {
				Score score = Score.of(e.getValue());
				return new SurveyResults.TrendPoint(e.getKey(), score.responses, score.psat, score.nps);
			})
			.toList();
		List<SurveyResults.Comment> comments = rows.stream()
			.filter(r -> r.comment() != null)
			.map(r -> new SurveyResults.Comment(r.partnerId(), names.getOrDefault(r.partnerId(), "unknown partner"),
					r.satisfaction(), r.recommend(), r.comment(), r.answeredAt()))
			.toList();
		return new SurveyResults(surveyId, name, rows.size(), total.responses,
				rows.isEmpty() ? null : round((double) total.responses / rows.size(), 3), total.psat,
				total.satisfiedShare, total.nps, total.promoters, total.passives, total.detractors, byPartner, trend,
				comments);
	}

	/** PSAT and NPS of some answers. */
	private record Score(int responses, Double psat, Double satisfiedShare, Double nps, int promoters, int passives,
			int detractors) {

		static Score of(List<Row> rows) {
			int responses = (int) rows.stream().filter(Row::answered).count();
			List<Integer> satisfaction = rows.stream()
				.map(Row::satisfaction)
				.filter(java.util.Objects::nonNull)
				.toList();
			List<Integer> recommend = rows.stream().map(Row::recommend).filter(java.util.Objects::nonNull).toList();
			Double psat = satisfaction.isEmpty() ? null
					: round(satisfaction.stream().mapToInt(Integer::intValue).average().orElse(0), 2);
			Double satisfied = satisfaction.isEmpty() ? null
					: round((double) satisfaction.stream().filter(s -> s >= 4).count() / satisfaction.size(), 3);
			int promoters = (int) recommend.stream().filter(r -> r >= 9).count();
			int detractors = (int) recommend.stream().filter(r -> r <= Invitation.DETRACTOR_MAX).count();
			Double nps = recommend.isEmpty() ? null : round(100.0 * (promoters - detractors) / recommend.size(), 1);
			return new Score(responses, psat, satisfied, nps, promoters, recommend.size() - promoters - detractors,
					detractors);
		}

	}

	private static double round(double value, int places) {
		return new java.math.BigDecimal(value).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
	}

	String partnerName(UUID partnerId) {
		return partners.find(partnerId).map(Partner::name).orElse("unknown partner");
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private Survey mapSurvey(ResultSet rs, int row) throws SQLException {
		return new Survey(rs.getObject("id", UUID.class), rs.getString("name"),
				SurveyKind.valueOf(rs.getString("kind")), rs.getString("satisfaction_question"),
				rs.getString("recommend_question"), rs.getString("comment_question"),
				array(rs.getArray("tiers"), String.class::cast), array(rs.getArray("partner_ids"), UUID.class::cast),
				rs.getString("schedule"), rs.getObject("closes_on", LocalDate.class), rs.getBoolean("active"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				Optional.ofNullable(rs.getTimestamp("last_fired_at")).map(java.sql.Timestamp::toInstant).orElse(null));
	}

	private Invitation mapInvitation(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class), rs.getObject("survey_id", UUID.class),
				rs.getString("name"), rs.getString("satisfaction_question"), rs.getString("recommend_question"),
				rs.getString("comment_question"), rs.getObject("partner_id", UUID.class), rs.getString("slack_user_id"),
				rs.getObject("closes_on", LocalDate.class), (Integer) rs.getObject("satisfaction"),
				(Integer) rs.getObject("recommend"), rs.getString("comment"));
	}

	private static <T> List<T> array(Array array, Function<Object, T> cast) throws SQLException {
		return (array == null) ? List.of() : Arrays.stream((Object[]) array.getArray()).map(cast).toList();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String orDefault(String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value.strip();
	}

	/** The two rated questions. */
	public enum Question {

		SATISFACTION, RECOMMEND;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
