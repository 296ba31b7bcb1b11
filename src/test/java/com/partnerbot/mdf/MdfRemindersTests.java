package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.TestClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing left to expire unnoticed, end to end: the hourly job's reminders before funds
 * expire and before a claim is due, and the month's note of unspent funds to channel
 * managers, each sent once through the outbox with the amount at stake, however often the
 * job runs.
 */
class MdfRemindersTests extends EndToEndTests {

	@Autowired
	MdfManagement mdf;

	private TestPartner partner;

	@BeforeEach
	void partner() {
		partner = newPartner("Reminded ", "Gold");
	}

	@AfterEach
	void resetClock() {
		TestClock.get().reset();
	}

	private void allocate(String amount, LocalDate endsOn) {
		mdf.allocate(new NewAllocation(UUID.fromString(partner.id()), new BigDecimal(amount), "USD",
				TestClock.today().minusDays(1), endsOn), "test");
	}

	/**
	 * Runs the reminders twice, as two instances would, and returns the text of the one
	 * message in the request's thread that says {@code words}.
	 */
	private String remindedOnceInThread(String thread, String words) {
		mdf.remindAndExpire();
		mdf.remindAndExpire();
		return slackApi
			.awaitExactly("chat.postMessage",
					c -> partner.channel().equals(c.arg("channel")) && thread.equals(c.arg("thread_ts"))
							&& c.arg("text").contains(words),
					1)
			.get(0)
			.arg("text");
	}

	/** A webinar tomorrow, approved at once for 600 of its 800, asked for in a thread. */
	private MdfRequest webinar(String thread) {
		MdfRequest request = mdf
			.submit(new NewRequest(UUID.fromString(partner.id()), "webinar", "on Data Pipeline", new BigDecimal("800"),
					null, null, TestClock.today().plusDays(1), null, null, null), "U_FAN",
					partner.channel() + ":" + thread)
			.request();
		assertThat(request.approvedAmount()).isEqualByComparingTo("600");
		return request;
	}

	@Test
	void fundsAboutToExpireAndAClaimComingDueAreEachRemindedOnceWithTheAmountAtStake() {
		LocalDate expires = TestClock.today().plusDays(10);
		allocate("3000", expires);
		allocate("20000", TestClock.today().plusDays(400));
		String thread = "1700003100.000100";
		// drawn from the funds that expire first: 2,400 of the 3,000 are left to expire
		MdfRequest request = webinar(thread);

		mdf.remindAndExpire();
		mdf.remindAndExpire();
		List<StubSlackApi.Call> expiry = slackApi.awaitExactly("chat.postMessage",
				c -> partner.channel().equals(c.arg("channel")) && c.arg("text").contains("expires after"), 1);
		assertThat(expiry.get(0).arg("text")).contains("2,400.00 USD", expires.toString());

		// the activity ended 50 days ago: its claim is due in 10
		TestClock.get().advance(Duration.ofDays(51));
		assertThat(remindedOnceInThread(thread, "is due by")).contains(request.reference(), "600.00 USD",
				mdf.claimDue(request).toString());
		assertThat(mdf.get(request.id()).status()).isEqualTo(RequestStatus.APPROVED);
	}

	@Test
	void afterTheActivityThePartnerIsAskedOnceForTheClaimInItsThreadWithTheProofItNeeds() {
		allocate("20000", TestClock.today().plusDays(400));
		String thread = "1700003200.000100";
		MdfRequest request = webinar(thread);
		mdf.remindAndExpire();
		TestClock.get().advance(Duration.ofDays(3));
		assertThat(remindedOnceInThread(thread, "is over: claim")).contains(request.reference(), "600.00 USD",
				mdf.claimDue(request).toString(), "Registration and attendance report",
				"platform and promotion invoices");
	}

	@Test
	void theMonthsNoteOfUnspentFundsReachesTheChannelManagersOnce() {
		allocate("5000", TestClock.today().plusDays(400));
		allocate("1200", TestClock.today().plusDays(20));
		String month = YearMonth.from(TestClock.today()).toString();
		// this month as if no note had gone yet: the suite's database outlives a run
		jdbc.sql("delete from mdf_notice where kind = 'unspent' and key = ?").param(month).update();

		mdf.noteUnspentFunds();
		mdf.noteUnspentFunds();
		List<StubSlackApi.Call> notes = slackApi.awaitExactly(
				"chat.postMessage", c -> ALERTS_CHANNEL.equals(c.arg("channel"))
						&& c.arg("text").contains("Unspent MDF, " + month) && c.arg("text").contains(partner.name()),
				1);
		assertThat(notes.get(0).arg("text"))
			.contains("*" + partner.name() + "*: 6,200.00 USD available, 1,200.00 USD expiring within a month");
	}

}
