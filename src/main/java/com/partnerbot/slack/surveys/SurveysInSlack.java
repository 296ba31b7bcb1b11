package com.partnerbot.slack.surveys;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.ViewState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.slack.people.SlackClicks;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.partners.Tier;
import com.partnerbot.platform.ApiError;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.platform.NotFoundException;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackApi;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackPayloads;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.bolt.SlackWork;
import com.partnerbot.slack.outbox.Outbound;
import com.partnerbot.slack.outbox.SlackOutbox;
import com.partnerbot.slack.people.SlackRequesters;
import com.partnerbot.surveys.Invitation;
import com.partnerbot.surveys.NewSurvey;
import com.partnerbot.surveys.Rating;
import com.partnerbot.surveys.Survey;
import com.partnerbot.surveys.SurveyEvents;
import com.partnerbot.surveys.SurveySent;
import com.partnerbot.surveys.Surveys;

import lombok.RequiredArgsConstructor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Surveys in Slack: invitations and reminders by direct message (through the outbox),
 * rating buttons and the comment form, low-score alerts for the channel managers, and
 * {@code /partner survey} for admins.
 */
@Component
@RequiredArgsConstructor
public class SurveysInSlack implements SlackFeature {

	private static final Logger log = LoggerFactory.getLogger(SurveysInSlack.class);

	private static final Pattern SATISFACTION = Pattern.compile(SurveyBlocks.SATISFACTION + "_[1-5]");

	private static final Pattern RECOMMEND = Pattern.compile(SurveyBlocks.RECOMMEND + "_(10|[0-9])");

	private final Surveys surveys;

	private final PartnerManagement partners;

	private final SlackOutbox outbox;

	private final SlackRequesters requesters;

	private final SlackReplies replies;

	private final SlackWork work;

	private final SlackApi api;

	private final SlackClicks clicks;

	@ApplicationModuleListener
	void on(SurveyEvents.Invited invited) {
		int stored = outbox.enqueueAll(invited.invitations()
			.stream()
			.map(i -> Outbound.toPerson("survey:" + i.id(), "survey", i.slackUserId(),
					SurveyBlocks.invitation(i, false)))
			.toList());
		log.info("Survey invitations stored for delivery: {}", stored);
	}

	@ApplicationModuleListener
	void on(SurveyEvents.Reminded reminded) {
		outbox.enqueueAll(reminded.invitations()
			.stream()
			.map(i -> Outbound.toPerson("survey-reminder:" + i.id(), "survey", i.slackUserId(),
					SurveyBlocks.invitation(i, true)))
			.toList());
	}

	/**
	 * A low score reaches the channel managers' channel, naming the partner's own channel
	 * manager, who also hears by direct message.
	 */
	@ApplicationModuleListener
	void on(SurveyEvents.LowScore low) {
		String manager = partners.find(low.invitation().partnerId()).map(Partner::channelManager).orElse(null);
		Messages.Reply alert = SurveyBlocks.lowScore(low.invitation(), low.partnerName(), manager);
		outbox.alert("low-score:" + low.invitation().id(), alert);
		if (manager != null) {
			outbox.enqueue(Outbound.toPerson("low-score-manager:" + low.invitation().id(), "alert", manager, alert));
		}
	}

	/** The comment that follows a low score reaches where the alert went. */
	@ApplicationModuleListener
	void on(SurveyEvents.LowScoreComment comment) {
		Messages.Reply added = SurveyBlocks.lowScoreComment(comment.invitation(), comment.partnerName());
		outbox.alertUnder("low-score-comment:" + comment.invitation().id(), "low-score:" + comment.invitation().id(),
				added);
		String manager = partners.find(comment.invitation().partnerId()).map(Partner::channelManager).orElse(null);
		if (manager != null) {
			outbox.enqueue(Outbound.toPerson("low-score-comment-manager:" + comment.invitation().id(), "alert", manager,
					added));
		}
	}

	/** A round that reached no one: the admins hear it, and whoever sent it. */
	@ApplicationModuleListener
	void on(SurveyEvents.ReachedNobody nobody) {
		Messages.Reply notice = Messages.Reply.plain(":warning: " + Messages.escape(nobody.sent().notice()));
		String key = "survey-nobody:" + nobody.sent().survey().id() + ":" + UUID.randomUUID();
		outbox.alert(key, notice);
		if (nobody.sentBy() != null && nobody.sentBy().matches("[UW][A-Z0-9_]+")) {
			outbox.enqueue(Outbound.toPerson(key + ":sender", "notice", nobody.sentBy(), notice));
		}
	}

