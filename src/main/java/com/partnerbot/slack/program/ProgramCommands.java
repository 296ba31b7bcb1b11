package com.partnerbot.slack.program;

import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.slack.bolt.PartnerSubcommand.Help;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /partner program}: the program at a glance, for the program team. */
@Configuration(proxyBeanMethods = false)
class ProgramCommands {

	@Bean
	PartnerSubcommand programCommand(ProgramHome programHome) {
		return PartnerSubcommand.answering(
				Help.forProgramTeam("program", 1000,
						"`/partner program`: the program at a glance, with charts and each partner's health"),
				programHome::command);
	}

}
