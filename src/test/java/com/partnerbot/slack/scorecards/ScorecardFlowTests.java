package com.partnerbot.slack.scorecards;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.training.NewCompletion;
import com.partnerbot.training.TrainingManagement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scorecards in Slack: private answers, the App Home, the weekly tips and their opt-out.
 */
class ScorecardFlowTests extends EndToEndTests {

	@Autowired
	ScorecardsInSlack scorecardsInSlack;

	@Autowired
	TrainingManagement training;

	private TestPartner acme;

	private TestPartner globex;

	@BeforeEach
	void partners() {
		acme = newPartner("Acme ", "Silver");
		globex = newPartner("Globex ", "Gold");
	}

	private void command(String text, String user, String channel) {
		assertThat(partnerCommand(acme.team(), user, channel, text).statusCode()).isEqualTo(200);
	}

	/** The training a person is told privately when they ask for it in a channel. */
	private String training(String user, String channel) {
		command("training", user, channel);
		return slackApi
			.await("chat.postEphemeral", c -> channel.equals(c.arg("channel")) && user.equals(c.arg("user")), 1)
			.get(0)
			.arg("blocks");
	}

	@Test
	void aPartnersPersonSeesOnlyTheirOwnScorecardPrivately() {
		String channel = unique("C");
		String user = unique("U");
		command("scorecard", user, channel);
		List<StubSlackApi.Call> replies = slackApi.await("chat.postEphemeral", c -> channel.equals(c.arg("channel")),
				1);
		assertThat(replies).hasSize(1);
		assertThat(replies.get(0).arg("user")).isEqualTo(user);
		assertThat(replies.get(0).arg("blocks")).contains(acme.name(), "To reach Gold", "won revenue")
			.doesNotContain(globex.name());
	}

	@Test
	void aPartnerAskingAboutAnotherCompanysTierGetsItsOwnScorecardAndIsToldSo() {
		TestPartner stark = newPartner("Stark ", "Silver");
		String thread = mentionBot(stark.team(), stark.channel(), "1700002000.000100", "what's Globex's tier?");
		StubSlackApi.Call standing = slackApi
			.await("chat.postMessage",
					c -> stark.channel().equals(c.arg("channel")) && thread.equals(c.arg("thread_ts")), 1)
			.get(0);
		assertThat(standing.arg("text")).startsWith(":information_source: You can only see your own company's");
		assertThat(standing.arg("blocks")).contains(stark.name(), "To reach Gold").doesNotContain(globex.name());
	}

	@Test
	void aPartnerAsksInPlainWordsWhereItStandsAndWhichCoursesCloseTheGap() {
		TestPartner stark = newPartner("Stark ", "Silver");
		String channel = stark.channel();
		String thread = mentionBot(stark.team(), channel, "1700002100.000100",
				"what's our tier and what do we need for Gold?");
		List<StubSlackApi.Call> standing = slackApi.await("chat.postMessage",
				c -> channel.equals(c.arg("channel")) && thread.equals(c.arg("thread_ts")), 1);
		assertThat(standing.get(0).arg("blocks")).contains(stark.name(), "To reach Gold", "won revenue")
			.doesNotContain(globex.name());

		String second = mentionBot(stark.team(), channel, "1700002200.000100", "which courses should we take?");
		List<StubSlackApi.Call> courses = slackApi.await("chat.postMessage",
				c -> channel.equals(c.arg("channel")) && second.equals(c.arg("thread_ts")), 1);
		assertThat(courses.get(0).arg("text")).startsWith("Training that closes your gaps");
	}

	@Test
	void aPartnersStandingIsNotToldInAChannelOthersMayRead() {
		String channel = unique("C");
		String thread = mentionBot(acme.team(), channel, "1700002300.000100", "how far are we from Gold?");
		List<StubSlackApi.Call> reply = slackApi.await("chat.postMessage",
				c -> channel.equals(c.arg("channel")) && thread.equals(c.arg("thread_ts")), 1);
		assertThat(reply.get(0).arg("text")).contains("private to your company").doesNotContain(acme.name());
	}

	@Test
	void trainingRecommendationsComeWithLinksAndReasons() {
		String channel = unique("C");
		command("training", unique("U"), channel);
		List<StubSlackApi.Call> replies = slackApi.await("chat.postEphemeral", c -> channel.equals(c.arg("channel")),
				1);
		assertThat(replies).hasSize(1);
		assertThat(replies.get(0).arg("blocks")).contains("Training that closes your gaps", "academy.", "for Gold");
	}

