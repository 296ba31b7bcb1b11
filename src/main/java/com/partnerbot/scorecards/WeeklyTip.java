package com.partnerbot.scorecards;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.partnerbot.partners.Partner;

/**
 * A weekly tip: a partner person's scorecard, whose biggest gap and next step the tip
 * shows.
 *
 * @param person the person's Slack user id
 * @param scorecard their partner's scorecard, with the training for them
 */
public record WeeklyTip(String person, Scorecard scorecard) {

	/**
	 * Who gets a tip: each person of a partner with a tier above its own, unless they
	 * opted out, whose scorecard shows a gap to that tier. A partner at the top tier, and
	 * a person whose partner meets the next tier's requirements, get none.
	 */
	static List<WeeklyTip> choose(Collection<Partner> partners, Function<UUID, List<String>> peopleOf,
			Set<String> optedOut, BiFunction<UUID, String, Scorecard> scorecardOf) {
		List<WeeklyTip> tips = new ArrayList<>();
		for (Partner partner : partners) {
			if (partner.tier().next().isEmpty()) {
				continue;
			}
			for (String person : peopleOf.apply(partner.id())) {
				if (optedOut.contains(person)) {
					continue;
				}
				Scorecard card = scorecardOf.apply(partner.id(), person);
				if (!card.gaps().isEmpty()) {
					tips.add(new WeeklyTip(person, card));
				}
			}
		}
		return tips;
	}

}
