package com.partnerbot.deals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.DemoProgramSeeded;
import com.partnerbot.partners.Partner;

import lombok.RequiredArgsConstructor;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo partners' won deals, registered and closed as a partner would: each partner's
 * first deal was won on the last day of last quarter (its MDF accrues from it), the
 * others today; a partner with registrations already is left as it is. Seeded before the
 * demo's funds, which are reckoned from these deals.
 */
@Component
@RequiredArgsConstructor
class DemoDeals {

	private static final Logger log = LoggerFactory.getLogger(DemoDeals.class);

	/** Won amounts per demo partner, in USD. */
	static final Map<String, List<Integer>> WON = Map.of("Acme Resellers", List.of(160_000, 70_000), "Globex Systems",
			List.of(260_000, 180_000), "Umbrella Integrators", List.of(900_000, 750_000), "Hooli Cloud Partners",
			List.of(60_000));

	private final DealRegistrations registrations;

	private final Deals deals;

	private final Clock clock;

	@EventListener
	@Order(1)
	void on(DemoProgramSeeded seeded) {
		LocalDate today = LocalDate.now(clock);
		LocalDate close = today.plusDays(20);
		LocalDate lastQuarterEnd = today.with(IsoFields.DAY_OF_QUARTER, 1).minusDays(1);
		int won = 0;
		for (Partner partner : seeded.partners()) {
			List<Integer> amounts = WON.getOrDefault(partner.name(), List.of());
			if (amounts.isEmpty() || !registrations.forPartner(partner.id()).isEmpty()) {
				continue;
			}
			for (int i = 0; i < amounts.size(); i++) {
				String customer = partner.name().split(" ")[0] + " customer " + (i + 1);
				String domain = customer.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
				try {
					Deal deal = registrations
						.register(new NewDeal(partner.id(), customer, domain, List.of("Analytics Suite"),
								new BigDecimal(amounts.get(i)), "USD", close), "demo", null)
						.deal();
					if (deal.status().isLive()) {
						registrations.close(deal.id(), partner.id(), true, "demo");
						if (i == 0) {
							deals.closedOn(deal.id(), lastQuarterEnd);
						}
						won++;
					}
				}
				catch (RuntimeException ex) {
					log.warn("Demo deal for {} not seeded: {}", partner.name(), ex.getMessage());
				}
			}
		}
		log.info("Demo program: {} won deals seeded", won);
	}

}
