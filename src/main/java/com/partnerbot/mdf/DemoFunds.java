package com.partnerbot.mdf;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.DemoProgramSeeded;
import com.partnerbot.partners.Partner;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo partners' MDF: last quarter's accrual, by the program's rules, from what each
 * won last quarter in the demo's deals (seeded first), so the tour can ask for funds; a
 * partner with funds already is left as it is, and a tier that does not accrue gets none.
 */
@Component
@RequiredArgsConstructor
class DemoFunds {

	private static final Logger log = LoggerFactory.getLogger(DemoFunds.class);

	private final MdfManagement mdf;

	private final Funds funds;

	private final Clock clock;

	@EventListener
	@Order(2)
	void on(DemoProgramSeeded seeded) {
		Quarter last = Quarter.of(LocalDate.now(clock)).plus(-1);
		int accrued = 0;
		for (Partner partner : seeded.partners()) {
			if (!funds.ofPartner(partner.id()).isEmpty()) {
				continue;
			}
			if (mdf.accrue(partner, last, mdf.wonRevenue(partner.id(), last), "demo").isPresent()) {
				accrued++;
			}
		}
		log.info("Demo program: {} partners' MDF accrued for {}", accrued, last);
	}

}
