package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.DemoProgramSeeded;
import com.partnerbot.partners.Partner;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo partners' MDF: last quarter's accrual, by the program's rules, from what each
 * won last quarter, so the tour can ask for funds; a partner with funds already is left
 * as it is, and a tier that does not accrue gets none.
 */
@Component
@RequiredArgsConstructor
class DemoFunds {

	private static final Logger log = LoggerFactory.getLogger(DemoFunds.class);

	/** Won revenue last quarter per demo partner, in the program's currency. */
	static final Map<String, Integer> WON_LAST_QUARTER = Map.of("Acme Resellers", 250_000, "Globex Systems", 480_000,
			"Umbrella Integrators", 1_100_000, "Hooli Cloud Partners", 90_000);

	private final MdfManagement mdf;

	private final Funds funds;

	private final Clock clock;

	@EventListener
	void on(DemoProgramSeeded seeded) {
		Quarter last = Quarter.of(LocalDate.now(clock)).plus(-1);
		int accrued = 0;
		for (Partner partner : seeded.partners()) {
			Integer won = WON_LAST_QUARTER.get(partner.name());
			if (won == null || !funds.ofPartner(partner.id()).isEmpty()) {
				continue;
			}
			if (mdf.accrue(partner, last, BigDecimal.valueOf(won), "demo").isPresent()) {
				accrued++;
			}
		}
		log.info("Demo program: {} partners' MDF accrued for {}", accrued, last);
	}

}