	@Override
	public void register(App app) {
		app.blockAction(SATISFACTION, (req, ctx) -> {
			rate(req.getPayload(), Surveys.Question.SATISFACTION);
			return ctx.ack();
		});
		app.blockAction(RECOMMEND, (req, ctx) -> {
			rate(req.getPayload(), Surveys.Question.RECOMMEND);
			return ctx.ack();
		});
		app.blockAction(SurveyBlocks.COMMENT, (req, ctx) -> {
			var payload = req.getPayload();
			String user = payload.getUser().getId();
			Optional<UUID> invitation = SlackPayloads.uuid(payload.getActions().get(0).getValue());
			String where = payload.getContainer().getChannelId() + "|" + payload.getContainer().getMessageTs();
			// the form opens before the acknowledgement, while the trigger is fresh
			invitation.flatMap(id -> surveys.invitationOf(id, user))
				.ifPresent(found -> api.openView(payload.getTriggerId(),
						SurveyBlocks.commentForm(found, found.id() + "|" + where)));
			return ctx.ack();
		});
		app.viewSubmission(SurveyBlocks.COMMENT_FORM, (req, ctx) -> {
			String[] metadata = String.valueOf(req.getPayload().getView().getPrivateMetadata()).split("\\|");
			String user = req.getPayload().getUser().getId();
			String text = value(req.getPayload().getView().getState(), "comment");
			Optional<UUID> invitation = SlackPayloads.uuid(metadata[0]);
			if (invitation.isEmpty()) {
				return ctx.ackWithErrors(Map.of("comment", "This form no longer belongs to a survey."));
			}
			try {
				Rating rating = surveys.comment(invitation.get(), user, text);
				if (rating.outcome() == Rating.Outcome.CLOSED) {
					return ctx.ackWithErrors(Map.of("comment", "This survey has closed; thank you all the same."));
				}
				if (rating.outcome() == Rating.Outcome.ALREADY_ANSWERED) {
					return ctx.ackWithErrors(Map.of("comment", "You commented already; your first comment stands."));
				}
				if (metadata.length == 3) {
					work.submit("survey comment", () -> replies.update(metadata[1], metadata[2],
							SurveyBlocks.invitation(rating.invitation(), false)));
				}
				return ctx.ack();
			}
			catch (InvalidInputException ex) {
				return ctx.ackWithErrors(Map.of("comment", "Your comment " + ex.errors().get(0).message() + "."));
			}
			catch (NotFoundException ex) {
				return ctx.ackWithErrors(Map.of("comment", "This survey is not yours to answer."));
			}
		});
		app.viewSubmission(SurveyBlocks.CAMPAIGN_FORM, (req, ctx) -> {
			SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
			Requester requester = requesters.identify(identity);
			if (!(requester instanceof Requester.Staff staff && staff.admin())) {
				return ctx.ackWithErrors(Map.of("name", "Only program admins can create surveys."));
			}
			ViewState state = req.getPayload().getView().getState();
			Map<String, String> errors = new LinkedHashMap<>();
			List<UUID> partnerIds = partnerIds(value(state, "partners"), errors);
			LocalDate closesOn = Optional.ofNullable(state.getValues().get("closes_on"))
				.map(b -> b.get("value"))
				.map(ViewState.Value::getSelectedDate)
				.map(LocalDate::parse)
				.orElse(null);
			List<String> tiers = Optional.ofNullable(state.getValues().get("tiers"))
				.map(b -> b.get("value"))
				.map(ViewState.Value::getSelectedOptions)
				.map(options -> options.stream().map(o -> o.getValue()).toList())
				.orElse(List.of());
			NewSurvey survey = new NewSurvey(value(state, "name"), tiers, partnerIds, closesOn,
					value(state, "schedule"), null, null, null);
			if (errors.isEmpty()) {
				try {
					Survey created = surveys.create(survey, identity.userId());
					String channel = req.getPayload().getView().getPrivateMetadata();
					work.submit("survey created", () -> replies.privately(channel, identity.userId(),
							SurveyBlocks.list(List.of(created), partnerMap())));
					return ctx.ack();
				}
				catch (InvalidInputException ex) {
					Map<String, String> blocks = Map.of("name", "name", "tiers", "tiers", "partnerIds", "partners",
							"closesOn", "closes_on", "schedule", "schedule");
					for (ApiError.FieldError error : ex.errors()) {
						errors.putIfAbsent(blocks.getOrDefault(error.field(), "name"), error.message());
					}
				}
			}
			return ctx.ackWithErrors(errors);
		});
		answerPrivately(app, SurveyBlocks.SEND, "survey send", this::send);
		answerPrivately(app, SurveyBlocks.EXPORT, "survey export", this::export);
		answerPrivately(app, SurveyBlocks.RESULTS, "survey results", this::results);
	}

