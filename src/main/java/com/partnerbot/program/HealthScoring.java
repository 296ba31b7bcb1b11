package com.partnerbot.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The health score, in plain deterministic Java: each signal earns 0 to 1 with a reason,
 * the score is the weighted average over the signals that measured something, and the
 * thresholds turn it into a status.
 */
final class HealthScoring {

	static final String REGISTRATIONS = "registrations";

	static final String WINS = "wins";

	static final String PSAT = "psat";

	static final String PSAT_TREND = "psatTrend";

	static final String CERTIFICATIONS = "certifications";

	static final String QUESTIONS = "questions";

	static final String PROTECTION = "protection";

	static final String FUNDS = "funds";

	private HealthScoring() {
	}

	/**
	 * What the program knows of a partner, over the window.
	 *
	 * @param registrations deals registered in the window
	 * @param wins deals won in the window
	 * @param psat its people's satisfaction (1-5), null with too few answers
	 * @param psatChange the last month's PSAT less the month before's, null without two
	 * @param certified certified people counting toward the tier's requirements
	 * @param certificationsRequired certified people the tier requires
	 * @param questionsAsked questions its people asked in the window
	 * @param questionsUnanswered of those, the ones the library could not answer
	 * @param protectionLapsed registrations whose protection ended without a win in the
	 * window
	 * @param protectedNow registrations protected now
	 * @param funds its market development funds, null when none are known
	 */
	record Facts(int registrations, int wins, Double psat, Double psatChange, int certified, int certificationsRequired,
			int questionsAsked, int questionsUnanswered, int protectionLapsed, int protectedNow,
			FundSignals.FundPosition funds) {
	}

	static PartnerHealth score(UUID partnerId, Facts facts, ProgramProperties.Health config) {
		int days = config.windowDays();
		List<HealthSignal> signals = new ArrayList<>();
		signals.add(counted(REGISTRATIONS, config, facts.registrations(), "deal registration", days));
		signals.add(counted(WINS, config, facts.wins(), "won deal", days));
		signals.add(psat(config, facts.psat()));
		signals.add(psatTrend(config, facts.psatChange()));
		signals.add(certifications(config, facts.certified(), facts.certificationsRequired()));
		signals.add(questions(config, facts.questionsAsked(), facts.questionsUnanswered(), days));
		signals.add(protection(config, facts.protectionLapsed(), facts.protectedNow(), days));
		signals.add(funds(config, facts.funds()));
		double weights = 0;
		double earned = 0;
		for (HealthSignal signal : signals) {
			if (signal.score() != null) {
				weights += signal.weight();
				earned += signal.weight() * signal.score();
			}
		}
		int score = (weights == 0) ? 0 : (int) Math.round(100 * earned / weights);
		PartnerHealth.Status status = (score >= config.healthyAt()) ? PartnerHealth.Status.HEALTHY
				: (score < config.atRiskBelow()) ? PartnerHealth.Status.AT_RISK : PartnerHealth.Status.WATCH;
		return new PartnerHealth(partnerId, score, status, signals.stream().filter(s -> s.weight() > 0).toList());
	}

	private static HealthSignal counted(String name, ProgramProperties.Health config, int count, String what,
			int days) {
		ProgramProperties.Signal signal = config.signal(name);
		double score = Math.min(1, count / signal.target());
		String reason = plural(count, what) + " in the last " + days + " days (target " + figure(signal.target()) + ")";
		return new HealthSignal(name, (double) count, signal.weight(), reason, score);
	}

	private static HealthSignal psat(ProgramProperties.Health config, Double psat) {
		double weight = config.signal(PSAT).weight();
		if (psat == null) {
			return new HealthSignal(PSAT, null, weight, "too few survey answers to tell satisfaction", null);
		}
		double score = (psat - 1) / 4;
		return new HealthSignal(PSAT, psat, weight, "its people rate the program " + decimal(psat) + " of 5"
				+ ((score < 0.5) ? ", a dissatisfied partner" : ""), score);
	}

	private static HealthSignal psatTrend(ProgramProperties.Health config, Double change) {
		double weight = config.signal(PSAT_TREND).weight();
		if (change == null) {
			return new HealthSignal(PSAT_TREND, null, weight, "not enough months of survey answers for a trend", null);
		}
		double score = Math.max(0, Math.min(1, 0.5 + change / 2));
		String reason = (change < 0) ? "satisfaction fell by " + decimal(-change) + " since the month before"
				: (change > 0) ? "satisfaction rose by " + decimal(change) + " since the month before"
						: "satisfaction held steady";
		return new HealthSignal(PSAT_TREND, change, weight, reason, score);
	}

	private static HealthSignal certifications(ProgramProperties.Health config, int certified, int required) {
		double weight = config.signal(CERTIFICATIONS).weight();
		if (required == 0) {
			return new HealthSignal(CERTIFICATIONS, (double) certified, weight, "its tier requires no certification",
					null);
		}
		double score = Math.min(1, (double) certified / required);
		return new HealthSignal(CERTIFICATIONS, score, weight,
				certified + " of the " + required + " certified people its tier requires", score);
	}

	private static HealthSignal questions(ProgramProperties.Health config, int asked, int unanswered, int days) {
		ProgramProperties.Signal signal = config.signal(QUESTIONS);
		if (asked == 0) {
			return new HealthSignal(QUESTIONS, 0.0, signal.weight(),
					"asked no question in the last " + days + " days: not using the program's help", 0.25);
		}
		double engagement = Math.min(1, asked / signal.target());
		double answered = 1 - (double) unanswered / asked;
		double score = (engagement + answered) / 2;
		return new HealthSignal(QUESTIONS, (double) asked, signal.weight(),
				plural(asked, "question") + " in the last " + days + " days, " + unanswered + " left unanswered",
				score);
	}

	private static HealthSignal protection(ProgramProperties.Health config, int lapsed, int protectedNow, int days) {
		double weight = config.signal(PROTECTION).weight();
		if (lapsed + protectedNow == 0) {
			return new HealthSignal(PROTECTION, null, weight, "no protected registration to renew", null);
		}
		double score = (double) protectedNow / (lapsed + protectedNow);
		return new HealthSignal(
				PROTECTION, (double) lapsed, weight, plural(lapsed, "registration")
						+ " let protection lapse in the last " + days + " days, " + protectedNow + " protected now",
				score);
	}

	private static HealthSignal funds(ProgramProperties.Health config, FundSignals.FundPosition funds) {
		double weight = config.signal(FUNDS).weight();
		if (funds == null || funds.allocated().signum() == 0) {
			return new HealthSignal(FUNDS, null, weight, "no market development funds allocated", null);
		}
		double unspent = funds.unspent().divide(funds.allocated(), 4, RoundingMode.HALF_UP).doubleValue();
		double score = Math.max(0, 1 - unspent);
		String reason = Math.round(unspent * 100) + "% of its MDF unspent" + ((funds.expiringSoon().signum() > 0)
				? ", " + funds.expiringSoon().setScale(0, RoundingMode.HALF_UP) + " expiring within 30 days" : "");
		if (funds.expiringSoon().compareTo(BigDecimal.ZERO) > 0) {
			score = Math.min(score, 0.4);
		}
		return new HealthSignal(FUNDS, unspent, weight, reason, score);
	}

	private static String plural(int count, String what) {
		return count + " " + what + ((count == 1) ? "" : "s");
	}

	private static String figure(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : decimal(value);
	}

	private static String decimal(double value) {
		return String.format(java.util.Locale.ROOT, "%.1f", value);
	}

}
