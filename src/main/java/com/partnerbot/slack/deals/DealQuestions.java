package com.partnerbot.slack.deals;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.partners.Requester;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.platform.NotFoundException;
import com.partnerbot.slack.bolt.Messages;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Questions about a registration by its reference, in plain words: "why was DR-X
 * rejected?", "when does DR-X's protection end?", "extend DR-X". A partner's person hears
 * only of the partner's own registrations; another partner's reference gets the same
 * answer as one that does not exist.
 */
@Component
@RequiredArgsConstructor
public class DealQuestions {

	private static final Pattern REFERENCE = Pattern.compile("\\bDR-([2-9A-HJ-NP-Z]{6})\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern EXTEND = Pattern.compile("\\b(?:extend|extension|more time)\\b",
			Pattern.CASE_INSENSITIVE);

	private final DealRegistrations registrations;

	/** Whether a message asks about a registration by its reference. */
	public boolean wants(String text) {
		return REFERENCE.matcher(text).find();
	}

	public Messages.Reply answer(Requester requester, String text) {
		Matcher m = REFERENCE.matcher(text);
		if (!m.find()) {
			return Messages.Reply.plain("Which registration? Quote its reference, e.g. DR-7K3Q9A.");
		}
		String reference = "DR-" + m.group(1).toUpperCase(java.util.Locale.ROOT);
		// a staff member in a partner's channel is answered about that partner only
		Optional<Deal> found = requester.partner()
			.map(p -> registrations.ofPartner(reference, p.id()))
			.orElseGet(() -> (requester instanceof Requester.Staff) ? registrations.byReference(reference)
					: Optional.empty());
		if (found.isEmpty()) {
			return Messages.Reply.plain("I don't know a registration " + reference
					+ " of yours. `/partner deals` lists your registrations.");
		}
		Deal deal = found.get();
		if (EXTEND.matcher(text).find() && requester instanceof Requester.PartnerPerson person) {
			try {
				Deal extended = registrations.extend(deal.id(), person.own().id(), person.userId());
				return Messages.Reply.plain(":white_check_mark: *" + extended.reference() + "* is now protected until *"
						+ extended.protectedUntil() + "*.");
			}
			catch (InvalidInputException | NotFoundException ex) {
				return Messages.Reply.plain(":warning: " + ex.getMessage());
			}
		}
		String status = status(deal);
		if (registrations.extensible(deal) && requester instanceof Requester.PartnerPerson) {
			return new Messages.Reply(status.replace("*", ""),
					List.of(section(s -> s.text(markdownText(status))),
							actions(a -> a.elements(List.of(button(b -> b.actionId(DealBlocks.EXTEND)
								.value(deal.id().toString())
								.text(plainText("Request an extension"))))))));
		}
		return Messages.Reply.plain(status);
	}

	/** Where a registration stands, as its partner may be told. */
	String status(Deal deal) {
		String head = "*" + deal.reference() + "* (" + DealBlocks.summary(deal) + ") ";
		return head + switch (deal.status()) {
			case REJECTED -> "was rejected: " + Messages.escape(String.valueOf(deal.decisionNote()));
			case PENDING, CONFLICT -> {
				List<String> breaches = registrations.breachesOf(deal);
				yield "waits for a channel manager"
						+ (breaches.isEmpty() ? "" : ", because " + String.join("; ", breaches))
						+ "; a decision is due by *" + registrations.decisionDue(deal) + "*.";
			}
			case APPROVED,
					CO_SELL ->
				"is " + (deal.status() == com.partnerbot.deals.DealStatus.CO_SELL ? "approved for co-selling"
						: "approved") + ": protected until *" + deal.protectedUntil() + "*. " + extension(deal);
			case EXPIRED -> "lost its protection on " + deal.protectedUntil() + "; you may register it again.";
			case WON -> "was won.";
			case LOST -> "was lost.";
		};
	}

	private String extension(Deal deal) {
		if (deal.extensions() >= registrations.rules().maxExtensions()) {
			return "It has had its extension.";
		}
		if (deal.status() != com.partnerbot.deals.DealStatus.APPROVED) {
			return "";
		}
		return registrations.extensible(deal)
				? "You may ask for the " + registrations.rules().extensionDays() + "-day extension now."
				: "You may ask for the extension from " + registrations.extensionOpens(deal) + ".";
	}

}
