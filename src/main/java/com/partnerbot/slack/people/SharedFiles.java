package com.partnerbot.slack.people;

import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MessageFileShareEvent;

import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.Delivery;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackWork;

import org.springframework.stereotype.Component;

/**
 * Every file shared where the bot reads, offered to the features that take files (an MDF
 * claim's proof in its request's thread, a document an admin adds in a direct message),
 * in their {@code @Order}: the first that takes it answers.
 */
@Component
class SharedFiles implements SlackFeature {

	private final SlackRequesters requesters;

	private final SlackWork work;

	private final List<SharedFileHandler> handlers;

	SharedFiles(SlackRequesters requesters, SlackWork work, List<SharedFileHandler> handlers) {
		this.requesters = requesters;
		this.work = work;
		this.handlers = List.copyOf(handlers);
	}

	@Override
	public void register(App app) {
		app.event(MessageFileShareEvent.class, (payload, ctx) -> {
			Delivery delivery = CurrentDelivery.require();
			if (delivery.text("event.bot_id").isEmpty()) {
				SlackIdentity identity = requesters.identity(delivery, ctx);
				work.submit("shared file", identity.userId(), identity.userTeamId(), () -> offer(delivery, identity));
			}
			return ctx.ack();
		});
	}

	private void offer(Delivery delivery, SlackIdentity identity) {
		for (SharedFileHandler handler : handlers) {
			if (handler.take(delivery, identity)) {
				return;
			}
		}
	}

}
