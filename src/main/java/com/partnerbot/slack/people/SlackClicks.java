package com.partnerbot.slack.people;

import java.util.function.Consumer;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;

import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.SlackWork;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * Buttons on the bot's messages: each click is read once into a {@link Click} (who
 * clicked, the button's value, the message it sits on) and acknowledged within Slack's 3
 * seconds; the feature only says what the click does.
 */
@Component
@RequiredArgsConstructor
public class SlackClicks {

	private final SlackRequesters requesters;

	private final SlackWork work;

	/**
	 * A click on a button.
	 *
	 * @param identity who clicked
	 * @param value the button's value
	 * @param channel the channel of the message the button is on
	 * @param messageTs that message's ts ({@code null} outside a message, as on a Home
	 * tab)
	 * @param messageText that message's text, if Slack sent it
	 * @param triggerId Slack's trigger, for a form opened before the acknowledgement
	 */
	public record Click(SlackIdentity identity, String value, String channel, String messageTs, String messageText,
			String triggerId) {

	}

	/** Acknowledges a click of this button at once and handles it on the work queue. */
	public void onClick(App app, String actionId, String workName, Consumer<Click> handling) {
		app.blockAction(actionId, (req, ctx) -> {
			Click click = click(req.getPayload(), ctx);
			work.submit(workName, () -> handling.accept(click));
			return ctx.ack();
		});
	}

	/**
	 * Handles a click of this button before acknowledging it: a form it opens needs
	 * Slack's trigger while it is fresh.
	 */
	public void onClickBeforeAck(App app, String actionId, Consumer<Click> handling) {
		app.blockAction(actionId, (req, ctx) -> {
			handling.accept(click(req.getPayload(), ctx));
			return ctx.ack();
		});
	}

	private Click click(BlockActionPayload payload, ActionContext ctx) {
		SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
		var container = payload.getContainer();
		return new Click(identity, payload.getActions().get(0).getValue(),
				(container != null) ? container.getChannelId() : null,
				(container != null) ? container.getMessageTs() : null,
				(payload.getMessage() != null) ? payload.getMessage().getText() : null, payload.getTriggerId());
	}

}
