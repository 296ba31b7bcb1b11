package com.partnerbot.slack.answers;

import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One routing step per message through Slack: each feature is asked once, and the
 * thread's drafts are read once, whatever the words look like.
 */
class ConversationRoutingTests extends EndToEndTests {

	@Test
	void aMessageInADealDraftsThreadReadsTheThreadsDraftsOnce() {
		TestPartner partner = newPartner("Routed ", "Silver");
		String channel = partner.channel();
		String customer = unique("Initech");
		String thread = mentionBot(partner.team(), channel, "1700004100.000100",
				"register " + customer + " for Data Pipeline");
		slackApi.await("chat.postMessage", c -> channel.equals(c.arg("channel")), 1);
		String key = channel + ":" + thread;
		int deal = DraftReads.deal(key);
		int mdf = DraftReads.mdf(key);

		// words the scorecard questions read too: the draft keeps its thread
		replyInBotThread(partner.team(), channel, thread,
				"it's " + customer.toLowerCase() + ".com, about 40k USD; what's our tier?");
		String reply = slackApi.await("chat.postMessage", c -> channel.equals(c.arg("channel")), 2).get(1).arg("text");
		assertThat(reply).contains("To register this deal I still need").doesNotContain("To reach");
		assertThat(DraftReads.deal(key) - deal).isEqualTo(1);
		assertThat(DraftReads.mdf(key) - mdf).isEqualTo(1);
	}

}
