package com.partnerbot.slack.mdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerbot.StubSlackApi;
import com.partnerbot.TestClock;
import com.partnerbot.knowledge.KnowledgeBase;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MDF through Slack: a request in plain words, the questions, the card, the manager's
 * decision, the balance asked for, and the reminders.
 */
class MdfFlowTests extends MdfPartnerTests {

	@Autowired
	KnowledgeBase knowledge;

	private static String day(LocalDate date) {
		return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
	}

	@Test
	void aRequestInOneMessageIsSubmittedAfterTheBotAskedForTheOneMissingField() {
		allocate("20000", TestClock.today().plusDays(300));
		String thread = mentionBot(team, channel, "1700001100.000100",
				"we'd like MDF for a webinar on Analytics Suite, $6k, expecting 40 attendees");
		List<StubSlackApi.Call> question = posts(channel, 1);
		assertThat(question).hasSize(1);
		assertThat(question.get(0).arg("thread_ts")).isEqualTo(thread);
		assertThat(question.get(0).arg("text")).contains("the day it starts", "webinar", "costing 6,000")
			.doesNotContain("the kind of activity")
			.doesNotContain("whole cost");

		replyInBotThread(team, channel, thread, "on " + day(TestClock.today().plusDays(30)));
		List<StubSlackApi.Call> card = posts(channel, 2);
		assertThat(card).hasSize(2);
		assertThat(card.get(1).arg("text")).contains("75%", "4,500.00 USD", "available now: 20,000.00 USD",
				"No pre-approval needed", "if it has fewer than 15 live attendees");

		String key = buttonOn(card.get(1), MdfBlocks.SUBMIT);
		assertThat(click(team, "U_FAN", channel, "1700001100.000200", MdfBlocks.SUBMIT, key).statusCode())
			.isEqualTo(200);
		List<StubSlackApi.Call> updated = slackApi.await("chat.update",
				c -> channel.equals(c.arg("channel")) && c.arg("text").contains("approved for 4,500.00 USD"), 1);
		assertThat(updated).hasSize(1);
		assertThat(jdbc.sql("select status from mdf_request where partner_id = ?")
			.param(UUID.fromString(partnerId))
			.query(String.class)
			.single()).isEqualTo("APPROVED");
		assertThat(mdf.balance(UUID.fromString(partnerId)).available()).isEqualByComparingTo("15500");
	}

	@Test
	void anAmountForAnActivityIsARequestEvenWithoutTheWordMdf() {
		allocate("20000", TestClock.today().plusDays(300));
		String thread = mentionBot(team, channel, "1700001150.000100", "I want 3000 for a webinar in February");
		List<StubSlackApi.Call> question = posts(channel, 1);
		assertThat(question.get(0).arg("thread_ts")).isEqualTo(thread);
		assertThat(question.get(0).arg("text")).contains("webinar", "asking 3,000", "whole cost", "the day it starts")
			.doesNotContain("I don't know");
	}

	@Test
	void aRequestOverTheBalanceIsExplainedWithoutSubmitAndNothingSaidIsLost() {
		allocate("1000", TestClock.today().plusDays(300));
		String thread = mentionBot(team, channel, "1700001200.000100",
				"we need MDF for a webinar on " + day(TestClock.today().plusDays(30)) + ", cost $2,400");
		List<StubSlackApi.Call> card = posts(channel, 1);
		assertThat(card.get(0).arg("text")).contains("available balance of 1,000.00 USD", "nothing you said is lost");
		assertThat(card.get(0).arg("blocks")).doesNotContain(MdfBlocks.SUBMIT).contains(MdfBlocks.EDIT);

		replyInBotThread(team, channel, thread, "asking for $900 then");
		List<StubSlackApi.Call> second = posts(channel, 2);
		assertThat(second.get(1).arg("text")).contains("It would reimburse 900.00 USD", "webinar");
		assertThat(second.get(1).arg("blocks")).contains(MdfBlocks.SUBMIT);
	}

