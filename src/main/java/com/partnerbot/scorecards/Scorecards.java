package com.partnerbot.scorecards;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.deals.PartnerRole;
import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Tier;
import com.partnerbot.surveys.PartnerSatisfaction;
import com.partnerbot.surveys.Surveys;
import com.partnerbot.training.Completion;
import com.partnerbot.training.Course;
import com.partnerbot.training.TrainingManagement;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The scorecards module's API: a partner's scorecard, and the training recommended to
 * close its gaps, for the partner or for one of its people.
 */
@Service
@RequiredArgsConstructor
public class Scorecards {

	private final PartnerManagement partners;

	private final DealRegistrations deals;

	private final TrainingManagement training;

	private final KnowledgeBase knowledge;

	private final ScorecardsProperties properties;

	private final Surveys surveys;

	private final Clock clock;

	// the mdf module is optional: without it, no partner has funds
	private final ObjectProvider<FundReturns> funds;

	private final Map<String, float[]> courseVectors = new ConcurrentHashMap<>();

	/** The partner's scorecard, with recommendations for the partner as a whole. */
	public Scorecard forPartner(UUID partnerId) {
		return scorecard(partners.get(partnerId), null, null);
	}

	/**
	 * The partner's scorecard, with recommendations for one of its people: those of their
	 * role (from the courses they took, else their Slack profile's title), and none they
	 * completed, whether recorded by their Slack user id or their e-mail address.
	 */
	public Scorecard forPerson(UUID partnerId, String person) {
		return scorecard(partners.get(partnerId), Set.copyOf(partners.identities(partnerId, person)), person);
	}

	/**
	 * This week's tips: for every partner person with a gap to their partner's next tier,
	 * except those who opted out.
	 * @param optedOut the Slack user ids of people who asked for no more tips
	 */
	public List<WeeklyTip> weeklyTips(Set<String> optedOut) {
		return WeeklyTip.choose(partners.all(), partners::people, optedOut, this::forPerson);
	}

	/** The partner's figures alone, without recommendations: for program reporting. */
	public Scorecard.Kpis kpis(UUID partnerId) {
		return kpis(partners.get(partnerId), training.catalogue(), training.completions(partnerId));
	}

	/**
	 * @param person the names the person's completions may carry, null for the partner as
	 * a whole
	 * @param slackUserId the person's Slack user id, which their profile's title is kept
	 * under
	 */
	private Scorecard scorecard(Partner partner, Set<String> person, String slackUserId) {
		// one read of the catalogue and the completions serves the KPIs and the
		// recommendations
		List<Course> catalogue = training.catalogue();
		List<Completion> completions = training.completions(partner.id());
		Scorecard.Kpis kpis = kpis(partner, catalogue, completions);
		Tier tier = partner.tier();
		Optional<Tier> next = tier.next();
		List<Scorecard.Gap> gaps = next.map(t -> ScorecardCalculator.gaps(kpis, requirements(t))).orElse(List.of());
		List<Scorecard.Gap> atRisk = ScorecardCalculator.gaps(kpis, requirements(tier));
		String role = (person == null) ? null : role(partner, person, slackUserId, completions);
		List<Scorecard.Recommendation> recommendations = Recommender.recommend(new Recommender.Situation(tier,
				next.orElse(null), gaps, atRisk, catalogue, done(person, completions), role),
				weakest -> rankByMeaning(weakest, catalogue));
		String benefit = next.map(t -> requirements(t).benefit()).orElse(null);
		PartnerSatisfaction satisfaction = surveys.partnerSatisfaction(partner.id());
		return new Scorecard(partner.id(), partner.name(), tier.label(), next.map(Tier::label).orElse(null), kpis, gaps,
				atRisk, recommendations, benefit,
				new Scorecard.ProgramSatisfaction(satisfaction.psat(), satisfaction.responses(),
						satisfaction.minResponses()),
				funds.getIfAvailable(() -> FundReturns.NONE).funds(partner.id()).orElse(null));
	}

	/** The courses done: by the person, or by anyone of the partner. */
	private static Set<String> done(Set<String> person, List<Completion> completions) {
		Set<String> done = new HashSet<>();
		for (Completion completion : completions) {
			if (person == null || person.contains(completion.person())) {
				done.add(completion.courseCode());
			}
		}
		return done;
	}

	/**
	 * A person's role: the one their completions were recorded with, else what their
	 * Slack profile's title says; null when neither tells.
	 */
	private String role(Partner partner, Set<String> person, String slackUserId, List<Completion> completions) {
		return completions.stream()
			.filter(c -> person.contains(c.person()) && c.role() != null && !"any".equals(c.role()))
			.map(Completion::role)
			.findFirst()
			.orElseGet(() -> partners.title(partner.id(), slackUserId).map(Roles::ofTitle).orElse(null));
	}

	/** The catalogue, closest in meaning to a gap first. */
	private List<Course> rankByMeaning(Scorecard.Gap weakest, List<Course> catalogue) {
		float[] query = knowledge.embedQuery(weakest.description() + ": " + topicOf(weakest));
		return catalogue.stream()
			.map(c -> Map.entry(c, cosine(query, vector(c))))
			.sorted(Map.Entry.<Course, Double>comparingByValue().reversed())
			.map(Map.Entry::getKey)
			.toList();
	}

