package com.partnerbot.slack.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;

import com.partnerbot.partners.Partner;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.surveys.Invitation;
import com.partnerbot.surveys.Survey;
import com.partnerbot.surveys.SurveyResults;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

/**
 * What surveys look like in Slack: the invitation with rating buttons, the comment form,
 * the low-score alert, the campaign form and results for admins.
 */
final class SurveyBlocks {

	static final String SATISFACTION = "survey_sat";

	static final String RECOMMEND = "survey_nps";

	static final String COMMENT = "survey_comment";

	static final String COMMENT_FORM = "survey_comment_form";

	static final String CAMPAIGN_FORM = "survey_campaign_form";

	static final String SEND = "survey_send";

	static final String RESULTS = "survey_results";

	static final String EXPORT = "survey_export";

	/** Slack cuts a message's text at 40,000 characters; the API has the rest. */
	private static final int EXPORT_CHARS = 35_000;

	private SurveyBlocks() {
	}

	/**
	 * The invitation: each question's buttons until it is answered, then the answer.
	 */
	static Messages.Reply invitation(Invitation invitation, boolean reminder) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header(h -> h.text(plainText(
				Messages.truncate((reminder ? "Reminder: " : "Quick survey: ") + invitation.surveyName(), 150)))));
		if (invitation.about() != null) {
			blocks.add(context(
					c -> c.elements(List.of(markdownText("About *" + Messages.escape(invitation.about()) + "*")))));
		}
		rating(blocks, invitation, SATISFACTION, invitation.satisfactionQuestion(),
				"1 = very dissatisfied, 5 = very satisfied", invitation.satisfaction(), 1, 5);
		rating(blocks, invitation, RECOMMEND, invitation.recommendQuestion(),
				"0 = not at all likely, 10 = extremely likely", invitation.recommend(), 0, 10);
		if (invitation.comment() == null) {
			blocks.add(actions(a -> a.blockId(COMMENT)
				.elements(List.of(button(b -> b.actionId(COMMENT)
					.value(invitation.id().toString())
					.text(plainText("Add a comment")))))));
		}
		else {
			blocks.add(context(c -> c.elements(List.of(markdownText(":speech_balloon: Your comment: _"
					+ Messages.escape(Messages.truncate(invitation.comment(), 200)) + "_")))));
		}
		String closes = (invitation.closesOn() != null) ? "Open until " + invitation.closesOn() + ". " : "";
		blocks.add(context(c -> c.elements(List.of(markdownText(
				closes + "Your answers go to the vendor's partner team only; other partners never see them.")))));
		if (invitation.satisfaction() != null && invitation.recommend() != null) {
			blocks.add(section(s -> s.text(markdownText(":tada: Thank you! Your answers are recorded."))));
		}
		String text = (reminder ? "Reminder: " : "Quick survey: ") + invitation.surveyName()
				+ (invitation.about() != null ? " about " + invitation.about() : "") + ". "
				+ invitation.satisfactionQuestion();
		return new Messages.Reply(text, blocks);
	}

	private static List<BlockElement> scale(String prefix, Invitation invitation, int from, int to) {
		return IntStream.rangeClosed(from, to)
			.<BlockElement>mapToObj(score -> button(b -> b.actionId(prefix + "_" + score)
				.value(invitation.id() + ":" + score)
				.text(plainText(String.valueOf(score)))))
			.toList();
	}

	/** The comment form; the invitation and where its message is ride along. */
	static View commentForm(Invitation invitation, String metadata) {
		return Messages.form(COMMENT_FORM, metadata, "Your comment", "Send",
				List.of(input(i -> i.blockId("comment")
					.label(plainText(Messages.truncate(invitation.commentQuestion(), 2000)))
					.element(plainTextInput(t -> t.actionId("value").multiline(true).maxLength(3000))))));
	}

	/** The alert channel managers get for a low score or a detractor. */
	static Messages.Reply lowScore(Invitation invitation, String partnerName, String channelManager) {
		List<String> scores = new ArrayList<>();
		if (invitation.satisfaction() != null) {
			scores.add("satisfaction *" + invitation.satisfaction() + " / 5*");
		}
		if (invitation.recommend() != null) {
			scores.add("likelihood to recommend *" + invitation.recommend() + " / 10*"
					+ (invitation.detractor() ? " (detractor)" : ""));
		}
		String text = ":rotating_light: *Low score from " + partnerName + "*: <@" + invitation.slackUserId() + "> gave "
				+ String.join(" and ", scores) + " in _" + invitation.surveyName() + "_."
				+ (invitation.comment() != null ? "\n> " + Messages.escape(invitation.comment())
						: "\nNo comment yet;" + " if one comes, it is added in this thread.")
				+ ((channelManager != null) ? "\nChannel manager: <@" + channelManager + ">" : "");
		return Messages.Reply.plain(text);
	}

	static Messages.Reply lowScoreComment(Invitation invitation, String partnerName) {
		return Messages.Reply.plain(":speech_balloon: <@" + invitation.slackUserId() + "> (" + partnerName
				+ ") added to their low score in _" + invitation.surveyName() + "_: "
				+ Messages.escape(invitation.comment()));
	}

	/** Every answer as CSV, in a message the admin keeps. */
	static Messages.Reply export(String name, String csv, String apiPath) {
		boolean cut = csv.length() > EXPORT_CHARS;
		String shown = cut ? csv.substring(0, csv.lastIndexOf('\n', EXPORT_CHARS) + 1) : csv;
		String fence = "`".repeat(3);
		String text = "Survey answers: " + name + " (CSV)\n" + fence + shown.replace(fence, "'".repeat(3)) + fence
				+ (cut ? "\nThis is the start of a long export; `GET " + apiPath + "` has all of it." : "");
		return Messages.Reply.plain(text);
	}

	/** The admins' form for a new campaign. */
	static View campaignForm(List<String> tiers, String metadata) {
		return Messages
			.form(CAMPAIGN_FORM, metadata, "New PSAT campaign", "Create", List.of(
					input(i -> i.blockId("name")
						.label(plainText("Name"))
						.element(plainTextInput(t -> t.actionId("value")
							.placeholder(plainText("Q4 partner satisfaction"))))),
					input(i -> i.blockId("tiers")
						.optional(true)
						.label(plainText("Tiers (none: every partner)"))
						.element(
								checkboxes(c -> c
									.actionId("value")
									.options(tiers.stream().map(tier -> option(plainText(tier), tier)).toList())))),
					input(i -> i.blockId("partners")
						.optional(true)
						.label(plainText("Named partners"))
						.hint(plainText("Partner names, separated by commas; added to the tiers chosen"))
						.element(plainTextInput(t -> t.actionId("value")))),
					input(i -> i.blockId("closes_on")
						.optional(true)
						.label(plainText("Closes on"))
						.element(datePicker(d -> d.actionId("value")))),
					input(i -> i.blockId("schedule")
						.optional(true)
						.label(plainText("Schedule (cron)"))
						.hint(plainText(
								"Six fields, e.g. 0 0 9 1 */3 * sends on the first day of every quarter at 9:00; "
										+ "empty: send it yourself"))
						.element(plainTextInput(t -> t.actionId("value"))))));
	}

	/** The admins' list of surveys, with buttons to send and to see results. */
	static Messages.Reply list(List<Survey> surveys, java.util.Map<java.util.UUID, Partner> partners) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header(h -> h.text(plainText("Surveys"))));
		if (surveys.isEmpty()) {
			blocks.add(section(s -> s.text(markdownText("No surveys yet. `/partner survey new` creates one."))));
		}
		for (Survey survey : surveys) {
			String audience = survey.kind() != com.partnerbot.surveys.SurveyKind.CAMPAIGN
					? "after " + survey.kind().name().toLowerCase(Locale.ROOT).replace("after_", "").replace('_', ' ')
					: audience(survey, partners);
			String line = "*" + survey.name() + "* — " + audience + (survey.active() ? "" : " — _paused_")
					+ (survey.closesOn() != null ? " — closes " + survey.closesOn() : "")
					+ (survey.schedule() != null ? " — schedule `" + survey.schedule() + "`" : "");
			blocks.add(section(s -> s.text(markdownText(line))));
			List<BlockElement> buttons = new ArrayList<>();
			if (survey.kind() == com.partnerbot.surveys.SurveyKind.CAMPAIGN) {
				buttons.add(button(b -> b.actionId(SEND).value(survey.id().toString()).text(plainText("Send now"))));
			}
			buttons.add(button(b -> b.actionId(RESULTS).value(survey.id().toString()).text(plainText("Results"))));
			buttons.add(button(b -> b.actionId(EXPORT).value(survey.id().toString()).text(plainText("Export CSV"))));
			blocks.add(actions(a -> a.blockId("survey_" + survey.id()).elements(buttons)));
		}
		blocks.add(context(c -> c.elements(List.of(markdownText(
				"`/partner survey new` creates a campaign · `/partner survey results` shows the whole program")))));
		return new Messages.Reply("Surveys", blocks);
	}

	private static String audience(Survey survey, java.util.Map<java.util.UUID, Partner> partners) {
		if (survey.tiers().isEmpty() && survey.partnerIds().isEmpty()) {
			return "every partner";
		}
		List<String> parts = new ArrayList<>();
		if (!survey.tiers().isEmpty()) {
			parts.add(String.join(", ", survey.tiers()) + " partners");
		}
		survey.partnerIds()
			.forEach(id -> parts.add(partners.containsKey(id) ? partners.get(id).name() : "an unknown partner"));
		return String.join(" and ", parts);
	}

	private static String tooFew(SurveyResults results) {
		return "not shown below " + results.minResponses() + " ratings";
	}

	/**
	 * A rating question: its scale of buttons until the person answers, then what they
	 * answered.
	 */
	private static void rating(List<LayoutBlock> blocks, Invitation invitation, String blockId, String question,
			String legend, Integer answer, int lowest, int highest) {
		blocks.add(section(s -> s.text(markdownText("*" + question + "*  _(" + legend + ")_"))));
		if (answer == null) {
			blocks.add(actions(a -> a.blockId(blockId).elements(scale(blockId, invitation, lowest, highest))));
		}
		else {
			blocks.add(context(c -> c.elements(
					List.of(markdownText(":white_check_mark: You answered *" + answer + " / " + highest + "*")))));
		}
	}

	/** "PSAT 4.25, NPS +14", a dash for a figure not shown. */
	private static String scores(Double psat, Double nps) {
		return "PSAT " + (psat == null ? "–" : String.format(Locale.ROOT, "%.2f", psat)) + ", NPS "
				+ (nps == null ? "–" : String.format(Locale.ROOT, "%+.0f", nps));
	}

	/** A titled list, one bullet a row, within a section's length. */
	private static <T> LayoutBlock bulleted(String title, List<T> rows, Function<T, String> line) {
		StringBuilder text = new StringBuilder(title);
		rows.forEach(row -> text.append("\n• ").append(line.apply(row)));
		return section(s -> s.text(markdownText(Messages.truncate(text.toString(), 2900))));
	}

	/** PSAT and NPS, per partner and over time. */
	static Messages.Reply results(SurveyResults results) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header(h -> h.text(plainText(Messages.truncate("Results: " + results.name(), 150)))));
		blocks.add(section(s -> s.fields(List.of(
				markdownText("*PSAT*\n" + (results.psat() == null ? tooFew(results)
						: String.format(Locale.ROOT, "%.2f / 5 (%.0f%% satisfied)", results.psat(),
								results.satisfiedShare() * 100))),
				markdownText("*NPS*\n" + (results.nps() == null ? tooFew(results)
						: String.format(Locale.ROOT, "%+.0f (%d promoters, %d passives, %d detractors)", results.nps(),
								results.promoters(), results.passives(), results.detractors()))),
				markdownText("*Responses*\n" + results.responses() + " of " + results.invited() + " invited"),
				markdownText("*Response rate*\n" + (results.responseRate() == null ? "–"
						: String.format(Locale.ROOT, "%.0f%%", results.responseRate() * 100)))))));
		if (!results.trend().isEmpty()) {
			blocks.add(bulleted("*Trend*", results.trend(), point -> point.period() + ": "
					+ scores(point.psat(), point.nps()) + " (" + point.responses() + " responses)"));
		}
		if (!results.partners().isEmpty()) {
			blocks.add(bulleted("*Per partner*", results.partners(),
					partner -> partner.partnerName() + ": " + scores(partner.psat(), partner.nps()) + " ("
							+ partner.responses() + " of " + partner.invited() + ")"));
		}
		results.comments()
			.stream()
			.limit(5)
			.forEach(comment -> blocks.add(context(c -> c.elements(List.of(markdownText(":speech_balloon: _"
					+ Messages.escape(Messages.truncate(comment.text(), 280)) + "_ — " + comment.partnerName()))))));
		blocks.add(divider());
		return new Messages.Reply("Results: " + results.name(), blocks);
	}

}
