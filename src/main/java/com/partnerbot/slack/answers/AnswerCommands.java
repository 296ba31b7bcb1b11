package com.partnerbot.slack.answers;

import com.partnerbot.partners.Requester;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.PartnerSubcommand;
import com.partnerbot.slack.bolt.PartnerSubcommand.Help;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The answers' {@code /partner} subcommands: {@code ask} and, for admins,
 * {@code reindex}.
 */
@Configuration(proxyBeanMethods = false)
class AnswerCommands {

	/** An answer from the enablement library, privately. */
	@Bean
	PartnerSubcommand askCommand(Answers answers) {
		return new PartnerSubcommand(
				Help.forEveryone("ask", 100,
						"`/partner ask <question>` or mention me: answers from the enablement library, with sources"),
				in -> {
					if (in.rest().isEmpty()) {
						return in.answer(
								"Ask me something, e.g. `/partner ask what is the protection period of a registered deal?`");
					}
					boolean taken = in.work()
						.submit(in.name(), in.user(), in.team(),
								() -> in.replies()
									.privately(in.channel(), in.user(), answers.reply(in.requester(), in.rest(),
											"command:" + in.channel() + ":" + in.user())));
					return taken ? in.ack() : in.answer(Messages.ONE_MOMENT);
				});
	}

	/** Admins rebuild the enablement index. */
	@Bean
	PartnerSubcommand reindexCommand(Reindexing reindexing) {
		return new PartnerSubcommand(
				Help.forAdmins("reindex", 1100, "`/partner reindex` rebuilds the enablement index"), in -> {
					if (!(in.requester() instanceof Requester.Staff staff && staff.admin())) {
						return in.answer("Only program admins can use `/partner reindex`.");
					}
					in.later(() -> reindexing.run(in.channel(), in.user()));
					return in.answer(Reindexing.isDirect(in.channel())
							? "Reindexing the enablement library; I'll post progress here."
							: "Reindexing the enablement library; I'll post progress in our direct messages.");
				});
	}

}
