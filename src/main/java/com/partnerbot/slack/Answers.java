package com.partnerbot.slack;

import com.partnerbot.partners.Requester;

import org.springframework.stereotype.Component;

/**
 * What the bot says to a partner's person or staff who talks to it in a conversation.
 */
@Component
class Answers {

	Messages.Reply reply(Requester requester, String text) {
		if (text.isBlank() || text.equalsIgnoreCase("help")) {
			return Messages.help(requester);
		}
		String who = requester.partner().map(p -> " for " + p.name() + " (" + p.tier() + ")").orElse("");
		return Messages.Reply.plain("Thanks, I got your message" + who
				+ ". Answers from the enablement library and conversational deal registration are on their way; "
				+ "until then, `/partner help` lists what I can do.");
	}

}
