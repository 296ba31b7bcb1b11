package com.partnerbot.slack.scorecards;

import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.slack.bolt.PartnerSubcommand.Help;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /partner scorecard}: where the partner stands and the gap to the next tier;
 * {@code /partner training}: the courses that close the gaps.
 */
@Configuration(proxyBeanMethods = false)
class ScorecardCommands {

	@Bean
	PartnerSubcommand scorecardCommand(ScorecardsInSlack scorecards) {
		return PartnerSubcommand.answering(Help.forEveryone("scorecard", 500,
				"`/partner scorecard`: where you stand and the gap to the next tier"), scorecards::scorecard);
	}

	@Bean
	PartnerSubcommand trainingCommand(ScorecardsInSlack scorecards) {
		return PartnerSubcommand.answering(Help.forEveryone("training", 600,
				"`/partner training`: courses and certifications that close your gaps"), scorecards::training);
	}

}
