package com.partnerbot.partners;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.platform.ConflictException;
import com.partnerbot.platform.NotFoundException;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Service;

/**
 * The partners module's API: registering partners and telling who a Slack user is.
 */
@Service
@RequiredArgsConstructor
public class PartnerManagement {

	private static final Logger log = LoggerFactory.getLogger(PartnerManagement.class);

	private final Partners partners;

	private final PartnersProperties properties;

	private final ApplicationEventPublisher events;

	/**
	 * Registers a partner.
	 * @throws ConflictException when the name, a team or a channel is taken already
	 */
	@Transactional
	public Partner register(NewPartner partner) {
		partners.findByName(partner.name()).ifPresent(p -> {
			throw new ConflictException("name", "a partner named '" + p.name() + "' exists already");
		});
		rejectTaken("slackTeamIds", "Slack team", partners.teamOwners(partner.slackTeamIds()));
		rejectTaken("slackChannelIds", "Slack channel", partners.channelOwners(partner.slackChannelIds()));
		try {
			Partner created = partners.insert(UUID.randomUUID(), partner);
			log.info("Partner registered: {} ({}, tier {})", created.name(), created.id(), created.tier());
			events.publishEvent(new PartnerRegistered(created));
			return created;
		}
		catch (DuplicateKeyException ex) {
			// lost a race with a concurrent registration of the same name, team or
			// channel
			throw new ConflictException("name", "a partner with this name, Slack team or channel was just registered");
		}
	}

	private static void rejectTaken(String field, String what, Map<String, String> owners) {
		if (!owners.isEmpty()) {
			List<String> taken = new ArrayList<>();
			owners.forEach((id, owner) -> taken.add(what + " " + id + " belongs to " + owner));
			throw new ConflictException(field, String.join("; ", taken));
		}
	}

	/**
	 * Moves a partner to another tier: a program decision, taken by a channel manager.
	 * @throws NotFoundException when there is no such partner
	 */
	public Partner changeTier(UUID id, Tier tier) {
		Partner before = get(id);
		partners.updateTier(id, tier);
		log.info("Partner {} moved from {} to {}", before.name(), before.tier(), tier);
		return get(id);
	}

	public Optional<Partner> find(UUID id) {
		return partners.findById(id);
	}

	/**
	 * @throws NotFoundException when there is no such partner
	 */
	public Partner get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("no partner with id " + id));
	}

	public List<Partner> all() {
		return partners.findAll();
	}

	/**
	 * Assigns the vendor's channel manager who looks after a partner (null: none).
	 * @throws NotFoundException when there is no such partner
	 */
	public Partner assignChannelManager(UUID id, String channelManager) {
		get(id);
		partners.assignChannelManager(id, channelManager);
		return get(id);
	}

	/** The partner a shared channel belongs to, if any. */
	public Optional<Partner> channelOwner(String channelId) {
		return (channelId == null) ? Optional.empty() : partners.findByChannel(channelId);
	}

	/**
	 * Records a member of a partner's shared channel whose own workspace is the
	 * partner's; true when they are new. Members of other workspaces are not the
	 * partner's people.
	 */
	@Transactional
	public boolean addMember(UUID partnerId, String slackUserId, String teamId) {
		return addMember(partnerId, slackUserId, teamId, Profile.UNKNOWN);
	}

	/**
	 * Records a member of a partner's shared channel with what their Slack profile says
	 * of them (null fields if unknown); true when they are new.
	 */
	@Transactional
	public boolean addMember(UUID partnerId, String slackUserId, String teamId, Profile profile) {
		Partner partner = get(partnerId);
		if (teamId == null || !partner.slackTeamIds().contains(teamId)) {
			return false;
		}
		boolean added = remember(partnerId, slackUserId, teamId);
		recordProfile(partnerId, slackUserId, profile);
		return added;
	}

	/**
	 * What a person's Slack profile says of them.
	 *
	 * @param title their job title; their role in the partnership follows from it
	 * @param email their e-mail address: training reported by e-mail is theirs
	 */
	public record Profile(String title, String email) {

		public static final Profile UNKNOWN = new Profile(null, null);

	}

	/**
	 * A person's job title as their Slack profile gave it, if the bot knows it; their
	 * role in the partnership follows from it.
	 */
	public Optional<String> title(UUID partnerId, String slackUserId) {
		return partners.title(partnerId, slackUserId);
	}

	/** Whether the bot has read both the title and the e-mail address of a person. */
	public boolean knowsProfile(UUID partnerId, String slackUserId) {
		return partners.title(partnerId, slackUserId).isPresent() && partners.email(partnerId, slackUserId).isPresent();
	}

	/**
	 * The names a person's records may carry: their Slack user id, and their e-mail
	 * address in lower case when their profile gave it.
	 */
	public List<String> identities(UUID partnerId, String slackUserId) {
		return partners.email(partnerId, slackUserId)
			.map(email -> List.of(slackUserId, email))
			.orElseGet(() -> List.of(slackUserId));
	}

	/**
	 * Records what a known person's Slack profile says; blank fields are left as they
	 * were.
	 */
	public void recordProfile(UUID partnerId, String slackUserId, Profile profile) {
		if (profile.title() != null && !profile.title().isBlank()) {
			partners.updateTitle(partnerId, slackUserId, profile.title().strip());
		}
		if (profile.email() != null && !profile.email().isBlank()) {
			partners.updateEmail(partnerId, slackUserId, profile.email().strip().toLowerCase(Locale.ROOT));
		}
	}

	/** Remembers a person; a new one is announced, so open surveys can reach them. */
	private boolean remember(UUID partnerId, String slackUserId, String teamId) {
		boolean added = partners.rememberPerson(partnerId, slackUserId, teamId);
		if (added) {
			events.publishEvent(new PartnerPersonJoined(partnerId, slackUserId));
		}
		return added;
	}

	/** The Slack user ids of a partner's people the bot has met. */
	public List<String> people(UUID partnerId) {
		return partners.people(partnerId);
	}

	/**
	 * Tells who a Slack user is, by the rules of the contract: their own workspace
	 * decides; the vendor's workspace makes them staff; a shared channel belongs to its
	 * partner, and a partner's person never acts in another partner's channel. A
	 * partner's person is remembered.
	 */
	@Transactional
	public Requester identify(SlackIdentity identity) {
		Optional<Partner> channelOwner = Optional.ofNullable(identity.channelId()).flatMap(partners::findByChannel);
		String team = identity.userTeamId();
		if (team != null && team.equals(identity.installedTeamId())) {
			return new Requester.Staff(identity.userId(), properties.slackAdmins().contains(identity.userId()),
					channelOwner);
		}
		Optional<Partner> own = Optional.ofNullable(team).flatMap(partners::findByTeam);
		if (own.isEmpty()) {
			return new Requester.Stranger(identity.userId(), "workspace " + team + " is not a registered partner");
		}
		Partner partner = own.get();
		if (channelOwner.isPresent() && !channelOwner.get().id().equals(partner.id())) {
			return new Requester.Stranger(identity.userId(),
					"channel " + identity.channelId() + " belongs to another partner");
		}
		if (remember(partner.id(), identity.userId(), team)) {
			log.info("New person of partner {}: {}", partner.name(), identity.userId());
		}
		return new Requester.PartnerPerson(identity.userId(), partner);
	}

}
