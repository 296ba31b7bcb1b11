package com.partnerbot.partners;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.platform.LocalMode;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In local mode, a handful of partners across the tiers, so a newcomer has someone to be
 * in the sandbox. Seeding is idempotent: a partner that exists by name is left as it is,
 * and a database that holds any other partner is left alone.
 */
@Component
@Conditional(LocalMode.class)
@Order(0)
@RequiredArgsConstructor
class DemoProgram implements ApplicationRunner {

	/** The vendor's own workspace in the sandbox. */
	static final String VENDOR_TEAM = "T0VENDOR01";

	/** The sandbox's channel manager, who looks after every demo partner. */
	static final String CHANNEL_MANAGER = "U0VENDOR01";

	static final List<NewPartner> PARTNERS = List.of(
			new NewPartner("Acme Resellers", Tier.SILVER, List.of("T0ACME"), List.of("C0ACME0001"), CHANNEL_MANAGER),
			new NewPartner("Globex Systems", Tier.GOLD, List.of("T0GLOBEX"), List.of("C0GLOBEX01"), CHANNEL_MANAGER),
			new NewPartner("Initrode MSP", Tier.REGISTERED, List.of("T0INITRODE"), List.of("C0INITRODE"),
					CHANNEL_MANAGER),
			new NewPartner("Umbrella Integrators", Tier.PLATINUM, List.of("T0UMBRELLA"), List.of("C0UMBRELLA"),
					CHANNEL_MANAGER),
			new NewPartner("Hooli Cloud Partners", Tier.SILVER, List.of("T0HOOLI"), List.of("C0HOOLI001"),
					CHANNEL_MANAGER));

	private static final Logger log = LoggerFactory.getLogger(DemoProgram.class);

	private final Partners partners;

	private final PartnerManagement management;

	private final ApplicationEventPublisher events;

	@Override
	public void run(ApplicationArguments args) {
		List<String> others = partners.findAll()
			.stream()
			.map(Partner::name)
			.filter((name) -> PARTNERS.stream().noneMatch((demo) -> demo.name().equals(name)))
			.toList();
		if (!others.isEmpty()) {
			// a database that holds a real program is never mixed with made-up partners
			log.warn("Demo program not seeded: the database holds {} other partners", others.size());
			return;
		}
		int added = 0;
		for (NewPartner partner : PARTNERS) {
			if (partners.findByName(partner.name()).isEmpty()) {
				management.register(partner);
				added++;
			}
		}
		log.info("Demo program ready: {} partners ({} added)", PARTNERS.size(), added);
		// their history, so a scorecard in the tour shows a partner on its way rather
		// than
		// at risk on every line
		events.publishEvent(new DemoProgramSeeded(PARTNERS.stream()
			.map(p -> partners.findByName(p.name()))
			.flatMap(java.util.Optional::stream)
			.toList()));
	}

}
