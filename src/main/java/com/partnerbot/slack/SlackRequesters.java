package com.partnerbot.slack;

import com.slack.api.bolt.context.Context;

import java.util.Optional;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;

import org.springframework.stereotype.Component;

/**
 * Reads who is talking from a delivery, by the contract's rule: the user's own team is
 * {@code user_team}, else {@code team}, else the payload's {@code user.team_id} or
 * {@code team_id}; the vendor's team is the one the app is installed in.
 */
@Component
class SlackRequesters {

	private final PartnerManagement partners;

	SlackRequesters(PartnerManagement partners) {
		this.partners = partners;
	}

	/**
	 * The identity in a delivery; {@code ctx} supplies the installed team where the
	 * payload lacks it.
	 */
	SlackIdentity identity(Delivery delivery, Context ctx) {
		String installed = delivery.installedTeam()
			.orElseGet(() -> (ctx != null && ctx.getAuthTestResponse() != null) ? ctx.getAuthTestResponse().getTeamId()
					: null);
		String user = delivery.first("event.user", "user.id", "user_id").orElse(null);
		// an event's envelope team_id is the installation's, not the user's: events fall
		// back no further
		// than the event's own team, and a user with none is looked up (users.info) or
		// refused
		String team = (delivery.eventId() != null) ? delivery.first("event.user_team", "event.team").orElse(null)
				: delivery.first("user.team_id", "team_id", "team.id").orElse(null);
		String channel = delivery.first("event.channel", "channel.id", "container.channel_id", "channel_id")
			.orElse(null);
		return new SlackIdentity(user, team, channel, installed);
	}

	Optional<Partner> channelOwner(String channelId) {
		return partners.channelOwner(channelId);
	}

	Requester identify(SlackIdentity identity) {
		return partners.identify(identity);
	}

}