	private ScorecardsProperties.TierRequirements requirements(Tier tier) {
		return properties.tiers()
			.getOrDefault(tier.name().toLowerCase(Locale.ROOT),
					new ScorecardsProperties.TierRequirements(BigDecimal.ZERO, Map.of(), null));
	}

	/**
	 * The program year counts a won deal in the year it was won; a deal won before that
	 * day was recorded counts by its expected close.
	 */
	private static boolean closedIn(Deal deal, int year) {
		LocalDate closed = (deal.closedOn() != null) ? deal.closedOn() : deal.expectedCloseDate();
		return closed.getYear() == year;
	}

	private Scorecard.Kpis kpis(Partner partner, List<Course> catalogue, List<Completion> completions) {
		List<Deal> all = deals.forPartner(partner.id());
		BigDecimal pipeline = BigDecimal.ZERO;
		BigDecimal won = BigDecimal.ZERO;
		BigDecimal influenced = BigDecimal.ZERO;
		int wonCount = 0;
		int lostCount = 0;
		int year = LocalDate.now(clock).getYear();
		for (Deal deal : all) {
			BigDecimal value = convert(deal.amount(), deal.currency());
			if (deal.status().isLive()) {
				pipeline = pipeline.add(value);
			}
			if (deal.status() == DealStatus.WON) {
				wonCount++;
				if (closedIn(deal, year)) {
					won = won.add(value);
					if (deal.role() == PartnerRole.INFLUENCED) {
						influenced = influenced.add(value);
					}
				}
			}
			if (deal.status() == DealStatus.LOST) {
				lostCount++;
			}
		}
		// a co-selling partner influenced the deal: its revenue counts for it too
		for (Deal deal : deals.coSelling(partner.id())) {
			if (deal.status() == DealStatus.WON && closedIn(deal, year)) {
				BigDecimal value = convert(deal.amount(), deal.currency());
				won = won.add(value);
				influenced = influenced.add(value);
			}
		}
		Double winRate = (wonCount + lostCount == 0) ? null : (double) wonCount / (wonCount + lostCount);
		Long daysToFirstDeal = all.stream()
			.map(Deal::createdAt)
			.min(Comparator.naturalOrder())
			.map(first -> Math.max(0, Duration.between(partner.createdAt(), first).toDays()))
			.orElse(null);
		return new Scorecard.Kpis(properties.currency(), pipeline, won, winRate,
				certifiedPeople(partner.id(), catalogue), completions.size(), daysToFirstDeal, won.subtract(influenced),
				influenced, daysToFirstRevenue(partner, all));
	}

	/** From joining to the day of the first win, null before one. */
	private static Long daysToFirstRevenue(Partner partner, List<Deal> deals) {
		LocalDate joined = LocalDate.ofInstant(partner.createdAt(), java.time.ZoneOffset.UTC);
		return deals.stream()
			.filter(d -> d.status() == DealStatus.WON)
			.map(d -> (d.closedOn() != null) ? d.closedOn() : d.expectedCloseDate())
			.min(Comparator.naturalOrder())
			.map(first -> Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(joined, first)))
			.orElse(null);
	}

	/**
	 * People per certification requirement, counting current certifications only; an
	 * engineer certified for two products counts once as a certified engineer.
	 */
	private Map<String, Integer> certifiedPeople(UUID partnerId, List<Course> catalogue) {
		Set<String> engineerCertifications = new HashSet<>();
		catalogue.stream()
			.filter(c -> c.certification() != null && "engineer".equals(c.role()))
			.forEach(c -> engineerCertifications.add(c.certification()));
		Map<String, Integer> counts = new LinkedHashMap<>();
		Set<String> engineers = new HashSet<>();
		training.certificationHolders(partnerId).forEach((certification, holders) -> {
			counts.put(certification, holders.size());
			if (engineerCertifications.contains(certification)) {
				engineers.addAll(holders);
			}
		});
		counts.put(ScorecardsProperties.ENGINEER, engineers.size());
		return counts;
	}

	private BigDecimal convert(BigDecimal amount, String currency) {
		if (currency == null || currency.equalsIgnoreCase(properties.currency())) {
			return amount;
		}
		return amount
			.multiply(properties.exchangeRates().getOrDefault(currency.toUpperCase(Locale.ROOT), BigDecimal.ONE));
	}

	/** What a gap is about, in words a course description would use. */
	private static String topicOf(Scorecard.Gap gap) {
		return switch (gap.kind()) {
			case "revenue" -> "selling the products, winning more and larger deals, positioning against competitors";
			default -> gap.requirement();
		};
	}

	private float[] vector(Course course) {
		return courseVectors.computeIfAbsent(course.code() + "\u0000" + course.description(),
				key -> knowledge.embedDocument(course.title() + ". " + course.description()));
	}

	private static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return (na == 0 || nb == 0) ? 0 : dot / Math.sqrt(na * nb);
	}

}
