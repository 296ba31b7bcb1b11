package com.partnerbot.surveys;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.partnerbot.platform.NotFoundException;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The surveys module's API: campaigns and micro-surveys, the answers of the people
 * invited (the first answer to each question stands), and results.
 */
@Service
@RequiredArgsConstructor
public class Surveys {

	private final SurveyRows rows;

	private final Campaigns campaigns;

	private final MicroSurveys micro;

	private final SurveyAnswers answers;

	private final SurveyReports reports;

	/** Creates a campaign; every field that is wrong is named. */
	@Transactional
	public Survey create(NewSurvey survey, String createdBy) {
		return campaigns.create(survey, createdBy);
	}

	public Survey get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("no survey " + id));
	}

	public Optional<Survey> find(UUID id) {
		return rows.find(id);
	}

	/** Every survey, newest first. */
	public List<Survey> all() {
		return rows.all();
	}

	/** Pauses a survey (no more invitations, answers refused) or resumes it. */
	@Transactional
	public Survey setActive(UUID id, boolean active) {
		get(id);
		rows.jdbc()
			.sql("update survey set active = :active where id = :id")
			.param("active", active)
			.param("id", id)
			.update();
		return get(id);
	}

	/**
	 * Sends a campaign now: a new round to everyone of its audience the bot knows; people
	 * who become known while it is open are invited later.
	 * @param sentBy the Slack user who sent it, or "api"
	 */
	@Transactional
	public SurveySent send(UUID id, String sentBy) {
		return campaigns.send(get(id), sentBy);
	}

	/**
	 * Sends each scheduled campaign whose cron has fired since it last went out.
	 */
	@Transactional
	public List<Invitation> fireScheduled() {
		return campaigns.fireScheduled();
	}

	/** Invites a person who became known to the open campaigns of their partner. */
	@Transactional
	public List<Invitation> inviteLateJoiner(UUID partnerId, String person) {
		return campaigns.inviteLateJoiner(partnerId, person);
	}

	/**
	 * Invites one person to a micro-survey about one moment, once, and not within the
	 * quiet period after another survey.
	 * @param context what makes the moment unique, e.g. {@code deal:<id>}
	 * @param about the moment in words the person recognises
	 */
	@Transactional
	public Optional<Invitation> inviteAfter(SurveyKind kind, String context, String about, UUID partnerId,
			String person) {
		return micro.inviteAfter(kind, context, about, partnerId, person);
	}

	/** The onboarding survey for partners that joined a month ago. */
	@Transactional
	public int inviteOnboarded() {
		return micro.inviteOnboarded();
	}

	public Invitation invitation(UUID id) {
		return answers.invitation(id);
	}

	/**
	 * The invitation if it is this person's; someone else's is not theirs to see, nor to
	 * know it exists.
	 */
	public Optional<Invitation> invitationOf(UUID invitationId, String slackUserId) {
		return answers.invitationOf(invitationId, slackUserId);
	}

	/**
	 * Records a rating by the invited person: satisfaction (1-5) or likelihood to
	 * recommend (0-10). The first rating of each question stands.
	 */
	@Transactional
	public Rating rate(UUID invitationId, String slackUserId, Question question, int score) {
		return answers.rate(invitationId, slackUserId, question, score);
	}

	/** Records the invited person's comment; the first comment stands. */
	@Transactional
	public Rating comment(UUID invitationId, String slackUserId, String text) {
		return answers.comment(invitationId, slackUserId, text);
	}

	/**
	 * Reminds, once, everyone who has answered nothing for a while, while their survey is
	 * open.
	 */
	@Transactional
	public List<Invitation> remindDue() {
		return answers.remindDue();
	}

	/** Results of one survey, with the trend per round (per month for micro-surveys). */
	public SurveyResults results(UUID id) {
		return reports.results(get(id));
	}

	/**
	 * The program's results over every survey, or one partner's; the trend is monthly.
	 */
	public SurveyResults programResults(UUID partnerId) {
		return reports.programResults(partnerId);
	}

	/** Every invitation of a survey with its answers, as CSV. */
	public String resultsCsv(UUID id) {
		return reports.csv(get(id));
	}

	/** Every invitation of the program (or of one partner) with its answers, as CSV. */
	public String programCsv(UUID partnerId) {
		return reports.programCsv(partnerId);
	}

	/**
	 * How a partner's people rated the vendor's program over the last twelve months: a
	 * health signal for the vendor, never a requirement of the partner.
	 */
	public PartnerSatisfaction partnerSatisfaction(UUID partnerId) {
		return reports.partnerSatisfaction(partnerId);
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
