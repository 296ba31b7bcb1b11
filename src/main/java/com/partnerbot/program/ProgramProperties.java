package com.partnerbot.program;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the program reads its partners ({@code partnerbot.program.*}), configured like the
 * tier rules: see docs/partner-health.md.
 *
 * @param health the health score's signals and thresholds
 * @param onboarding the first-90-days checklist
 * @param healthCron when every partner's health is checked ("-" never)
 * @param onboardingCron when late steps and stalled journeys are looked for ("-" never)
 * @param digestCron when the weekly digest goes to each channel manager ("-" never)
 */
@ConfigurationProperties("partnerbot.program")
public record ProgramProperties(Health health, Onboarding onboarding, @DefaultValue("0 30 6 * * *") String healthCron,
		@DefaultValue("0 0 7 * * *") String onboardingCron, @DefaultValue("0 0 8 * * MON") String digestCron) {

	public ProgramProperties {
		health = (health != null) ? health : new Health(0, 0, 0, null);
		onboarding = (onboarding != null) ? onboarding : new Onboarding(0, 0, null);
	}

	/**
	 * @param windowDays the recent past the activity signals look at
	 * @param healthyAt the score from which a partner is healthy
	 * @param atRiskBelow the score under which a partner is at risk
	 * @param signals each signal by name: its weight, and the figure that earns full
	 * marks where it counts something
	 */
	public record Health(int windowDays, int healthyAt, int atRiskBelow, Map<String, Signal> signals) {

		public Health {
			windowDays = (windowDays > 0) ? windowDays : 90;
			healthyAt = (healthyAt > 0) ? healthyAt : 70;
			atRiskBelow = (atRiskBelow > 0) ? atRiskBelow : 40;
			signals = (signals != null && !signals.isEmpty()) ? Map.copyOf(signals) : defaultSignals();
		}

		/** A signal's configuration; weight 0 leaves it out. */
		public Signal signal(String name) {
			return signals.getOrDefault(name, new Signal(0, 1));
		}

	}

	/**
	 * @param weight its weight in the score
	 * @param target the figure that earns full marks (registrations, wins), where it
	 * counts something
	 */
	public record Signal(double weight, double target) {

		public Signal {
			target = (target > 0) ? target : 1;
		}

	}

	private static Map<String, Signal> defaultSignals() {
		Map<String, Signal> signals = new LinkedHashMap<>();
		signals.put(HealthScoring.REGISTRATIONS, new Signal(20, 2));
		signals.put(HealthScoring.WINS, new Signal(20, 1));
		signals.put(HealthScoring.PSAT, new Signal(15, 1));
		signals.put(HealthScoring.PSAT_TREND, new Signal(5, 1));
		signals.put(HealthScoring.CERTIFICATIONS, new Signal(15, 1));
		signals.put(HealthScoring.QUESTIONS, new Signal(10, 3));
		signals.put(HealthScoring.PROTECTION, new Signal(5, 1));
		signals.put(HealthScoring.FUNDS, new Signal(10, 1));
		return signals;
	}

	/**
	 * @param stallDays days without a step done after which the channel manager hears
	 * @param lengthDays how long a journey lasts
	 * @param steps the checklist, in order
	 */
	public record Onboarding(int stallDays, int lengthDays, List<Step> steps) {

		public Onboarding {
			stallDays = (stallDays > 0) ? stallDays : 21;
			lengthDays = (lengthDays > 0) ? lengthDays : 90;
			steps = (steps != null && !steps.isEmpty()) ? List.copyOf(steps)
					: List.of(new Step("agreement", "Sign the program agreement", Milestone.PARTNER_REGISTERED, 7),
							new Step("first-certification", "Get your first certification", Milestone.CERTIFICATION,
									30),
							new Step("first-deal", "Register your first deal", Milestone.DEAL_REGISTERED, 45),
							new Step("first-win", "Win your first deal", Milestone.DEAL_WON, 90));
		}

	}

	/**
	 * A step of the checklist.
	 *
	 * @param name its key
	 * @param label what the partner reads
	 * @param doneWhen what completes it
	 * @param dueDays days after joining by which it should be done
	 */
	public record Step(String name, String label, Milestone doneWhen, int dueDays) {
	}

	/** What happens in the program that completes a step. */
	public enum Milestone {

		/**
		 * The partner is registered in the program: a partner is registered once its
		 * agreement is signed, so the registration is the program's record of it.
		 */
		PARTNER_REGISTERED,
		/** A person of the partner passed an exam that certifies them. */
		CERTIFICATION,
		/** The partner registered a deal. */
		DEAL_REGISTERED,
		/** A deal of the partner was won. */
		DEAL_WON

	}

}
