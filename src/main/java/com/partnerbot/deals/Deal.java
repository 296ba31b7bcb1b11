package com.partnerbot.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A deal registration.
 *
 * @param id its identifier
 * @param reference the short reference partners and managers quote, e.g. {@code DR-7K3Q9}
 * @param partnerId the registering partner
 * @param registeredBy who registered it (a Slack user id, or "api")
 * @param customerName the customer
 * @param customerDomain the customer's domain, reduced to the registrable domain
 * @param products the products
 * @param amount the expected value
 * @param currency its currency
 * @param expectedCloseDate the expected close
 * @param status where it stands
 * @param protectedUntil the last day of protection, once approved
 * @param extensions how many times protection was extended
 * @param conflictReasons why it needs a channel manager, if it does
 * @param thread the thread it was registered in, for notices back there; null when none
 * @param createdAt when it was registered
 * @param seats how many seats, users or licences, when given
 * @param customerContact the customer's contact
 * @param salesRep the partner's sales representative (a Slack user id or a name)
 * @param decisionNote the reason a channel manager gave with the last decision
 * @param role whether the partner sourced the deal or influenced the vendor's own
 * @param coSellPartners other partners selling it with this one
 * @param closedOn the day it was won or lost, once it was
 */
public record Deal(UUID id, String reference, UUID partnerId, String registeredBy, String customerName,
		String customerDomain, List<String> products, BigDecimal amount, String currency, LocalDate expectedCloseDate,
		DealStatus status, LocalDate protectedUntil, int extensions, String conflictReasons, ThreadRef thread,
		Instant createdAt, Integer seats, String customerContact, String salesRep, String decisionNote,
		PartnerRole role, List<UUID> coSellPartners, LocalDate closedOn) {

	public Deal {
		role = (role != null) ? role : PartnerRole.SOURCED;
		coSellPartners = (coSellPartners != null) ? List.copyOf(coSellPartners) : List.of();
	}

}
