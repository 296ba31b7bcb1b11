package com.partnerbot.scorecards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.partnerbot.partners.Tier;
import com.partnerbot.training.Course;

/**
 * Which training closes a partner's gaps: for a missing certification, the next step of
 * its learning path (the courses first, then the exam; paths begun first, then the
 * shortest); then the courses closest in meaning to the largest other gap (no exam, and
 * nothing of a path already on the list); then, for a person, where a colleague would
 * start on a certification the person cannot add (not of their role, or held already).
 * Each names the gap and the tier it belongs to, and fits the person's role when it is
 * known.
 */
final class Recommender {

	static final int RECOMMENDATIONS = 5;

	private Recommender() {
	}

	/**
	 * @param tier the partner's tier
	 * @param next the tier above, or null
	 * @param gaps what the next tier needs
	 * @param atRisk what the current tier needs and is missing
	 * @param catalogue the courses in catalogue order: each learning path's courses, then
	 * its exam
	 * @param done the codes of the courses done
	 * @param role sales or engineer, null for anyone
	 */
	record Situation(Tier tier, Tier next, List<Scorecard.Gap> gaps, List<Scorecard.Gap> atRisk, List<Course> catalogue,
			Set<String> done, String role) {
	}

	/**
	 * @param byMeaning the catalogue ranked by closeness in meaning to a gap
	 */
	static List<Scorecard.Recommendation> recommend(Situation situation,
			Function<Scorecard.Gap, List<Course>> byMeaning) {
		List<Scorecard.Recommendation> recommendations = new ArrayList<>();
		Set<String> chosen = new HashSet<>();
		Map<Scorecard.Gap, Tier> all = new LinkedHashMap<>();
		situation.atRisk().forEach(g -> all.put(g, situation.tier()));
		situation.gaps().forEach(g -> all.putIfAbsent(g, situation.next()));
		Map<Course, List<Course>> paths = paths(situation.catalogue());
		Set<Scorecard.Gap> forColleagues = new LinkedHashSet<>();
		Set<String> pathsOnTheList = new HashSet<>();
		all.forEach((gap, tier) -> {
			if (!gap.kind().equals("certification")) {
				return;
			}
			List<List<Course>> open = paths.entrySet()
				.stream()
				.filter(path -> grants(path.getKey(), gap))
				.filter(path -> fits(path.getKey(), situation.role()))
				.filter(path -> !situation.done().contains(path.getKey().code()))
				.map(Map.Entry::getValue)
				.toList();
			if (open.isEmpty()) {
				forColleagues.add(gap);
			}
			open.stream()
				.map(path -> nextStep(path, situation.done(), chosen))
				.filter(step -> step != null)
				.sorted(Comparator.comparing((Step step) -> step.number() == 1)
					.thenComparingInt(Step::remainingMinutes))
				.forEach(step -> {
					chosen.add(step.course().code());
					pathsOnTheList.add(step.certification());
					recommendations.add(new Scorecard.Recommendation(step.course().title(), step.course().code(),
							step.course().link(),
							label(situation, tier) + ": " + gap.description() + " — " + step.place(), tier.label()));
				});
		});
		Map<String, String> certificationOf = new HashMap<>();
		paths.forEach((exam, path) -> path.forEach(c -> certificationOf.put(c.code(), exam.certification())));
		all.entrySet()
			.stream()
			.filter(e -> !e.getKey().kind().equals("certification"))
			.findFirst()
			.ifPresent(weakest -> byMeaning.apply(weakest.getKey())
				.stream()
				.filter(c -> !situation.done().contains(c.code()) && !chosen.contains(c.code()))
				.filter(c -> c.certification() == null && !pathsOnTheList.contains(certificationOf.get(c.code())))
				.filter(c -> fits(c, situation.role()))
				.limit(2)
				.forEach(c -> {
					chosen.add(c.code());
					recommendations.add(new Scorecard.Recommendation(
							c.title(), c.code(), c.link(), label(situation, weakest.getValue())
									+ ": closest to your largest gap, " + weakest.getKey().description(),
							weakest.getValue().label()));
				}));
		if (situation.role() != null) {
			forColleagues.forEach(gap -> forAColleague(gap, paths, chosen).ifPresent(step -> {
				chosen.add(step.course().code());
				Tier tier = all.get(gap);
				recommendations.add(new Scorecard.Recommendation(step.course().title(), step.course().code(),
						step.course().link(), label(situation, tier) + ": " + gap.description() + " — for a colleague"
								+ roleOf(step.course()) + ": " + step.place(),
						tier.label()));
			}));
		}
		return recommendations.stream().limit(RECOMMENDATIONS).toList();
	}

	/**
	 * Where someone who has taken none of it starts on the shortest path to a
	 * certification.
	 */
	private static Optional<Step> forAColleague(Scorecard.Gap gap, Map<Course, List<Course>> paths,
			Set<String> chosen) {
		return paths.entrySet()
			.stream()
			.filter(path -> grants(path.getKey(), gap))
			.map(path -> nextStep(path.getValue(), Set.of(), chosen))
			.filter(step -> step != null)
			.min(Comparator.comparingInt(Step::remainingMinutes));
	}

	private static String roleOf(Course course) {
		return (course.role() == null || "any".equals(course.role())) ? "" : " in " + article(course.role()) + " role";
	}

	private static String article(String word) {
		return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
	}

	private static String label(Situation situation, Tier tier) {
		return tier.equals(situation.tier()) ? "keeps your " + tier.label() + " tier" : "for " + tier.label();
	}

	private record Step(Course course, int number, int of, String certification, int remainingMinutes) {

		String place() {
			return "step " + number + " of " + of + " toward the " + certification + " certification";
		}

	}

	/** The first course of a path not done (nor recommended already), with its place. */
	private static Step nextStep(List<Course> path, Set<String> done, Set<String> chosen) {
		Course exam = path.get(path.size() - 1);
		if (done.contains(exam.code())) {
			return null;
		}
		int remaining = path.stream().filter(c -> !done.contains(c.code())).mapToInt(Course::durationMinutes).sum();
		for (int i = 0; i < path.size(); i++) {
			Course course = path.get(i);
			if (!done.contains(course.code())) {
				return chosen.contains(course.code()) ? null
						: new Step(course, i + 1, path.size(), exam.certification(), remaining);
			}
		}
		return null;
	}

	/** Each exam with its learning path: the courses since the previous exam, then it. */
	static Map<Course, List<Course>> paths(List<Course> catalogue) {
		Map<Course, List<Course>> paths = new LinkedHashMap<>();
		List<Course> courses = new ArrayList<>();
		for (Course course : catalogue) {
			courses.add(course);
			if (course.certification() != null) {
				paths.put(course, List.copyOf(courses));
				courses.clear();
			}
		}
		return paths;
	}

	private static boolean grants(Course exam, Scorecard.Gap gap) {
		return gap.requirement().equals(exam.certification())
				|| (gap.requirement().equals(ScorecardsProperties.ENGINEER) && "engineer".equals(exam.role()));
	}

	private static boolean fits(Course course, String role) {
		return role == null || course.role() == null || "any".equals(course.role()) || role.equals(course.role());
	}

}
