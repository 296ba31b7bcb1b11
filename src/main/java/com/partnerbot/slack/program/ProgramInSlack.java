package com.partnerbot.slack.program;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.partners.Partner;
import com.partnerbot.program.ProgramEvents;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.outbox.Outbound;
import com.partnerbot.slack.outbox.SlackOutbox;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The program in Slack: health alerts to a partner's channel manager, the onboarding
 * welcome and nudges, and the weekly digest, all through the outbox.
 */
@Component
public class ProgramInSlack {

	private static final Logger log = LoggerFactory.getLogger(ProgramInSlack.class);

	private final SlackOutbox outbox;

	/** Whether the onboarding journey speaks in the partner's shared channel. */
	private final boolean onboardingMessages;

	ProgramInSlack(SlackOutbox outbox,
			@Value("${partnerbot.program.onboarding-messages:true}") boolean onboardingMessages) {
		this.outbox = outbox;
		this.onboardingMessages = onboardingMessages;
	}

	/**
	 * A partner turned at risk: its channel manager hears by direct message (the alerts
	 * channel when it has none), once per spell at risk.
	 */
	@ApplicationModuleListener
	void on(ProgramEvents.TurnedAtRisk turned) {
		Messages.Reply alert = ProgramBlocks.atRisk(turned.partner(), turned.health());
		String key = "health-at-risk:" + turned.partner().id() + ":" + turned.since().toEpochMilli();
		log.info("At-risk alert for {} stored: {}", turned.partner().name(),
				toManager(key, "alert", turned.partner(), alert));
	}

	/** The welcome and checklist, in the partner's shared channel. */
	@ApplicationModuleListener
	void on(ProgramEvents.OnboardingStarted started) {
		onboarding("onboarding-welcome:" + started.partner().id(), started.partner(),
				ProgramBlocks.welcome(started.partner(), started.journey()));
	}

	@ApplicationModuleListener
	void on(ProgramEvents.StepDone done) {
		onboarding("onboarding-done:" + done.partner().id() + ":" + done.step().name(), done.partner(),
				ProgramBlocks.stepDone(done.step(), done.journey()));
	}

	@ApplicationModuleListener
	void on(ProgramEvents.StepLate late) {
		onboarding("onboarding-late:" + late.partner().id() + ":" + late.step().name(), late.partner(),
				ProgramBlocks.late(late.step()));
	}

	/** A stalled journey: the channel manager hears (the alerts channel when none). */
	@ApplicationModuleListener
	void on(ProgramEvents.Stalled stalled) {
		Messages.Reply nudge = ProgramBlocks.stalled(stalled.partner(), stalled.idleDays(), stalled.open());
		String key = "onboarding-stalled:" + stalled.partner().id() + ":" + stalled.idleDays();
		toManager(key, "notice", stalled.partner(), nudge);
	}

	/**
	 * The weekly digest, by direct message, stored once a week per manager, at low
	 * priority.
	 */
	@ApplicationModuleListener
	void on(ProgramEvents.WeeklyDigest digest) {
		// a digest may wait behind a partner's hand-off or a conflict to decide
		outbox.enqueue(
				Outbound
					.toPerson("digest:" + digest.week() + ":" + digest.manager(), "notice", digest.manager(),
							ProgramBlocks.digest(digest.week(), digest.digest()))
					.withPriority(Outbound.Priority.LOW));
	}

	/** A direct message to the partner's channel manager, or the alerts channel. */
	private boolean toManager(String key, String kind, Partner partner, Messages.Reply reply) {
		String manager = partner.channelManager();
		return (manager != null) ? outbox.enqueue(Outbound.toPerson(key, kind, manager, reply))
				: outbox.alert(key, reply);
	}

	/**
	 * A step of the onboarding journey, in the partner's first shared channel: none when
	 * onboarding messages are off or the partner has no channel.
	 */
	private void onboarding(String key, Partner partner, Messages.Reply reply) {
		if (!onboardingMessages) {
			return;
		}
		if (partner.slackChannelIds().isEmpty()) {
			log.info("{} has no shared channel for {}", partner.name(), key);
			return;
		}
		outbox.enqueue(Outbound.toChannel(key, "notice", partner.slackChannelIds().get(0), null, reply));
	}

}
