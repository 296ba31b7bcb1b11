package com.partnerbot.slack.people;

import java.io.IOException;
import java.time.Duration;

import com.slack.api.methods.SlackApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.PartnerRegistered;
import com.partnerbot.platform.ScheduledJobs;
import com.partnerbot.slack.bolt.SlackApi;
import com.partnerbot.slack.outbox.OutboxDelivery;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A partner's people are also the members of its shared channels whose own workspace is
 * the partner's ({@code conversations.members}, {@code users.info}), so surveys and tips
 * reach people who never talked to the bot. Read at start-up and every six hours.
 */
@Component
@RequiredArgsConstructor
class ChannelMembers {

	private static final Logger log = LoggerFactory.getLogger(ChannelMembers.class);

	private final PartnerManagement partners;

	private final SlackApi api;

	private final ScheduledJobs jobs;

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		Thread.ofVirtual().name("channel-members").start(this::refresh);
	}

	@Scheduled(cron = "${partnerbot.slack.members-cron:0 40 */6 * * *}")
	void refresh() {
		jobs.runExclusively("channel-members", Duration.ofMinutes(30), Duration.ofMinutes(5), () -> {
			int added = 0;
			for (Partner partner : partners.all()) {
				for (String channel : partner.slackChannelIds()) {
					added += members(partner, channel);
				}
			}
			if (added > 0) {
				log.info("Channel members: {} new partner people", added);
			}
		});
	}

	/** A new partner's people are known before anything is sent to them. */
	@ApplicationModuleListener
	void on(PartnerRegistered registered) {
		registered.partner().slackChannelIds().forEach(channel -> members(registered.partner(), channel));
	}

	/**
	 * users.info, waiting out rate limits (Tier 4) rather than giving up on the channel.
	 */
	private com.slack.api.methods.response.users.UsersInfoResponse usersInfo(String member)
			throws IOException, SlackApiException {
		for (int attempt = 1;; attempt++) {
			try {
				return api.client().usersInfo(r -> r.user(member));
			}
			catch (SlackApiException ex) {
				if (ex.getResponse().code() != 429 || attempt >= 10) {
					throw ex;
				}
				try {
					Thread.sleep(OutboxDelivery.retryAfter(ex));
				}
				catch (InterruptedException stop) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted while rate limited", stop);
				}
			}
		}
	}

	private int members(Partner partner, String channel) {
		int added = 0;
		// people known already need no users.info
		java.util.Set<String> known = new java.util.HashSet<>(partners.people(partner.id()));
		try {
			String cursor = null;
			do {
				String page = cursor;
				var members = api.client().conversationsMembers(r -> r.channel(channel).cursor(page).limit(200));
				if (!members.isOk()) {
					log.info("conversations.members of {} failed: {}", channel, members.getError());
					return added;
				}
				if (members.getMembers() == null) {
					return added;
				}
				for (String member : members.getMembers()) {
					if (known.contains(member)) {
						continue;
					}
					var user = usersInfo(member);
					if (user.isOk() && !user.getUser().isBot() && partners.addMember(partner.id(), member,
							user.getUser().getTeamId(),
							user.getUser().getProfile() != null ? user.getUser().getProfile().getTitle() : null)) {
						added++;
					}
				}
				cursor = (members.getResponseMetadata() != null) ? members.getResponseMetadata().getNextCursor() : null;
			}
			while (cursor != null && !cursor.isEmpty());
		}
		catch (IOException | SlackApiException ex) {
			log.info("Could not read the members of {}: {}", channel, ex.getMessage());
		}
		return added;
	}

}
