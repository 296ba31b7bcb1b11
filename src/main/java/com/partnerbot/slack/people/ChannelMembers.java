package com.partnerbot.slack.people;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.slack.api.methods.SlackApiException;
import jakarta.annotation.PreDestroy;
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
 * reach people who never talked to the bot. Read at start-up, when a partner is
 * registered and every six hours; a read Slack fails (an error, a timeout, a 429) is
 * tried again after 5 s, 30 s, 2 min and 10 min (or Slack's {@code Retry-After}, if
 * longer) by the instance that read it, which alone ran the refresh (its job lock) or got
 * the registration, before it is left to the next refresh.
 */
@Component
@RequiredArgsConstructor
class ChannelMembers {

	private static final Logger log = LoggerFactory.getLogger(ChannelMembers.class);

	private final PartnerManagement partners;

	private final SlackApi api;

	private final ScheduledJobs jobs;

	/** The waits before reading a channel again after a failed read. */
	static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
			Duration.ofMinutes(10));

	private final ScheduledExecutorService retries = Executors
		.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("channel-members-retry").factory());

	/**
	 * How a read of a channel went: people added, and when to read it again if it failed.
	 */
	private record Read(int added, Duration retryAfter) {

		boolean failed() {
			return retryAfter != null;
		}

	}

	@PreDestroy
	void stop() {
		retries.shutdownNow();
	}

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
					added += read(partner, channel, 0);
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
		registered.partner().slackChannelIds().forEach(channel -> read(registered.partner(), channel, 0));
	}

	/**
	 * Reads the channel; when Slack fails it, schedules the next try (bounded) on this
	 * instance.
	 */
	private int read(Partner partner, String channel, int failures) {
		Read read = members(partner, channel);
		if (!read.failed()) {
			return read.added();
		}
		if (failures >= RETRIES.size()) {
			log.warn("Gave up reading the members of {} (partner {}) after {} tries; the next refresh reads them again",
					channel, partner.id(), failures + 1);
			return read.added();
		}
		Duration wait = RETRIES.get(failures).compareTo(read.retryAfter()) >= 0 ? RETRIES.get(failures)
				: read.retryAfter();
		log.info("Reading the members of {} again in {} s (try {} failed)", channel, wait.toSeconds(), failures + 1);
		try {
			retries.schedule(() -> {
				try {
					read(partner, channel, failures + 1);
				}
				catch (RuntimeException ex) {
					log.warn("Reading the members of {} failed", channel, ex);
				}
			}, wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException stopping) {
			log.info("Not reading the members of {} again: shutting down", channel);
		}
		return read.added();
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

	private Read members(Partner partner, String channel) {
		int added = 0;
		boolean incomplete = false;
		// people known already need no users.info
		java.util.Set<String> known = new java.util.HashSet<>(partners.people(partner.id()));
		try {
			String cursor = null;
			do {
				String page = cursor;
				var members = api.client().conversationsMembers(r -> r.channel(channel).cursor(page).limit(200));
				if (!members.isOk()) {
					log.info("conversations.members of {} failed: {}", channel, members.getError());
					return new Read(added, Duration.ZERO);
				}
				if (members.getMembers() == null) {
					return new Read(added, null);
				}
				for (String member : members.getMembers()) {
					if (known.contains(member)) {
						continue;
					}
					var user = usersInfo(member);
					if (!user.isOk() && !"user_not_found".equals(user.getError())) {
						log.info("users.info of {} failed: {}", member, user.getError());
						incomplete = true;
					}
					if (user.isOk() && !user.getUser().isBot() && partners.addMember(partner.id(), member,
							user.getUser().getTeamId(), WorkspaceMembers.profile(user.getUser()))) {
						added++;
					}
				}
				cursor = (members.getResponseMetadata() != null) ? members.getResponseMetadata().getNextCursor() : null;
			}
			while (cursor != null && !cursor.isEmpty());
		}
		catch (SlackApiException ex) {
			log.info("Could not read the members of {}: {}", channel, ex.getMessage());
			return new Read(added, (ex.getResponse().code() == 429) ? OutboxDelivery.retryAfter(ex) : Duration.ZERO);
		}
		catch (IOException ex) {
			log.info("Could not read the members of {}: {}", channel, ex.getMessage());
			return new Read(added, Duration.ZERO);
		}
		return new Read(added, incomplete ? Duration.ZERO : null);
	}

}
