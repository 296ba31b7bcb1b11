package com.partnerbot.slack.answers;

import java.util.Optional;
import java.util.UUID;

import com.slack.api.bolt.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.slack.people.SlackClicks;
import com.partnerbot.assistant.Answering;
import com.partnerbot.assistant.AskedQuestion;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.platform.NotFoundException;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackPayloads;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.people.SlackRequesters;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * The buttons under an answer: thumbs up or down, and handing the question to a channel
 * manager.
 */
@Component
@RequiredArgsConstructor
class AnswerActions implements SlackFeature {

	private static final Logger log = LoggerFactory.getLogger(AnswerActions.class);

	private final SlackRequesters requesters;

	private final Answering answering;

	private final SlackReplies replies;

	private final HandOffs handOffs;

	private final SlackClicks clicks;

	@Override
	public void register(App app) {
		clicks.onClick(app, AnswerBlocks.UPVOTE, "feedback", click -> feedback(click.value(), click.identity(), 1));
		clicks.onClick(app, AnswerBlocks.DOWNVOTE, "feedback", click -> feedback(click.value(), click.identity(), -1));
		clicks.onClick(app, AnswerBlocks.HAND_OFF, "hand-off", click -> handOff(click.value(), click.identity()));
	}

	private void feedback(String value, SlackIdentity identity, int vote) {
		Requester requester = requesters.identify(identity);
		Optional<UUID> answerId = SlackPayloads.uuid(value);
		if (requester instanceof Requester.Stranger || answerId.isEmpty()) {
			return;
		}
		try {
			answering.feedback(answerId.get(), vote, identity.userId(), partnerOf(requester));
			ephemeral(identity,
					vote > 0 ? "Thanks, glad it helped."
							: "Thanks for telling me. The content owners will see this question; "
									+ "use *Ask a channel manager* if you need an answer now.");
		}
		catch (NotFoundException ex) {
			log.info("Feedback on an answer this person may not see: {}", value);
			ephemeral(identity, "That answer isn't one I gave you, so nothing was recorded.");
		}
	}

	private void handOff(String value, SlackIdentity identity) {
		Requester requester = requesters.identify(identity);
		Optional<UUID> answerId = SlackPayloads.uuid(value);
		if (requester instanceof Requester.Stranger || answerId.isEmpty()) {
			return;
		}
		try {
			Optional<AskedQuestion> handed = answering.handOff(answerId.get(), partnerOf(requester));
			if (handed.isEmpty()) {
				ephemeral(identity, "A channel manager has this question already.");
				return;
			}
			String partner = requester.partner()
				.map(p -> "*" + Messages.escape(p.name()) + "* (" + p.tier() + ")")
				.orElse("staff");
			handOffs.alert(handed.get(), identity.userId(), partner);
			ephemeral(identity, "I've passed your question to a channel manager; they'll get back to you here.");
		}
		catch (NotFoundException ex) {
			log.info("Hand-off of an answer this person may not see: {}", value);
		}
	}

	private void ephemeral(SlackIdentity identity, String text) {
		replies.privately(identity.channelId(), identity.userId(), Messages.Reply.plain(text));
	}

	private static UUID partnerOf(Requester requester) {
		return (requester instanceof Requester.PartnerPerson) ? requester.partner().map(Partner::id).orElse(null)
				: null;
	}

}
