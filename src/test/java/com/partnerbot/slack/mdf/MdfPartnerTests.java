package com.partnerbot.slack.mdf;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.TestClock;
import com.partnerbot.mdf.MdfManagement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MDF through Slack for a Gold partner of its own, with its own workspace and channel.
 */
abstract class MdfPartnerTests extends EndToEndTests {

	@Autowired
	MdfManagement mdf;

	String team;

	String channel;

	String partnerId;

	String partnerName;

	@BeforeEach
	void partner() {
		team = unique("TM");
		channel = unique("C");
		partnerName = unique("Vandelay Fan ");
		partnerId = registerPartner(partnerName, "Gold", team, channel);
	}

	/** Allocates funds to the partner from yesterday until a day, through the API. */
	void allocate(String amount, LocalDate endsOn) {
		assertThat(
				api("POST", "/api/mdf/allocations",
						"""
								{"partnerId": "%s", "amount": %s, "startsOn": "%s", "endsOn": "%s"}"""
							.formatted(partnerId, amount, TestClock.today().minusDays(1), endsOn))
					.statusCode())
			.isEqualTo(201);
	}

	/**
	 * The bot's messages in the partner's channel (or another), once there are this many.
	 */
	List<StubSlackApi.Call> posts(String in, int count) {
		return slackApi.await("chat.postMessage", c -> in.equals(c.arg("channel")), count);
	}

}
