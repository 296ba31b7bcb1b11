package com.partnerbot.program;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.deals.DealEvents;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.PartnerRegistered;
import com.partnerbot.platform.ScheduledJobs;
import com.partnerbot.training.CompletionRecorded;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The program module's API for onboarding: a new partner's journey through its first
 * days, whose steps are done by what happens in the program (a registration, a
 * certification, a win), never ticked by hand; a daily look for late steps (the partner
 * hears) and stalled journeys (the channel manager hears), each once.
 */
@Service
@RequiredArgsConstructor
public class Onboarding {

	private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

	private final Journeys journeys;

	private final PartnerManagement partners;

	private final ProgramProperties properties;

	private final ApplicationEventPublisher events;

	private final ScheduledJobs jobs;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * A partner's journey, if it has one (partners registered before journeys have none).
	 */
	public Optional<Journey> journey(UUID partnerId) {
		return journeys.startedAt(partnerId).map(started -> journey(partnerId, started));
	}

	/** Days without a step done after which a journey has stalled. */
	public int stallDays() {
		return properties.onboarding().stallDays();
	}

	/** Every journey. */
	public List<Journey> all() {
		return journeys.all().entrySet().stream().map(e -> journey(e.getKey(), e.getValue())).toList();
	}

	private Journey journey(UUID partnerId, Instant started) {
		Map<String, Instant> done = journeys.doneSteps(partnerId);
		LocalDate joined = LocalDate.ofInstant(started, ZoneOffset.UTC);
		return new Journey(partnerId, started,
				properties.onboarding()
					.steps()
					.stream()
					.map(s -> new Journey.Step(s.name(), s.label(), joined.plusDays(s.dueDays()), done.get(s.name())))
					.toList());
	}

	@ApplicationModuleListener
	void on(PartnerRegistered registered) {
		Partner partner = registered.partner();
		if (journeys.start(partner.id(), clock.instant())) {
			log.info("Onboarding of {} started", partner.name());
			reached(partner, ProgramProperties.Milestone.PARTNER_REGISTERED, false);
			events.publishEvent(new ProgramEvents.OnboardingStarted(partner, journey(partner.id()).orElseThrow()));
		}
	}

	@ApplicationModuleListener
	void on(DealEvents.Registered registered) {
		reached(registered.deal().partnerId(), ProgramProperties.Milestone.DEAL_REGISTERED);
	}

	@ApplicationModuleListener
	void on(DealEvents.Closed closed) {
		if (closed.deal().status() == DealStatus.WON) {
			reached(closed.deal().partnerId(), ProgramProperties.Milestone.DEAL_WON);
		}
	}

	@ApplicationModuleListener
	void on(CompletionRecorded recorded) {
		if (recorded.certification() != null) {
			reached(recorded.completion().partnerId(), ProgramProperties.Milestone.CERTIFICATION);
		}
	}

	private void reached(UUID partnerId, ProgramProperties.Milestone milestone) {
		if (journeys.startedAt(partnerId).isPresent()) {
			partners.find(partnerId).ifPresent(partner -> reached(partner, milestone, true));
		}
	}

	/** Marks the steps the milestone does; each newly done step is announced if asked. */
	private void reached(Partner partner, ProgramProperties.Milestone milestone, boolean announce) {
		for (ProgramProperties.Step step : properties.onboarding().steps()) {
			if (step.doneWhen() == milestone && journeys.done(partner.id(), step.name(), clock.instant())) {
				log.info("Onboarding of {}: {} done", partner.name(), step.name());
				if (announce) {
					Journey journey = journey(partner.id()).orElseThrow();
					Journey.Step done = journey.steps()
						.stream()
						.filter(s -> s.name().equals(step.name()))
						.findFirst()
						.orElseThrow();
					events.publishEvent(new ProgramEvents.StepDone(partner, done, journey));
				}
			}
		}
	}

	@Scheduled(cron = "${partnerbot.program.onboarding-cron:0 0 7 * * *}")
	void daily() {
		jobs.runExclusively("onboarding-nudges", Duration.ofMinutes(30), Duration.ofMinutes(1), this::nudge);
	}

	/**
	 * Each late step of an open journey is announced to the partner once, and a journey
	 * with no step done for the configured days to its channel manager, once per stall.
	 */
	public void nudge() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		int stallDays = properties.onboarding().stallDays();
		for (Journey journey : all()) {
			Optional<Partner> partner = partners.find(journey.partnerId());
			if (partner.isEmpty() || journey.complete()) {
				continue;
			}
			transactions.executeWithoutResult(tx -> {
				for (Journey.Step step : journey.open()) {
					if (step.due().isBefore(today)
							&& journeys.remind("late:" + journey.partnerId() + ":" + step.name(), now)) {
						events.publishEvent(new ProgramEvents.StepLate(partner.get(), step));
					}
				}
				Instant lastProgress = journey.lastProgress();
				long idle = Duration.between(lastProgress, now).toDays();
				if (idle >= stallDays
						&& journeys.remind("stalled:" + journey.partnerId() + ":" + lastProgress.toEpochMilli(), now)) {
					events.publishEvent(new ProgramEvents.Stalled(partner.get(), (int) idle,
							Collections.unmodifiableList(journey.open())));
				}
			});
		}
	}

}
