package com.partnerbot.slack.answers;

import java.util.Optional;
import java.util.UUID;

import com.partnerbot.assistant.Answer;
import com.partnerbot.assistant.Answering;
import com.partnerbot.assistant.Question;
import com.partnerbot.knowledge.Audience;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.slack.bolt.BotProperties;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.PartnerHelp;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * What the bot says to a partner's person or staff who talks to it: the help, or an
 * answer from the enablement library for the partner whose conversation it is.
 */
@Component
@RequiredArgsConstructor
public class Answers {

	private final Answering answering;

	private final BotProperties properties;

	private final PartnerHelp help;

	private final ManagerQuestions managers;

	/**
	 * An answer from what the requester's partner (or, for staff, the vendor) may see.
	 */
	public Messages.Reply reply(Requester requester, String text, String conversationId) {
		Audience audience = requester.partner().map(p -> Audience.tier(p.tier().label())).orElse(Audience.staff());
		if (managers.wants(text)) {
			// the partner's own record: no document says who looks after it
			Optional<Messages.Reply> manager = managers.answer(requester,
					() -> reply(requester, text, conversationId, audience));
			if (manager.isPresent()) {
				return manager.get();
			}
		}
		return reply(requester, text, conversationId, audience);
	}

	/**
	 * An answer from what every partner may see, for channels shared with several
	 * partners.
	 */
	Messages.Reply replyForEveryone(Requester requester, String text, String conversationId) {
		if (managers.wants(text) && requester.partner().isPresent()) {
			return Messages.Reply.plain(ManagerQuestions.ELSEWHERE);
		}
		return reply(requester, text, conversationId, Audience.everyone());
	}

	private Messages.Reply reply(Requester requester, String text, String conversationId, Audience audience) {
		if (text.isBlank() || text.equalsIgnoreCase("help")) {
			return help.reply(requester);
		}
		// the partner id ties the answer to its asker, for feedback and hand-off
		UUID partnerId = requester.partner().map(Partner::id).orElse(null);
		Answer answer = answering.answer(new Question(text, audience, partnerId, requester.userId(), conversationId));
		// staff are the channel managers: no button to hand the question to one
		return AnswerBlocks.of(answer, properties.contentBaseUrl(), !(requester instanceof Requester.Staff));
	}

}
