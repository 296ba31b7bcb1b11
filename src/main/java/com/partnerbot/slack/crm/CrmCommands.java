package com.partnerbot.slack.crm;

import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.slack.bolt.PartnerSubcommand.Help;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /partner crm}: admins see and steer the CRM sync. */
@Configuration(proxyBeanMethods = false)
class CrmCommands {

	@Bean
	PartnerSubcommand crmCommand(CrmInSlack crmInSlack) {
		return new PartnerSubcommand(Help.forAdmins("crm", 1300, "`/partner crm` shows the CRM sync"),
				in -> in.answerLater(() -> crmInSlack.command(in.requester(), in.rest())));
	}

}
