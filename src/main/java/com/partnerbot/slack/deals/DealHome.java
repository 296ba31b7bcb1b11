package com.partnerbot.slack.deals;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.slack.bolt.Messages;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Registrations at a glance, for the App Home and {@code /partner deals}: a partner's
 * own, each with where it stands and the action that applies; for the vendor's staff, the
 * registrations waiting for a decision, with the program's response time and what is
 * overdue.
 */
@Component
@RequiredArgsConstructor
public class DealHome {

	private static final int SHOWN = 20;

	private final DealRegistrations registrations;

	private final PartnerManagement partners;

	private final DealStanding standing;

	/**
	 * The asker's partner's registrations, newest first, with their actions; for staff
	 * outside a partner's channel, the registrations waiting for a decision.
	 */
	public Messages.Reply deals(Requester requester) {
		if (requester instanceof Requester.Staff staff && staff.partner().isEmpty()) {
			return new Messages.Reply(queueSummary(), queue());
		}
		if (requester.partner().isEmpty()) {
			return Messages.Reply
				.plain("Deals belong to a partner: use `/partner deals` in the partner's shared channel.");
		}
		return new Messages.Reply("Deal registrations of " + requester.partner().get().name(),
				partnerDeals(requester.partner().get()));
	}

	public List<LayoutBlock> partnerDeals(Partner partner) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header(h -> h.text(plainText("Deal registrations"))));
		List<Deal> deals = registrations.forPartner(partner.id());
		if (deals.isEmpty()) {
			blocks.add(section(s -> s.text(markdownText(
					"No deal registrations yet. Register one with `/partner deal <description>` or by mentioning me."))));
			return blocks;
		}
		for (Deal deal : deals.stream().limit(SHOWN).toList()) {
			String text = standing.status(deal);
			if (registrations.extensible(deal)) {
				blocks.add(section(s -> s.text(markdownText(text))
					.accessory(button(b -> b.actionId(DealBlocks.EXTEND)
						.value(deal.id().toString())
						.text(plainText("Request an extension"))))));
			}
			else {
				blocks.add(section(s -> s.text(markdownText(text))));
			}
		}
		if (deals.size() > SHOWN) {
			blocks.add(section(s -> s.text(markdownText("… and " + (deals.size() - SHOWN)
					+ " older ones. Ask me about any by its reference, e.g. \"when does DR-XXXXXX's protection end?\""))));
		}
		return blocks;
	}

	public List<LayoutBlock> queue() {
		List<LayoutBlock> blocks = new ArrayList<>();
		List<DealRegistrations.Waiting> waiting = registrations.waiting();
		long overdue = waiting.stream().filter(DealRegistrations.Waiting::overdue).count();
		blocks.add(header(h -> h.text(plainText("Registrations waiting for a decision"))));
		blocks.add(section(s -> s.text(markdownText("The program promises a decision within *"
				+ registrations.rules().responseBusinessDays() + " business days* of a complete submission. "
				+ waiting.size() + " waiting, " + overdue + " overdue."))));
		if (!waiting.isEmpty()) {
			blocks.add(divider());
		}
		for (DealRegistrations.Waiting w : waiting.stream().limit(SHOWN).toList()) {
			Deal deal = w.deal();
			String partner = partners.find(deal.partnerId()).map(Partner::name).orElse("unknown partner");
			String line = (w.overdue() ? ":red_circle: *overdue* since " + w.due()
					: ":large_yellow_circle: due by " + w.due()) + " · *" + deal.reference() + "* of *"
					+ Messages.escape(partner) + "* · " + whyItWaits(deal) + "\n" + DealBlocks.summary(deal);
			blocks.add(section(s -> s.text(markdownText(line))));
		}
		if (waiting.size() > SHOWN) {
			blocks.add(section(s -> s.text(markdownText("… and " + (waiting.size() - SHOWN) + " more."))));
		}
		return blocks;
	}

	/** Why a registration waits for a manager, in the words the card uses. */
	private String whyItWaits(Deal deal) {
		List<String> breaches = registrations.breachesOf(deal);
		String rules = breaches.isEmpty() ? "" : "breaks the rules of engagement: " + String.join("; ", breaches);
		if (deal.status() == com.partnerbot.deals.DealStatus.CONFLICT) {
			return "possible conflict, evidence on its card" + (rules.isEmpty() ? "" : "; " + rules);
		}
		return rules.isEmpty() ? "waits for a decision" : rules;
	}

	/** The queue as a plain-text line, for notifications' fallback text. */
	public String queueSummary() {
		List<DealRegistrations.Waiting> waiting = registrations.waiting();
		return waiting.size() + " registrations waiting, "
				+ waiting.stream().filter(DealRegistrations.Waiting::overdue).count() + " overdue";
	}

}