	@Test
	void aManagerApprovesALowerAmountOnTheCardAndThePartnerHearsInItsThread() {
		allocate("20000", TestClock.today().plusDays(300));
		String thread = mentionBot(team, channel, "1700001300.000100",
				"we'd like MDF for an event on Secure Gateway on " + day(TestClock.today().plusDays(60))
						+ ", cost $12,000, asking for $8,000");
		String key = buttonOn(posts(channel, 1).get(0), MdfBlocks.SUBMIT);
		click(team, "U_FAN", channel, "1700001300.000200", MdfBlocks.SUBMIT, key);
		assertThat(slackApi.await("chat.update",
				c -> channel.equals(c.arg("channel")) && c.arg("text").contains("with a channel manager"), 1))
			.hasSize(1);

		List<StubSlackApi.Call> alert = slackApi.await("chat.postMessage",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("MDF request")
						&& c.arg("blocks").contains("8,000.00 USD") && c.arg("text").contains(partnerName),
				1);
		assertThat(alert).hasSize(1);
		assertThat(alert.get(0).arg("text")).contains("available 20,000.00 USD", "History: 1 requests",
				"nothing paid yet");
		String requestId = buttonOn(alert.get(0), MdfBlocks.APPROVE_LOWER);

		click(StubSlackApi.TEAM, "W_MANAGER", ALERTS_CHANNEL, "1700001300.000900", MdfBlocks.APPROVE_LOWER, requestId);
		assertThat(slackApi.await("views.open", c -> c.arg("view").contains(requestId), 1)).hasSize(1);
		mdf.decide(UUID.fromString(requestId), true, new java.math.BigDecimal("6000"), "W_MANAGER", null);

		List<StubSlackApi.Call> told = slackApi.await("chat.postMessage", c -> channel.equals(c.arg("channel"))
				&& thread.equals(c.arg("thread_ts")) && c.arg("text").contains("was approved for 6,000.00 USD"), 1);
		assertThat(told).hasSize(1);
		assertThat(told.get(0).arg("text")).contains("of 8,000.00 USD asked");
	}

	@Test
	void aManagerApprovesWithOneClick() {
		allocate("20000", TestClock.today().plusDays(300));
		UUID id = mdf
			.submit(new com.partnerbot.mdf.NewRequest(UUID.fromString(partnerId), "event", "a roundtable",
					new java.math.BigDecimal("12000"), new java.math.BigDecimal("7000"), null,
					TestClock.today().plusDays(60), null, null, null), "U_FAN", channel + ":1700001400.000100")
			.request()
			.id();
		click(StubSlackApi.TEAM, "W_MANAGER", ALERTS_CHANNEL, "1700001400.000900", MdfBlocks.APPROVE, id.toString());
		assertThat(slackApi.await("chat.update",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("approved for 7,000.00 USD by"),
				1))
			.hasSize(1);
		assertThat(mdf.balance(UUID.fromString(partnerId)).committed()).isEqualByComparingTo("7000");

		// a partner's person cannot decide
		UUID other = mdf
			.submit(new com.partnerbot.mdf.NewRequest(UUID.fromString(partnerId), "event", "a booth",
					new java.math.BigDecimal("12000"), new java.math.BigDecimal("6000"), null,
					TestClock.today().plusDays(60), null, null, null), "U_FAN", null)
			.request()
			.id();
		click(team, "U_FAN", channel, "1700001400.000950", MdfBlocks.APPROVE, other.toString());
		assertThat(slackApi.await("chat.postEphemeral",
				c -> channel.equals(c.arg("channel")) && c.arg("text").contains("Only the vendor's channel managers"),
				1))
			.hasSize(1);
		assertThat(mdf.get(other).status().name()).isEqualTo("SUBMITTED");
	}

