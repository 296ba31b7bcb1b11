package com.partnerbot.slack.people;

import com.slack.api.bolt.context.Context;

import java.util.Optional;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.slack.bolt.Delivery;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * Reads who is talking from a delivery, by the contract's rule: the user's own team is
 * {@code user_team}, else {@code team}, else the payload's {@code user.team_id} or
 * {@code team_id}; the vendor's team is the one the app is installed in.
 */
@Component
@RequiredArgsConstructor
public class SlackRequesters {

	/** Why a bot is no one to the program: it is ignored, not even refused. */
	public static final String BOT = "a bot of the vendor's workspace";

	private final PartnerManagement partners;

	private final WorkspaceMembers members;

	/**
	 * The identity in a delivery; {@code ctx} supplies the installed team where the
	 * payload lacks it.
	 */
	public SlackIdentity identity(Delivery delivery, Context ctx) {
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

	public Optional<Partner> channelOwner(String channelId) {
		return partners.channelOwner(channelId);
	}

	/**
	 * Whether a channel is private to the requester's partner: a direct message, or the
	 * partner's own shared channel.
	 */
	public boolean privateTo(Requester requester, String channelId) {
		if (channelId != null && channelId.startsWith("D")) {
			return true;
		}
		Optional<Partner> own = requester.partner();
		return own.isPresent() && channelOwner(channelId).map(o -> o.id().equals(own.get().id())).orElse(false);
	}

	/**
	 * Who is asking. People of the vendor's workspace are staff only as its full members:
	 * its guests get what a stranger gets and its bots nothing, and when Slack cannot say
	 * which a person is, they are not staff.
	 */
	public Requester identify(SlackIdentity identity) {
		Requester requester = partners.identify(identity);
		if (requester instanceof Requester.Staff) {
			Optional<WorkspaceMembers.Member> member = members.lookup(identity.userId());
			if (member.isEmpty() || !member.get().fullMember()) {
				return new Requester.Stranger(identity.userId(),
						member
							.map(m -> m.bot() ? "a bot of the vendor's workspace"
									: m.guest() ? "a guest of the vendor's workspace" : "deactivated")
							.orElse("Slack could not confirm the person is a member of the vendor's workspace"));
			}
		}
		return requester;
	}

}
