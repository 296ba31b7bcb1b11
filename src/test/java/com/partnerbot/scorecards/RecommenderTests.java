package com.partnerbot.scorecards;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.partnerbot.partners.Tier;
import com.partnerbot.training.Course;

import static com.partnerbot.scorecards.ScorecardsProperties.ENGINEER;
import static com.partnerbot.scorecards.ScorecardsProperties.SALES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which training is recommended, in plain Java: learning paths before exams, roles, the
 * tier each gap belongs to.
 */
class RecommenderTests {

	private static Course course(String code, String certification, String role, int minutes) {
		return new Course(code, code, code, List.of(), certification, role, minutes, "https://academy/" + code,
				List.of());
	}

	private static final List<Course> CATALOGUE = List.of(course("sales-1", null, "sales", 60),
			course("sales-2", null, "sales", 60), course("sales-exam", SALES, "sales", 60),
			course("eng-a-1", null, "engineer", 600), course("eng-a-exam", "Engineer A", "engineer", 60),
			course("eng-b-1", null, "engineer", 60), course("eng-b-exam", "Engineer B", "engineer", 60));

	private static final Scorecard.Gap SALES_GAP = new Scorecard.Gap("certification", SALES, 0, 2, 1.0,
			"2 more Certified Sales Professionals (0 of 2)");

	private static final Scorecard.Gap ENGINEER_GAP = new Scorecard.Gap("certification", ENGINEER, 0, 2, 1.0,
			"2 more certified engineers (0 of 2)");

	private static List<Scorecard.Recommendation> recommend(Set<String> done, String role, List<Scorecard.Gap> atRisk) {
		return Recommender.recommend(new Recommender.Situation(Tier.SILVER, Tier.GOLD, List.of(SALES_GAP, ENGINEER_GAP),
				atRisk, CATALOGUE, done, role), gap -> CATALOGUE);
	}

	@Test
	void eachPathsNextStepComesBeforeItsExamShortestPathFirst() {
		List<Scorecard.Recommendation> all = recommend(Set.of(), null, List.of());
		assertThat(all).extracting(Scorecard.Recommendation::code).containsExactly("sales-1", "eng-b-1", "eng-a-1");
		assertThat(all.get(0).reason()).isEqualTo(
				"for Gold: 2 more Certified Sales Professionals (0 of 2) — step 1 of 3 toward the Certified Sales Professional certification");
		assertThat(all).extracting(Scorecard.Recommendation::tier).containsOnly("Gold");
		assertThat(recommend(Set.of("sales-1", "sales-2"), null, List.of()).get(0).code()).isEqualTo("sales-exam");
	}

	@Test
	void aPersonsRoleKeepsToTheirPathsAndTheOtherRolesGapsGoToAColleague() {
		List<Scorecard.Recommendation> forSales = recommend(Set.of(), "sales", List.of());
		assertThat(forSales).extracting(Scorecard.Recommendation::code).containsExactly("sales-1", "eng-b-1");
		assertThat(forSales.get(1).reason()).isEqualTo(
				"for Gold: 2 more certified engineers (0 of 2) — for a colleague in an engineer role: step 1 of 2 toward the Engineer B certification");
		assertThat(recommend(Set.of(), "engineer", List.of())).extracting(Scorecard.Recommendation::code)
			.containsExactly("eng-b-1", "eng-a-1", "sales-1");
	}

	@Test
	void aPathBegunComesBeforeAShorterOneNotBegun() {
		// eng-a takes 660 minutes from its start, eng-b 120; the engineer took eng-a's
		// first course
		assertThat(recommend(Set.of("eng-a-1"), "engineer", List.of())).extracting(Scorecard.Recommendation::code)
			.containsExactly("eng-a-exam", "eng-b-1", "sales-1");
	}

	@Test
	void aCertificationThePersonHoldsGoesToAColleague() {
		List<Scorecard.Recommendation> all = recommend(Set.of("sales-1", "sales-2", "sales-exam"), "sales", List.of());
		assertThat(all).extracting(Scorecard.Recommendation::code).containsExactly("sales-1", "eng-b-1");
		assertThat(all.get(0).reason()).contains("for a colleague in a sales role: step 1 of 3");
	}

	@Test
	void theLargestOtherGapGetsCoursesNotExamsNorMoreOfAPathOnTheList() {
		Scorecard.Gap revenue = new Scorecard.Gap("revenue", "revenue", 100, 400, 0.75,
				"300k USD more won revenue (100k USD of 400k USD)");
		// ranked by meaning: the exam first, then a step of the path already recommended
		List<Course> byMeaning = List.of(CATALOGUE.get(2), CATALOGUE.get(1), CATALOGUE.get(5), CATALOGUE.get(3));
		List<Scorecard.Recommendation> all = Recommender.recommend(new Recommender.Situation(Tier.SILVER, Tier.GOLD,
				List.of(SALES_GAP, revenue), List.of(), CATALOGUE, Set.of(), null), gap -> byMeaning);
		assertThat(all).extracting(Scorecard.Recommendation::code).containsExactly("sales-1", "eng-b-1", "eng-a-1");
		assertThat(all.get(1).reason()).isEqualTo("for Gold: closest to your largest gap, " + revenue.description());
	}

	@Test
	void aGapAtRiskNamesTheCurrentTier() {
		Scorecard.Gap atRisk = new Scorecard.Gap("certification", SALES, 0, 1, 1.0,
				"1 more Certified Sales Professional (0 of 1)");
		Scorecard.Recommendation first = recommend(Set.of(), "sales", List.of(atRisk)).get(0);
		assertThat(first.tier()).isEqualTo("Silver");
		assertThat(first.reason()).startsWith("keeps your Silver tier: 1 more Certified Sales Professional");
	}

	@Test
	void titlesTellRoles() {
		assertThat(Roles.ofTitle("Account Executive, Acme")).isEqualTo("sales");
		assertThat(Roles.ofTitle("Senior Solutions Engineer")).isEqualTo("engineer");
		assertThat(Roles.ofTitle("Sales Engineer")).isEqualTo("engineer");
		assertThat(Roles.ofTitle("Cloud Architect")).isEqualTo("engineer");
		assertThat(Roles.ofTitle("Business Development Rep")).isEqualTo("sales");
		assertThat(Roles.ofTitle("CEO")).isNull();
		assertThat(Roles.ofTitle(null)).isNull();
	}

}