	@Test
	void anEngineerAndAnAccountExecutiveOfOnePartnerGetTheirOwnTraining() {
		String executive = unique("U");
		String engineer = unique("U");
		slackApi.user(executive, acme.team(), "Account Executive, Acme");
		slackApi.user(engineer, acme.team(), "Senior Solutions Engineer");
		String channel = unique("C");
		String forExecutive = training(executive, channel);
		String forEngineer = training(engineer, channel);
		// each is told the courses of their own role; the other role's gap is for a
		// colleague
		assertThat(forExecutive).contains("Northwind Cloud Sales Essentials\\u003e\\n_keeps your Silver tier")
			.doesNotContain("Fundamentals\\u003e\\n_for Gold: 2 more certified engineers (0 of 2) — step")
			.contains("for a colleague in an engineer role");
		assertThat(forEngineer).contains("Analytics Suite Fundamentals\\u003e\\n_for Gold: 2 more certified engineers")
			.doesNotContain(
					"Northwind Cloud Sales Essentials\\u003e\\n_keeps your Silver tier: 1 more Certified Sales Professional (0 of 1) — step")
			.contains("for a colleague in a sales role");
	}

	@Test
	void coursesReportedByEmailAreNotRecommendedAgain() {
		String executive = unique("U");
		String email = executive.toLowerCase(Locale.ROOT) + "@acme.example";
		slackApi.user(executive, acme.team(), "Account Executive, Acme", email.toUpperCase(Locale.ROOT));
		// the learning platform reports completions by e-mail address, not by Slack user
		training.record(new NewCompletion(UUID.fromString(acme.id()), email, null, "sales-essentials",
				LocalDate.now().minusDays(3)), "csv");
		assertThat(training(executive, unique("C"))).doesNotContain("Northwind Cloud Sales Essentials")
			.contains("Selling Analytics Suite", "step 2 of 5 toward the Certified Sales Professional certification");
	}

	@Test
	void theAppHomeShowsTheScorecard() {
		String user = unique("U");
		slackApi.user(user, acme.team());
		openAppHome(user);
		List<StubSlackApi.Call> published = slackApi.await("views.publish", c -> user.equals(c.arg("user_id")), 1);
		assertThat(published).hasSize(1);
		assertThat(published.get(0).arg("view")).contains("\"type\":\"home\"", acme.name())
			.doesNotContain(globex.name());
	}

	@Test
	void weeklyTipsGoToPartnersPeopleUntilTheyOptOut() {
		String user = unique("U");
		String channel = unique("C");
		command("help", user, channel);
		String week = unique("week");
		scorecardsInSlack.nudge(week);
		List<StubSlackApi.Call> tips = slackApi.await("chat.postMessage", c -> user.equals(c.arg("channel")), 1);
		assertThat(tips).hasSize(1);
		assertThat(tips.get(0).arg("text")).contains(acme.name(), "Silver", "Gold needs");
		assertThat(tips.get(0).arg("blocks")).contains(ScorecardBlocks.STOP_NUDGES);

		click(acme.team(), user, user, "1700000000.000200", ScorecardBlocks.STOP_NUDGES, "stop");
		assertThat(slackApi.await("chat.postMessage",
				c -> user.equals(c.arg("channel")) && c.arg("text").contains("no more weekly tips"), 1))
			.hasSize(1);
		String nextWeek = unique("next-week");
		scorecardsInSlack.nudge(nextWeek);
		assertThat(jdbc.sql("select count(*) from slack_outbox where dedup_key = ?")
			.param("tip:" + nextWeek + ":" + user)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aPeriodsTipsAreSentOnceHoweverOftenTheJobRuns() {
		String user = unique("U");
		command("help", user, unique("C"));
		String week = unique("week");
		scorecardsInSlack.nudge(week);
		scorecardsInSlack.nudge(week);
		assertThat(slackApi.await("chat.postMessage", c -> user.equals(c.arg("channel")), 1)).hasSize(1);
		assertThat(jdbc.sql("select count(*) from slack_outbox where dedup_key = ?")
			.param("tip:" + week + ":" + user)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(slackApi.awaitExactly("chat.postMessage", c -> user.equals(c.arg("channel")), 1)).hasSize(1);
	}

}
