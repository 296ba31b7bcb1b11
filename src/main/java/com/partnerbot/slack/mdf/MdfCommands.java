package com.partnerbot.slack.mdf;

import java.util.Locale;

import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.slack.bolt.PartnerSubcommand.Help;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /partner mdf}: the partner's market development funds; {@code /partner mdf
 * request [text]} asks for some (no text opens the form, before the acknowledgement while
 * the trigger is fresh).
 */
@Configuration(proxyBeanMethods = false)
class MdfCommands {

	@Bean
	PartnerSubcommand mdfCommand(MdfIntake mdfIntake, MdfHome mdfHome) {
		return new PartnerSubcommand(Help.forEveryone("mdf", 400,
				"`/partner mdf`: your market development funds; `/partner mdf request <activity, date, cost>` asks for some"),
				in -> {
					if (!in.rest().toLowerCase(Locale.ROOT).matches("request\\b.*")) {
						return in.answerLater(() -> mdfHome.balance(in.requester()));
					}
					String request = in.rest().substring("request".length()).strip();
					if (request.isEmpty()) {
						mdfIntake.command(in.requester(), "", in.channel(), in.user(), in.triggerId());
						return in.ack();
					}
					return in.later(
							() -> mdfIntake.command(in.requester(), request, in.channel(), in.user(), in.triggerId()));
				});
	}

}
