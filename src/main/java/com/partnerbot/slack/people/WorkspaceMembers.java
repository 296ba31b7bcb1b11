package com.partnerbot.slack.people;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.slack.bolt.SlackApi;

import org.springframework.stereotype.Component;

/**
 * What Slack says of a person ({@code users.info}): their workspace and whether they are
 * a full member, a guest or a bot. Answers are kept for a while and then asked again, so
 * a member turned guest (or removed) stops counting as staff soon after.
 */
@Component
public class WorkspaceMembers {

	private static final Logger log = LoggerFactory.getLogger(WorkspaceMembers.class);

	private final SlackApi api;

	private final Cache<String, Member> known;

	/** How long an answer is kept: a member turned guest stops being staff after this. */
	static final Duration KEEP_FOR = Duration.ofMinutes(10);

	WorkspaceMembers(SlackApi api) {
		this.api = api;
		this.known = Caffeine.newBuilder().expireAfterWrite(KEEP_FOR).maximumSize(50_000).build();
	}

	/** The person as Slack knows them; empty when Slack could not say. */
	public Optional<Member> lookup(String userId) {
		if (userId == null || userId.isBlank()) {
			return Optional.empty();
		}
		Member member = known.getIfPresent(userId);
		if (member != null) {
			return Optional.of(member);
		}
		try {
			UsersInfoResponse response = api.client().usersInfo(r -> r.user(userId));
			if (!response.isOk() || response.getUser() == null) {
				log.info("users.info for {} answered {}", userId, response.getError());
				return Optional.empty();
			}
			var user = response.getUser();
			member = new Member(userId, user.getTeamId(), user.isRestricted() || user.isUltraRestricted(),
					user.isBot() || user.isAppUser(), user.isDeleted(), profile(user));
			known.put(userId, member);
			return Optional.of(member);
		}
		catch (IOException | SlackApiException ex) {
			log.warn("users.info failed for {}", userId, ex);
			return Optional.empty();
		}
	}

	/**
	 * A person of a Slack workspace.
	 *
	 * @param guest a single- or multi-channel guest ({@code is_restricted},
	 * {@code is_ultra_restricted})
	 * @param bot a bot or an app's user
	 * @param deleted deactivated
	 * @param profile the profile's title and e-mail address, each null if not given
	 */
	public record Member(String id, String teamId, boolean guest, boolean bot, boolean deleted,
			PartnerManagement.Profile profile) {

		/** A full member: what staff must be. */
		boolean fullMember() {
			return !guest && !bot && !deleted;
		}

	}

	/**
	 * The title and e-mail address of a {@code users.info} answer (the e-mail address
	 * needs the {@code users:read.email} scope).
	 */
	public static PartnerManagement.Profile profile(User user) {
		return (user.getProfile() == null) ? PartnerManagement.Profile.UNKNOWN
				: new PartnerManagement.Profile(user.getProfile().getTitle(), user.getProfile().getEmail());
	}

}