	/**
	 * A button of the admin's survey list: acknowledged at once, answered privately to
	 * whoever clicked, from the button's value (the survey).
	 */
	private void answerPrivately(App app, String actionId, String what,
			BiFunction<Requester, String, Messages.Reply> answer) {
		clicks.onClick(app, actionId, what, click -> replies.privately(click.identity().channelId(),
				click.identity().userId(), answer.apply(requesters.identify(click.identity()), click.value())));
	}

	/**
	 * {@code /partner survey [list | new | send <survey> | results [<survey>]]}, for
	 * admins. {@code new} opens the form at once (the trigger is only valid a few
	 * seconds).
	 */
	public Messages.Reply command(Requester requester, String text, String channel, String triggerId) {
		if (!(requester instanceof Requester.Staff staff && staff.admin())) {
			return Messages.Reply.plain("Only program admins can use `/partner survey`.");
		}
		String[] words = text.strip().split("\\s+", 2);
		String sub = words[0].toLowerCase(Locale.ROOT);
		String rest = (words.length > 1) ? words[1].strip() : "";
		return switch (sub) {
			case "", "list" -> SurveyBlocks.list(surveys.all(), partnerMap());
			case "new", "create" -> {
				try {
					var opened = api.client()
						.viewsOpen(r -> r.triggerId(triggerId)
							.view(SurveyBlocks.campaignForm(Arrays.stream(Tier.values()).map(Tier::label).toList(),
									channel)));
					yield opened.isOk() ? null
							: Messages.Reply.plain(":warning: The form did not open (" + opened.getError() + ").");
				}
				catch (IOException | SlackApiException ex) {
					yield Messages.Reply.plain(":warning: The form did not open; try again.");
				}
			}
			case "send" -> send(requester, rest);
			case "results" -> results(requester, rest);
			case "export", "csv" -> export(requester, rest);
			default -> Messages.Reply.plain("I don't know `/partner survey " + sub
					+ "`. Try `/partner survey` (list), `new`, `send <survey>`, `results [<survey>]` or `export [<survey>]`.");
		};
	}

	private Messages.Reply send(Requester requester, String which) {
		if (!(requester instanceof Requester.Staff staff && staff.admin())) {
			return Messages.Reply.plain("Only program admins can send surveys.");
		}
		Optional<Survey> survey = find(which);
		if (survey.isEmpty()) {
			return unknown(which);
		}
		try {
			SurveySent sent = surveys.send(survey.get().id(), requester.userId());
			int invited = sent.invitations().size();
			if (invited == 0) {
				return Messages.Reply.plain(":warning: " + Messages.escape(sent.notice()));
			}
			return Messages.Reply.plain(":white_check_mark: *" + survey.get().name() + "* is on its way to " + invited
					+ (invited == 1 ? " person" : " people") + ".");
		}
		catch (InvalidInputException ex) {
			return Messages.Reply.plain(":warning: " + ex.errors().get(0).message());
		}
	}

	private Messages.Reply results(Requester requester, String which) {
		if (!(requester instanceof Requester.Staff staff && staff.admin())) {
			return Messages.Reply.plain("Only program admins can see survey results.");
		}
		if (which.isBlank()) {
			return SurveyBlocks.results(surveys.programResults(null));
		}
		return find(which).map(s -> SurveyBlocks.results(surveys.results(s.id()))).orElseGet(() -> unknown(which));
	}

