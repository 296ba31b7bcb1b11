package com.partnerbot.slack.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.slack.api.model.block.LayoutBlock;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.slack.bolt.Messages;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * "Who is my channel manager?", "how do we reach our partner manager?": the partner's own
 * record, which the enablement library, the same for every partner, cannot hold. Like the
 * scorecard's answers, said only where no other partner reads.
 */
@Component
class ManagerQuestions {

	static final String ELSEWHERE = "Who looks after your company is between your company and us: ask me in your "
			+ "company's own shared channel or in a direct message.";

	static final String UNASSIGNED = "No channel manager is assigned to your company yet. Press *Ask a channel "
			+ "manager* below and the channel managers' team gets your question.";

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
	 * such partner (staff in their own channels), so the library answers. A partner's
	 * person whose company has none yet gets the library's answer too, under the notice:
	 * its *Ask a channel manager* button hands the question to the channel managers'
	 * team.
	 */
	Optional<Messages.Reply> answer(Requester requester, Supplier<Messages.Reply> libraryAnswer) {
		return requester.partner().map(partner -> {
			boolean staff = requester instanceof Requester.Staff;
			if (partner.channelManager() == null && !staff) {
				Messages.Reply answer = libraryAnswer.get();
				List<LayoutBlock> blocks = new ArrayList<>();
				blocks.add(section(s -> s.text(markdownText(UNASSIGNED))));
				blocks.addAll(answer.blocks());
				return new Messages.Reply(UNASSIGNED + "\n" + answer.text(), blocks);
			}
			return Messages.Reply.plain(text(partner, staff));
		});
	}

	private static String text(Partner partner, boolean staff) {
		String manager = partner.channelManager();
		if (manager == null) {
			return "No channel manager is assigned to *" + Messages.escape(partner.name()) + "* yet.";
		}
		return staff ? "*" + Messages.escape(partner.name()) + "*'s channel manager is <@" + manager + ">."
				: "Your channel manager is <@" + manager + ">: send them a direct message, or press *Ask a "
						+ "channel manager* under one of my answers to hand them a question.";
	}

}
