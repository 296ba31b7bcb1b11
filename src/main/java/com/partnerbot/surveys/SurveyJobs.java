package com.partnerbot.surveys;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealEvents;
import com.partnerbot.partners.PartnerPersonJoined;
import com.partnerbot.platform.ScheduledJobs;

import lombok.RequiredArgsConstructor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When surveys go out on their own: scheduled campaigns and reminders (checked every
 * minute, on one instance at a time), the onboarding survey (daily), and the deal
 * registration survey after a channel manager decides.
 */
@Component
@RequiredArgsConstructor
class SurveyJobs {

	private static final Logger log = LoggerFactory.getLogger(SurveyJobs.class);

	private final Surveys surveys;

	private final ScheduledJobs jobs;

	@Scheduled(cron = "${partnerbot.surveys.check-cron:30 * * * * *}")
	void campaignsAndReminders() {
		jobs.runExclusively("survey-campaigns", Duration.ofMinutes(10), Duration.ofSeconds(10), () -> {
			int sent = surveys.fireScheduled().size();
			int reminded = surveys.remindDue().size();
			if (sent + reminded > 0) {
				log.info("Surveys: {} scheduled invitations, {} reminders", sent, reminded);
			}
		});
	}

	@Scheduled(cron = "${partnerbot.surveys.onboarding-cron:0 0 10 * * *}")
	void onboarding() {
		jobs.runExclusively("survey-onboarding", Duration.ofMinutes(30), Duration.ofMinutes(1), () -> {
			int invited = surveys.inviteOnboarded();
			if (invited > 0) {
				log.info("Onboarding survey: {} invitations", invited);
			}
		});
	}

	@ApplicationModuleListener
	void on(DealEvents.Decided decided) {
		Deal deal = decided.deal();
		String person = deal.registeredBy();
		if (person == null || !person.matches("[UW][A-Z0-9_]+")) {
			// registered by another system, not by a person in Slack
			return;
		}
		// one survey per registration, however many decisions it gets (products, co-sell)
		surveys.inviteAfter(SurveyKind.AFTER_DEAL_DECISION, "deal:" + deal.id(),
				deal.reference() + " (" + deal.customerName() + ")", deal.partnerId(), person);
	}

	/** People who become known while a campaign is open are invited to it. */
	@ApplicationModuleListener
	void on(PartnerPersonJoined joined) {
		int invited = surveys.inviteLateJoiner(joined.partnerId(), joined.slackUserId()).size();
		if (invited > 0) {
			log.info("A partner's person who became known was invited to {} open surveys", invited);
		}
	}

}