	/**
	 * Every answer as CSV, kept in the admin's direct messages (not only shown
	 * ephemerally); a long export is cut, and the API has all of it.
	 */
	private Messages.Reply export(Requester requester, String which) {
		if (!(requester instanceof Requester.Staff staff && staff.admin())) {
			return Messages.Reply.plain("Only program admins can export survey results.");
		}
		String csv;
		String name;
		String path;
		if (which.isBlank()) {
			csv = surveys.programCsv(null);
			name = "every survey";
			path = "/api/surveys/results.csv";
		}
		else {
			Optional<Survey> survey = find(which);
			if (survey.isEmpty()) {
				return unknown(which);
			}
			csv = surveys.resultsCsv(survey.get().id());
			name = survey.get().name();
			path = "/api/surveys/" + survey.get().id() + "/results.csv";
		}
		outbox.enqueue(Outbound.toPerson("survey-export:" + UUID.randomUUID(), "notice", requester.userId(),
				SurveyBlocks.export(name, csv, path)));
		return Messages.Reply.plain(":inbox_tray: The answers to *" + Messages.escape(name)
				+ "* are in your direct messages with me, as CSV.");
	}

	/** A survey by id, or by a name or the start of one. */
	private Optional<Survey> find(String which) {
		String wanted = which.strip().replaceAll("^\"|\"$", "");
		if (wanted.isEmpty()) {
			return Optional.empty();
		}
		Optional<Survey> byId = SlackPayloads.uuid(wanted).flatMap(surveys::find);
		if (byId.isPresent()) {
			return byId;
		}
		List<Survey> byName = surveys.all()
			.stream()
			.filter(s -> s.name().toLowerCase(Locale.ROOT).startsWith(wanted.toLowerCase(Locale.ROOT)))
			.toList();
		return (byName.size() == 1) ? Optional.of(byName.get(0))
				: byName.stream().filter(s -> s.name().equalsIgnoreCase(wanted)).findFirst();
	}

	private static Messages.Reply unknown(String which) {
		return Messages.Reply.plain(which.isBlank() ? "Which survey? `/partner survey` lists them."
				: ":warning: No single survey is called `" + Messages.escape(which)
						+ "`. `/partner survey` lists them.");
	}

	private void rate(com.slack.api.app_backend.interactive_components.payload.BlockActionPayload payload,
			Surveys.Question question) {
		String user = payload.getUser().getId();
		String channel = payload.getContainer().getChannelId();
		String ts = payload.getContainer().getMessageTs();
		String[] value = String.valueOf(payload.getActions().get(0).getValue()).split(":");
		work.submit("survey rating", () -> {
			Optional<UUID> invitation = SlackPayloads.uuid(value[0]);
			if (invitation.isEmpty() || value.length != 2) {
				return;
			}
			try {
				Rating rating = surveys.rate(invitation.get(), user, question, Integer.parseInt(value[1]));
				switch (rating.outcome()) {
					case RECORDED -> replies.update(channel, ts, SurveyBlocks.invitation(rating.invitation(), false));
					case ALREADY_ANSWERED -> replies.privately(channel, user,
							Messages.Reply.plain("You answered this question already; your first answer stands."));
					case CLOSED -> replies.privately(channel, user,
							Messages.Reply.plain("This survey has closed; thank you all the same."));
				}
			}
			catch (NotFoundException | InvalidInputException | NumberFormatException ex) {
				log.info("A survey rating that is not this person's to give: {}", (Object) value);
			}
		});
	}

	private List<UUID> partnerIds(String names, Map<String, String> errors) {
		if (names == null || names.isBlank()) {
			return List.of();
		}
		Map<String, Partner> byName = partners.all()
			.stream()
			.collect(Collectors.toMap(p -> p.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
		List<UUID> ids = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String name : names.split(",")) {
			String wanted = name.strip().toLowerCase(Locale.ROOT);
			if (wanted.isEmpty()) {
				continue;
			}
			Partner partner = byName.get(wanted);
			if (partner == null) {
				List<Partner> starting = byName.values()
					.stream()
					.filter(p -> p.name().toLowerCase(Locale.ROOT).startsWith(wanted))
					.toList();
				partner = (starting.size() == 1) ? starting.get(0) : null;
			}
			if (partner == null) {
				unknown.add(name.strip());
			}
			else {
				ids.add(partner.id());
			}
		}
		if (!unknown.isEmpty()) {
			errors.put("partners", "No partner is called " + String.join(", ", unknown) + ".");
		}
		return ids;
	}

	private Map<UUID, Partner> partnerMap() {
		return partners.all().stream().collect(Collectors.toMap(Partner::id, Function.identity()));
	}

	private static String value(ViewState state, String block) {
		return Optional.ofNullable(state.getValues().get(block))
			.map(b -> b.get("value"))
			.map(ViewState.Value::getValue)
			.orElse(null);
	}

}
