package com.partnerbot.slack.answers;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.knowledge.KnowledgeBase;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Who is my channel manager?" through Slack: answered from the partner's own record,
 * which no document of the library holds, and only where no other partner reads.
 */
class ManagerQuestionTests extends EndToEndTests {

	@Autowired
	KnowledgeBase knowledge;

	private TestPartner acme;

	private String manager;

	@BeforeEach
	void partner() {
		awaitIndexed(knowledge);
		acme = newPartner("Managed ", "Silver", 2);
		manager = unique("UMGR");
		assertThat(api("PATCH", "/api/partners/" + acme.id(), """
				{"channelManager": "%s"}""".formatted(manager)).statusCode()).isEqualTo(200);
	}

	private StubSlackApi.Call reply(String channel, String thread) {
		return slackApi
			.await("chat.postMessage", c -> channel.equals(c.arg("channel")) && thread.equals(c.arg("thread_ts")), 1)
			.get(0);
	}

	@Test
	void aPartnersPersonIsToldTheirChannelManagerInTheirOwnChannel() {
		String channel = acme.nextChannel();
		String thread = mentionBot(acme.team(), channel, "1700003100.000100", "Who is my channel manager?");
		StubSlackApi.Call answer = reply(channel, thread);
		assertThat(answer.arg("text")).contains("Your channel manager is <@" + manager + ">");
		// the partner's record, not a quote of the library's documents about the role
		assertThat(answer.arg("blocks")).doesNotContain("Sources:", "Rules of Engagement");
	}

	@Test
	void aDirectMessageAndPartnerAskGetTheManagerToo() {
		String user = unique("U");
		String dm = unique("D");
		StubSlackApi.Call direct = new HandOffSteps(slack(), slackApi, null).askDirectly(acme.team(), user, dm,
				"1700003200.000100", "how do I reach our partner manager?");
		assertThat(direct.arg("text")).contains("<@" + manager + ">");

		String channel = acme.nextChannel();
		assertThat(partnerCommand(acme.team(), null, channel, "ask who's my channel manager?").statusCode())
			.isEqualTo(200);
		List<StubSlackApi.Call> ephemeral = slackApi.await("chat.postEphemeral", c -> channel.equals(c.arg("channel")),
				1);
		assertThat(ephemeral.get(0).arg("text")).contains("<@" + manager + ">");
	}

	@Test
	void aChannelOtherPartnersMayReadIsNotToldWhoLooksAfterThePartner() {
		String mixed = unique("C");
		String thread = mentionBot(acme.team(), mixed, "1700003300.000100", "who is our channel manager?");
		StubSlackApi.Call answer = reply(mixed, thread);
		assertThat(answer.arg("text")).isEqualTo(ManagerQuestions.ELSEWHERE);
		assertThat(answer.arg("blocks")).doesNotContain(manager, acme.name());
	}

	@Test
	void aPartnerWithoutAChannelManagerIsToldHowToReachTheTeam() {
		TestPartner unmanaged = newPartner("Unmanaged ", "Registered");
		String thread = mentionBot(unmanaged.team(), unmanaged.channel(), "1700003400.000100",
				"who is my channel manager?");
		StubSlackApi.Call reply = reply(unmanaged.channel(), thread);
		assertThat(reply.arg("text")).startsWith("No channel manager is assigned")
			.contains("Ask a channel manager")
			.doesNotContain(manager);
		// the button the reply names is under it, and hands the question to the team
		assertThat(reply.arg("blocks")).contains(AnswerBlocks.HAND_OFF);
		assertThat(click(unmanaged.team(), unique("U"), unmanaged.channel(), "1700003400.000200", AnswerBlocks.HAND_OFF,
				answerId(reply))
			.statusCode()).isEqualTo(200);
		List<StubSlackApi.Call> alerts = slackApi.await("chat.postMessage",
				c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains(unmanaged.name()), 1);
		assertThat(alerts.get(0).arg("text")).contains("who is my channel manager?");
	}

	@Test
	void whatAChannelManagerDoesIsStillAnsweredFromTheLibrary() {
		String channel = acme.nextChannel();
		String thread = mentionBot(acme.team(), channel, "1700003500.000100",
				"How long does my channel manager take to approve a registration?");
		StubSlackApi.Call answer = reply(channel, thread);
		assertThat(answer.arg("text")).contains("3 business days").doesNotContain(manager);
		assertThat(answer.arg("blocks")).contains("Sources:");
	}

}
