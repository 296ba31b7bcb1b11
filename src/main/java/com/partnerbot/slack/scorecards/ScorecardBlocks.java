package com.partnerbot.slack.scorecards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;

import com.partnerbot.scorecards.Scorecard;
import com.partnerbot.slack.bolt.Messages;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * A scorecard and its training recommendations as Block Kit, for replies and the App
 * Home.
 */
final class ScorecardBlocks {

	static final String STOP_NUDGES = "nudge_stop";

	private ScorecardBlocks() {
	}

	static List<LayoutBlock> scorecard(Scorecard card) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header(h -> h.text(plainText(card.partnerName() + ": " + card.tier() + " partner"))));
		Scorecard.Kpis k = card.kpis();
		List<com.slack.api.model.block.composition.TextObject> fields = new ArrayList<>(List.of(
				markdownText("*Won revenue (this year)*\n" + money(k.wonRevenue().doubleValue(), k.currency())
						+ " (sourced " + money(k.sourcedRevenue().doubleValue(), k.currency()) + ", influenced "
						+ money(k.influencedRevenue().doubleValue(), k.currency()) + ")"),
				markdownText("*Registered pipeline*\n" + money(k.registeredPipeline().doubleValue(), k.currency())),
				markdownText("*Win rate*\n" + (k.winRate() == null ? "no decided deals yet"
						: String.format(Locale.ROOT, "%.0f%%", 100 * k.winRate()))),
				markdownText("*Certified people*\n" + (k.certifiedPeople().isEmpty() ? "none yet" : String.join(", ",
						k.certifiedPeople().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()))),
				markdownText("*Courses completed*\n" + k.courseCompletions()),
				markdownText("*Your rating of our program*\n" + programRating(card.programSatisfaction()))));
		if (card.mdf() != null) {
			fields.add(markdownText("*Market development funds*\n" + funds(card.mdf())));
		}
		blocks.add(section(s -> s.fields(fields)));
		if (card.nextTier() != null) {
			String gaps = card.gaps().isEmpty()
					? ":tada: You meet every " + card.nextTier()
							+ " requirement; your channel manager will review your tier."
					: "*To reach " + card.nextTier() + "* (" + card.nextTierBenefit() + "):\n"
							+ String.join("\n", card.gaps().stream().map(g -> "• " + g.description()).toList());
			blocks.add(section(s -> s.text(markdownText(gaps))));
		}
		if (!card.atRisk().isEmpty()) {
			String risk = ":warning: *At risk for keeping " + card.tier() + ":*\n"
					+ String.join("\n", card.atRisk().stream().map(g -> "• " + g.description()).toList());
			blocks.add(section(s -> s.text(markdownText(risk))));
		}
		blocks.addAll(recommendations(card));
		return blocks;
	}

	/** How much of its MDF the partner used, and the won revenue per unit paid. */
	private static String funds(Scorecard.Funds mdf) {
		String used = String.format(Locale.ROOT, "%.0f%% of %s used", 100 * mdf.utilisation().doubleValue(),
				money(mdf.allocated().doubleValue(), mdf.currency()));
		return used + (mdf.returnPerUnitPaid() == null ? "; nothing paid yet" : String.format(Locale.ROOT,
				"; %.2f %s won per %s paid", mdf.returnPerUnitPaid().doubleValue(), mdf.currency(), mdf.currency()));
	}

	/**
	 * How the partner's people rate the vendor's program: the vendor's to act on, never a
	 * requirement of the partner.
	 */
	private static String programRating(Scorecard.ProgramSatisfaction rating) {
		if (rating.psat() == null) {
			return rating.responses() == 0 ? "not surveyed yet"
					: "shown from " + rating.minResponses() + " answers (" + rating.responses() + " so far)";
		}
		return String.format(Locale.ROOT, "%.1f / 5 from %d answers (not a tier requirement)", rating.psat(),
				rating.responses());
	}

	static List<LayoutBlock> recommendations(Scorecard card) {
		List<LayoutBlock> blocks = new ArrayList<>();
		if (card.recommendations().isEmpty()) {
			return blocks;
		}
		blocks.add(divider());
		blocks.add(section(s -> s.text(markdownText("*Training that closes your gaps*"))));
		for (Scorecard.Recommendation r : card.recommendations()) {
			blocks
				.add(section(s -> s.text(markdownText("<" + r.link() + "|" + r.course() + ">\n_" + r.reason() + "_"))));
		}
		return blocks;
	}

	static String summary(Scorecard card) {
		if (card.nextTier() == null) {
			return card.partnerName() + " is a " + card.tier() + " partner.";
		}
		return card.partnerName() + " is " + card.tier() + "; to reach " + card.nextTier() + ": "
				+ (card.gaps().isEmpty() ? "every requirement is met"
						: String.join("; ", card.gaps().stream().map(Scorecard.Gap::description).toList()));
	}

	/**
	 * A weekly tip: the biggest gap, the course that closes most of it, and a way out.
	 */
	static Messages.Reply nudge(Scorecard card) {
		String gap = card.gaps().isEmpty() ? "" : card.gaps().get(0).description();
		String course = card.recommendations().isEmpty() ? "" : " Next step: <" + card.recommendations().get(0).link()
				+ "|" + card.recommendations().get(0).course() + ">.";
		String text = ":chart_with_upwards_trend: " + card.partnerName() + " is " + card.tier() + "; " + card.nextTier()
				+ " needs " + gap + "." + course;
		List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(text))),
				context(c -> c.elements(List.of(markdownText("`/partner scorecard` shows everything.")))),
				actions(a -> a.elements(List
					.of(button(b -> b.actionId(STOP_NUDGES).value("stop").text(plainText("Stop these tips")))))));
		return new Messages.Reply(text, blocks);
	}

	private static String money(double amount, String currency) {
		if (amount >= 1_000_000) {
			return String.format(Locale.ROOT, "%.2fM %s", amount / 1_000_000, currency);
		}
		if (amount >= 1000) {
			return String.format(Locale.ROOT, "%.0fk %s", amount / 1000, currency);
		}
		return String.format(Locale.ROOT, "%.0f %s", amount, currency);
	}

}
