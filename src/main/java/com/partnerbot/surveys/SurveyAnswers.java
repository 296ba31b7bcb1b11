package com.partnerbot.surveys;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.platform.NotFoundException;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What invited people answer: the first answer to each question stands; low scores alert
 * the channel managers once; those who answered nothing are reminded once.
 */
@Component
@RequiredArgsConstructor
class SurveyAnswers {

	private final SurveyRows rows;

	private final PartnerManagement partners;

	private final ApplicationEventPublisher events;

	private final SurveysProperties properties;

	private final Clock clock;

	Rating rate(UUID invitationId, String slackUserId, Surveys.Question question, int score) {
		Invitation invitation = own(invitationId, slackUserId);
		if (question == Surveys.Question.SATISFACTION && (score < 1 || score > 5)) {
			throw new InvalidInputException("satisfaction", "must be between 1 and 5");
		}
		if (question == Surveys.Question.RECOMMEND && (score < 0 || score > 10)) {
			throw new InvalidInputException("recommend", "must be between 0 and 10");
		}
		if (!open(invitation)) {
			return new Rating(Rating.Outcome.CLOSED, invitation);
		}
		String column = (question == Surveys.Question.SATISFACTION) ? "satisfaction" : "recommend";
		Rating rating = recordFirst(invitationId, column, score);
		if (rating.outcome() == Rating.Outcome.RECORDED && low(rating.invitation())) {
			alertOnce(rating.invitation());
		}
		return rating;
	}

	/** Records an answer to one question unless it has one: the first answer stands. */
	private Rating recordFirst(UUID invitationId, String column, Object answer) {
		int recorded = rows.jdbc()
			.sql("update survey_invitation set " + column + " = :answer, answered_at = coalesce(answered_at, :now) "
					+ "where id = :id and " + column + " is null")
			.param("answer", answer)
			.param("now", now())
			.param("id", invitationId)
			.update();
		return new Rating((recorded == 0) ? Rating.Outcome.ALREADY_ANSWERED : Rating.Outcome.RECORDED,
				invitation(invitationId));
	}

	Rating comment(UUID invitationId, String slackUserId, String text) {
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
		Rating rating = recordFirst(invitationId, "comment", comment);
		Invitation now = rating.invitation();
		if (rating.outcome() == Rating.Outcome.RECORDED && low(now)) {
			boolean alerted = rows.jdbc()
				.sql("select low_alerted_at is not null from survey_invitation where id = :id")
				.param("id", invitationId)
				.query(Boolean.class)
				.single();
			if (alerted) {
				events.publishEvent(new SurveyEvents.LowScoreComment(now, partnerName(now.partnerId())));
			}
		}
		return rating;
	}

	Invitation invitation(UUID id) {
		List<Invitation> found = rows.invitations(List.of(id));
		if (found.isEmpty()) {
			throw new NotFoundException("no survey invitation " + id);
		}
		return found.get(0);
	}

	Optional<Invitation> invitationOf(UUID invitationId, String slackUserId) {
		return rows.invitations(List.of(invitationId))
			.stream()
			.filter(i -> i.slackUserId().equals(slackUserId))
			.findFirst();
	}

	private Invitation own(UUID invitationId, String slackUserId) {
		return invitationOf(invitationId, slackUserId)
			.orElseThrow(() -> new NotFoundException("no survey invitation " + invitationId));
	}

	private boolean open(Invitation invitation) {
		LocalDate today = LocalDate.now(clock);
		return rows.find(invitation.surveyId()).map(s -> s.openOn(today)).orElse(false)
				&& (invitation.closesOn() == null || !today.isAfter(invitation.closesOn()));
	}

	private boolean low(Invitation invitation) {
		return (invitation.satisfaction() != null && invitation.satisfaction() <= properties.lowSatisfaction())
				|| invitation.detractor();
	}

	private void alertOnce(Invitation invitation) {
		int first = rows.jdbc()
			.sql("update survey_invitation set low_alerted_at = :now where id = :id and low_alerted_at is null")
			.param("now", now())
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
	List<Invitation> remindDue() {
		LocalDate today = LocalDate.now(clock);
		List<UUID> due = rows.jdbc()
			.sql("""
					update survey_invitation i set reminded_at = :now
					from survey s
					where s.id = i.survey_id and s.active and i.answered_at is null and i.reminded_at is null
					  and i.invited_at < :due
					  and (i.closes_on is null or i.closes_on >= :today)
					  and (s.closes_on is null or s.closes_on >= :today)
					returning i.id""")
			.param("now", now())
			.param("due", Timestamp.from(clock.instant().minus(properties.remindAfter())))
			.param("today", today)
			.query(UUID.class)
			.list();
		List<Invitation> reminded = rows.invitations(due);
		if (!reminded.isEmpty()) {
			events.publishEvent(new SurveyEvents.Reminded(reminded));
		}
		return reminded;
	}

	private String partnerName(UUID partnerId) {
		return partners.find(partnerId).map(Partner::name).orElse("unknown partner");
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

}