	@Test
	void theBalanceIsThePartnersOwnAndAnotherPartnersPeopleSeeNothingOfIt() {
		allocate("12345", TestClock.today().plusDays(300));
		mentionBot(team, channel, "1700001500.000100", "how much MDF do we have left?");
		List<StubSlackApi.Call> answer = posts(channel, 1);
		assertThat(answer.get(0).arg("text")).contains("12,345.00 USD* available");

		String otherTeam = unique("TO");
		String otherChannel = unique("C");
		registerPartner(unique("Other Fan "), "Gold", otherTeam, otherChannel);
		mentionBot(otherTeam, otherChannel, "1700001500.000200", "how much MDF do we have left?");
		List<StubSlackApi.Call> other = posts(otherChannel, 1);
		assertThat(other.get(0).arg("text")).contains("0.00 USD* available").doesNotContain("12,345");
		partnerCommand(otherTeam, "U_OTHER", otherChannel, "mdf");
		List<StubSlackApi.Call> privately = slackApi.await("chat.postEphemeral",
				c -> otherChannel.equals(c.arg("channel")), 1);
		assertThat(privately.get(0).arg("user")).isEqualTo("U_OTHER");
		assertThat(privately.get(0).arg("text")).doesNotContain("12,345");
		// a person of the other partner in this partner's channel is refused
		mentionBot(otherTeam, channel, "1700001500.000300", "how much MDF do we have left?");
		assertThat(posts(channel, 2).get(1).arg("text")).doesNotContain("12,345");
	}

	@Test
	void anotherCompanysBalanceAskedForGetsTheAskersOwnAndSaysSoWhetherOrNotItIsAPartner() {
		allocate("12345", TestClock.today().plusDays(300));
		String otherTeam = unique("TO");
		String otherChannel = unique("C");
		registerPartner(unique("Other Fan "), "Gold", otherTeam, otherChannel);
		// the partner as people call it, without the test's suffix
		String partner = "Vandelay Fan";
		mentionBot(otherTeam, otherChannel, "1700001600.000100", "what's " + partner + "'s MDF balance?");
		mentionBot(otherTeam, otherChannel, "1700001600.000200", "how much MDF does Initech have left?");
		List<StubSlackApi.Call> answers = posts(otherChannel, 2);
		for (StubSlackApi.Call answer : answers) {
			assertThat(answer.arg("text")).startsWith(":information_source: You can only see your own company's")
				.contains("0.00 USD* available")
				.doesNotContain("12,345", partnerName.strip());
		}
		// the same words whether the name is a partner's or not
		assertThat(answers.get(0).arg("blocks")).isEqualTo(answers.get(1).arg("blocks"));
		// the vendor, whose name the library uses, is no company: the library answers
		awaitIndexed(knowledge);
		mentionBot(otherTeam, otherChannel, "1700001600.000250", "what is Northwind's MDF program?");
		assertThat(posts(otherChannel, 3).get(2).arg("text")).doesNotContain("only see your own", "available");
		// the asker's own company named: its figures, with nothing to explain
		mentionBot(team, channel, "1700001600.000300", "what's " + partner + "'s MDF balance?");
		assertThat(posts(channel, 1).get(0).arg("text")).startsWith("*")
			.contains("12,345.00 USD* available")
			.doesNotContain("only see your own");
	}

	@Test
	void anExpiryReminderIsSentOnceThroughTheOutbox() {
		allocate("3000", TestClock.today().plusDays(10));
		mdf.remindAndExpire();
		mdf.remindAndExpire();
		List<StubSlackApi.Call> reminders = slackApi.awaitExactly("chat.postMessage",
				c -> channel.equals(c.arg("channel")) && c.arg("text").contains("expires after"), 1);
		assertThat(reminders).hasSize(1);
		assertThat(reminders.get(0).arg("text")).contains("3,000.00 USD", TestClock.today().plusDays(10).toString());
	}

}
