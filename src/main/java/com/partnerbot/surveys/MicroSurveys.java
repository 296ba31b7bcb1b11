package com.partnerbot.surveys;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Micro-surveys after a moment in a partnership: one per moment and person, naming what
 * it is about, and none while the person is in the quiet period after another survey.
 */
@Component
@RequiredArgsConstructor
class MicroSurveys {

	private final SurveyRows rows;

	private final PartnerManagement partners;

	private final ApplicationEventPublisher events;

	private final SurveysProperties properties;

	private final Clock clock;

	/**
	 * Invites one person to the micro-survey of a kind about one moment, unless they were
	 * asked about it already or got any survey within the quiet period.
	 * @param context the moment, e.g. {@code deal:<id>}: one invitation per moment
	 * @param about the moment in words the person recognises
	 */
	Optional<Invitation> inviteAfter(SurveyKind kind, String context, String about, UUID partnerId, String person) {
		Optional<Survey> survey = rows.activeOfKind(kind);
		if (survey.isEmpty()) {
			return Optional.empty();
		}
		// decisions arrive together (several deals, several products): one at a time per
		// person, so the quiet period holds
		rows.jdbc()
			.sql("select pg_advisory_xact_lock(hashtext('survey-person:' || :person))")
			.param("person", person)
			.query((rs, n) -> 1)
			.list();
		if (inQuietPeriod(person)) {
			return Optional.empty();
		}
		LocalDate closesOn = LocalDate.now(clock).plusDays(properties.microSurveyDays());
		Optional<Invitation> invitation = rows
			.invite(survey.get(), 0, context, about, partnerId, person, closesOn, clock.instant())
			.map(id -> rows.invitations(List.of(id)).get(0));
		invitation.ifPresent(i -> events.publishEvent(new SurveyEvents.Invited(List.of(i))));
		return invitation;
	}

	private boolean inQuietPeriod(String person) {
		Instant since = clock.instant().minus(properties.quietPeriod());
		return rows.jdbc()
			.sql("select exists (select 1 from survey_invitation where slack_user_id = :person and invited_at > :since)")
			.param("person", person)
			.param("since", Timestamp.from(since))
			.query(Boolean.class)
			.single();
	}

	/**
	 * The people of partners that joined {@code onboardingAfter} ago (and not more than
	 * two weeks before that) get the onboarding survey, once.
	 */
	int inviteOnboarded() {
		int invited = 0;
		Instant due = clock.instant().minus(properties.onboardingAfter());
		for (Partner partner : partners.all()) {
			if (partner.createdAt().isAfter(due) || partner.createdAt().isBefore(due.minus(Duration.ofDays(14)))) {
				continue;
			}
			for (String person : partners.people(partner.id())) {
				if (inviteAfter(SurveyKind.AFTER_ONBOARDING, "onboarding", "your first 30 days with the program",
						partner.id(), person)
					.isPresent()) {
					invited++;
				}
			}
		}
		return invited;
	}

}
