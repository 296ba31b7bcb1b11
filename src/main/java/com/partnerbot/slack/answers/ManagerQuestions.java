package com.partnerbot.slack.answers;

import java.util.Optional;
import java.util.regex.Pattern;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.slack.bolt.Messages;

import org.springframework.stereotype.Component;

/**
 * "Who is my channel manager?", "how do we reach our partner manager?": the partner's own
 * record, which the enablement library, the same for every partner, cannot hold. Like the
 * scorecard's answers, said only where no other partner reads.
 */
@Component
class ManagerQuestions {

	static final String ELSEWHERE = "Who looks after your company is between your company and us: ask me in your "
			+ "company's own shared channel or in a direct message.";

	// the role by the library's own words for it (its glossary: partner manager, partner
	// account manager), as the asker's own
	private static final Pattern OURS = Pattern
		.compile("(?i)\\b(my|our)\\s+(channel|partner|partner account)\\s+manager\\b");

	// who they are or how to reach them, not what they do ("how long does my channel
	// manager take to approve?", which the library answers)
	private static final Pattern WHO = Pattern
		.compile("(?i)\\b(who|whom|who's|whos|contact|reach|e-?mail|message|talk to|get in touch|name)\\b");

	private static final Pattern LOOKS_AFTER = Pattern
		.compile("(?i)\\bwho\\s+(manages|looks after|takes care of)\\s+(us|our (account|company|partnership))\\b");

	/**
	 * Whether the message asks who the asker's channel manager is, or how to reach them.
	 */
	boolean wants(String text) {
		return (OURS.matcher(text).find() && WHO.matcher(text).find()) || LOOKS_AFTER.matcher(text).find();
	}

	/**
	 * The channel manager of the partner whose conversation it is; empty when there is no
	 * such partner (staff in their own channels), so the library answers.
	 */
	Optional<Messages.Reply> answer(Requester requester) {
		return requester.partner().map(partner -> Messages.Reply.plain(text(partner, requester)));
	}

	private static String text(Partner partner, Requester requester) {
		boolean staff = requester instanceof Requester.Staff;
		String manager = partner.channelManager();
		if (manager == null) {
			return staff ? "No channel manager is assigned to *" + Messages.escape(partner.name()) + "* yet."
					: "No channel manager is assigned to your company yet. Press *Ask a channel manager* under "
							+ "one of my answers and the channel managers' team gets your question.";
		}
		return staff ? "*" + Messages.escape(partner.name()) + "*'s channel manager is <@" + manager + ">."
				: "Your channel manager is <@" + manager + ">: send them a direct message, or press *Ask a "
						+ "channel manager* under one of my answers to hand them a question.";
	}

}
