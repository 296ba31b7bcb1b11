package com.partnerbot.slack.program;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;

import com.partnerbot.partners.Partner;
import com.partnerbot.program.Digest;
import com.partnerbot.program.HealthSignal;
import com.partnerbot.program.Journey;
import com.partnerbot.program.PartnerHealth;
import com.partnerbot.slack.bolt.Messages;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The program's messages: health alerts, the onboarding checklist, the digest.
 */
final class ProgramBlocks {

	private ProgramBlocks() {
	}

	/** The welcome in a new partner's shared channel, with its checklist. */
	static Messages.Reply welcome(Partner partner, Journey journey) {
		String text = ":wave: Welcome to the partner program, *" + Messages.escape(partner.name())
				+ "*! Here is your checklist for the first days; I tick each step as it happens.";
		return new Messages.Reply(text, List.of(section(s -> s.text(markdownText(text))),
				section(s -> s.text(markdownText(checklist(journey)))), context(c -> c.elements(List.of(markdownText(
						"`/partner scorecard` shows where you stand; mention me with any question about the program."))))));
	}

	/** A step done, with what is left. */
	static Messages.Reply stepDone(Journey.Step step, Journey journey) {
		String text = ":white_check_mark: Done: *" + Messages.escape(step.label()) + "* (" + journey.doneCount()
				+ " of " + journey.steps().size() + ")";
		return new Messages.Reply(text, List.of(section(s -> s.text(markdownText(text))),
				section(s -> s.text(markdownText(checklist(journey))))));
	}

	/** A step past its day, for the partner. */
	static Messages.Reply late(Journey.Step step) {
		return Messages.Reply.plain(":hourglass: A step of your onboarding is late: *" + Messages.escape(step.label())
				+ "* was due " + step.due() + ". Your channel manager is glad to help.");
	}

	/** A stalled journey, for its channel manager. */
	static Messages.Reply stalled(Partner partner, int idleDays, List<Journey.Step> open) {
		return Messages.Reply
			.plain(":turtle: *" + Messages.escape(partner.name()) + "* has done no onboarding step for " + idleDays
					+ " days. Still open: "
					+ String.join(", ",
							open.stream().map(s -> Messages.escape(s.label()) + " (due " + s.due() + ")").toList())
					+ ".");
	}

	/** A channel manager's week. */
	static Messages.Reply digest(String week, Digest digest) {
		List<String> lines = new ArrayList<>();
		lines.add(":calendar: *Your partners this week* (" + week + ")");
		if (digest.isEmpty()) {
			lines.add(
					"A quiet week: no health change, no stalled onboarding, nothing expiring, no question left unanswered.");
		}
		part(lines, "Health changed", digest.healthChanges(), c -> Messages.escape(c.partner()) + ": "
				+ status(c.from()) + " → " + status(c.to()) + " (" + c.score() + "/100)");
		part(lines, "Onboarding stalled", digest.stalled(),
				p -> Messages.escape(p.partner()) + ": " + Messages.escape(p.detail()));
		part(lines, "Protection ending within two weeks", digest.dealsExpiring(), d -> d.reference() + " "
				+ Messages.escape(d.customer()) + " (" + Messages.escape(d.partner()) + ") on " + d.protectedUntil());
		part(lines, "Funds expiring", digest.fundsExpiring(),
				f -> Messages.escape(f.partner()) + ": " + f.amount().toPlainString());
		part(lines, "Questions left unanswered", digest.unanswered(),
				u -> Messages.escape(u.partner()) + ": " + u.questions());
		lines.add("_`/partner program` has the whole program._");
		return Messages.Reply.plain(String.join("\n", lines));
	}

	private static <T> void part(List<String> lines, String title, List<T> items,
			java.util.function.Function<T, String> line) {
		if (!items.isEmpty()) {
			lines.add("*" + title + "*");
			items.forEach(item -> lines.add("• " + line.apply(item)));
		}
	}

	private static String status(String status) {
		return status.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

	static String checklist(Journey journey) {
		List<String> lines = new ArrayList<>();
		for (Journey.Step step : journey.steps()) {
			lines.add((step.done() ? ":white_check_mark: ~" + Messages.escape(step.label()) + "~"
					: ":white_large_square: " + Messages.escape(step.label()) + " (by " + step.due() + ")"));
		}
		return String.join("\n", lines);
	}

	/** A partner turned at risk: the score and the signals that pulled it down. */
	static Messages.Reply atRisk(Partner partner, PartnerHealth health) {
		String name = Messages.escape(partner.name());
		List<String> lines = new ArrayList<>();
		lines.add(":rotating_light: *" + name + "* is at risk: health " + health.score() + "/100.");
		for (HealthSignal concern : health.concerns()) {
			lines.add("• " + Messages.escape(concern.reason()));
		}
		String text = String.join("\n", lines);
		List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(text))),
				context(c -> c.elements(List.of(markdownText("Every signal: `GET /api/partners/" + partner.id()
						+ "/health`; the program at a glance: `/partner program`.")))));
		return new Messages.Reply(text, blocks);
	}

}
