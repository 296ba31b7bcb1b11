package com.partnerbot.slack.deals;

import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.slack.bolt.PartnerSubcommand.Help;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deals' {@code /partner} subcommands: {@code deal} and {@code deals}. */
@Configuration(proxyBeanMethods = false)
class DealCommands {

	/**
	 * Registers a deal from the text, or opens the blank form (before the
	 * acknowledgement, while the trigger is fresh).
	 */
	@Bean
	PartnerSubcommand dealCommand(DealIntake intake) {
		return new PartnerSubcommand(Help.forEveryone("deal", 200,
				"`/partner deal <customer, domain, products, amount, close date>`: register a deal (no text opens the form)"),
				in -> {
					if (in.rest().isEmpty()) {
						intake.openBlankForm(in.requester(), in.channel(), in.user(), in.triggerId());
						return in.ack();
					}
					return in.later(
							() -> intake.command(in.requester(), in.rest(), in.channel(), in.user(), in.triggerId()));
				});
	}

	/**
	 * The partner's registrations, newest first, with their actions; for staff outside a
	 * partner's channel, the registrations waiting for a decision.
	 */
	@Bean
	PartnerSubcommand dealsCommand(DealHome dealHome) {
		return PartnerSubcommand.answering(Help.forEveryone("deals", 300, "`/partner deals`: your deal registrations"),
				dealHome::deals);
	}

}
