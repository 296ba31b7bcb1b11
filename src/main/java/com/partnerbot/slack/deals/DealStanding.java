package com.partnerbot.slack.deals;

import java.util.List;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.slack.bolt.Messages;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * Where a registration stands, in one line as its partner may be told: for an answer
 * about it and for the list of a partner's registrations.
 */
@Component
@RequiredArgsConstructor
class DealStanding {

	private final DealRegistrations registrations;

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
			case APPROVED, CO_SELL ->
				"is " + (deal.status() == DealStatus.CO_SELL ? "approved for co-selling" : "approved")
						+ ": protected until *" + deal.protectedUntil() + "*. " + extension(deal);
			case EXPIRED -> "lost its protection on " + deal.protectedUntil() + "; you may register it again.";
			case WON -> "was won.";
			case LOST -> "was lost.";
		};
	}

	private String extension(Deal deal) {
		if (deal.extensions() >= registrations.rules().maxExtensions()) {
			return "It has had its extension.";
		}
		if (deal.status() != DealStatus.APPROVED) {
			return "";
		}
		return registrations.extensible(deal)
				? "You may ask for the " + registrations.rules().extensionDays() + "-day extension now."
				: "You may ask for the extension from " + registrations.extensionOpens(deal) + ".";
	}

}
