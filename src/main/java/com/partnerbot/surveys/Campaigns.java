package com.partnerbot.surveys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Tier;
import com.partnerbot.platform.ApiError;
import com.partnerbot.platform.InvalidInputException;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * PSAT campaigns: creating them, sending a round to their audience (by hand or on their
 * schedule), and inviting people who become known while a round is open.
 */
@Component
@RequiredArgsConstructor
class Campaigns {

	/** How long after a round a campaign may be sent again. */
	static final Duration RESEND_AFTER = Duration.ofMinutes(10);

	private final SurveyRows rows;

	private final PartnerManagement partners;

	private final ApplicationEventPublisher events;

	private final SurveysProperties properties;

	private final Clock clock;

	Survey create(NewSurvey survey, String createdBy) {
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
		List<UUID> partnerIds = List.copyOf(new LinkedHashSet<>(
				Optional.ofNullable(survey.partnerIds()).orElse(List.of()).stream().filter(Objects::nonNull).toList()));
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
		rows.jdbc()
			.sql("""
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
		return rows.find(id).orElseThrow();
	}

	private boolean tooOften(CronExpression cron) {
		LocalDateTime first = cron.next(LocalDateTime.now(clock));
		LocalDateTime second = (first != null) ? cron.next(first) : null;
		return second != null && Duration.between(first, second).compareTo(Duration.ofHours(23)) < 0;
	}

	/** A new round by hand; a double click or a retried request does not survey twice. */
	SurveySent send(Survey survey, String sentBy) {
		if (survey.kind() != SurveyKind.CAMPAIGN) {
			throw new InvalidInputException("id",
					"'" + survey.name() + "' is a micro-survey: it is sent after its moment, not by hand");
		}
		if (!survey.openOn(today())) {
			throw new InvalidInputException("id", "'" + survey.name() + "' is "
					+ (survey.active() ? "closed since " + survey.closesOn() : "paused") + "; nothing was sent");
		}
		Optional<Instant> last = rows.lastRoundAt(survey.id());
		if (last.isPresent() && last.get().isAfter(clock.instant().minus(RESEND_AFTER))) {
			throw new InvalidInputException("id",
					"'" + survey.name() + "' went out " + Duration.between(last.get(), clock.instant()).toMinutes()
							+ " minutes ago; a new round can go " + RESEND_AFTER.toMinutes()
							+ " minutes after the last");
		}
		return sendRound(survey, sentBy);
	}

	/** A new round of a campaign to everyone of its audience the bot knows. */
	private SurveySent sendRound(Survey survey, String sentBy) {
		int round = rows.newRound(survey.id(), clock.instant(), sentBy);
		List<UUID> invited = new ArrayList<>();
		List<String> waitingFor = new ArrayList<>();
		for (Partner partner : audience(survey)) {
			List<String> people = partners.people(partner.id());
			if (people.isEmpty()) {
				waitingFor.add(partner.name());
			}
			for (String person : people) {
				rows.invite(survey, round, "", null, partner.id(), person, survey.closesOn(), clock.instant())
					.ifPresent(invited::add);
			}
		}
		List<Invitation> invitations = rows.invitations(invited);
		SurveySent sent = new SurveySent(survey, invitations, List.copyOf(waitingFor));
		if (invitations.isEmpty()) {
			events.publishEvent(new SurveyEvents.ReachedNobody(sent, sentBy));
		}
		else {
			events.publishEvent(new SurveyEvents.Invited(invitations));
		}
		return sent;
	}

	/** The partners a campaign goes to: its tiers and its named partners, or everyone. */
	List<Partner> audience(Survey survey) {
		List<Partner> all = partners.all();
		return all.stream().filter(p -> inAudience(survey, p)).toList();
	}

	private static boolean inAudience(Survey survey, Partner partner) {
		return (survey.tiers().isEmpty() && survey.partnerIds().isEmpty())
				|| survey.tiers().contains(partner.tier().label()) || survey.partnerIds().contains(partner.id());
	}

	/**
	 * A person who became known is invited to the latest round of every open campaign of
	 * their partner's that went out recently.
	 */
	List<Invitation> inviteLateJoiner(UUID partnerId, String person) {
		Optional<Partner> partner = partners.find(partnerId);
		if (partner.isEmpty()) {
			return List.of();
		}
		Instant since = clock.instant().minus(properties.joinRoundWithin());
		List<UUID> invited = new ArrayList<>();
		for (Survey survey : rows.all()) {
			if (survey.kind() != SurveyKind.CAMPAIGN || !survey.openOn(today()) || !inAudience(survey, partner.get())) {
				continue;
			}
			Optional<Instant> last = rows.lastRoundAt(survey.id());
			if (last.isEmpty() || last.get().isBefore(since)) {
				continue;
			}
			rows.invite(survey, rows.lastRound(survey.id()), "", null, partnerId, person, survey.closesOn(),
					clock.instant())
				.ifPresent(invited::add);
		}
		List<Invitation> invitations = rows.invitations(invited);
		if (!invitations.isEmpty()) {
			events.publishEvent(new SurveyEvents.Invited(invitations));
		}
		return invitations;
	}

	/**
	 * Sends each scheduled campaign whose cron has fired since it last went out. The
	 * firing is claimed by one update, so one instance sends it.
	 */
	List<Invitation> fireScheduled() {
		List<Invitation> sent = new ArrayList<>();
		LocalDate today = today();
		for (Survey survey : rows.all()) {
			if (survey.kind() != SurveyKind.CAMPAIGN || survey.schedule() == null || !survey.openOn(today)) {
				continue;
			}
			LocalDateTime since = Optional.ofNullable(survey.lastFiredAt())
				.orElse(survey.createdAt())
				.atZone(clock.getZone())
				.toLocalDateTime();
			LocalDateTime next = CronExpression.parse(survey.schedule()).next(since);
			if (next == null || next.isAfter(LocalDateTime.now(clock))) {
				continue;
			}
			int claimed = rows.jdbc()
				.sql("""
						update survey set last_fired_at = :now
						where id = :id and last_fired_at is not distinct from :last""")
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.param("id", survey.id())
				.param("last", Optional.ofNullable(survey.lastFiredAt()).map(java.sql.Timestamp::from).orElse(null))
				.update();
			if (claimed > 0) {
				// the schedule's round, whenever a round went by hand
				sent.addAll(sendRound(survey, "schedule").invitations());
			}
		}
		return sent;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String orDefault(String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value.strip();
	}

}
