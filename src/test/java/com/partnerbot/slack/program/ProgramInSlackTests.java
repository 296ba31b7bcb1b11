package com.partnerbot.slack.program;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.StubSlackApi;
import com.partnerbot.slack.answers.HandOffSteps;

import static com.partnerbot.SlackPayloadFiles.encodeForm;
import static com.partnerbot.SlackPayloadFiles.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program at a glance in Slack: {@code /partner program} and the staff App Home, with
 * the charts uploaded through Slack's file upload; partners are refused it.
 */
class ProgramInSlackTests extends EndToEndTests {

	private void command(String team, String user, String channel) {
		Map<String, String> command = form("slash_command.form-urlencoded.txt");
		command.put("command", "/partner");
		command.put("text", "program");
		command.put("team_id", team);
		command.put("user_id", user);
		command.put("channel_id", channel);
		assertThat(slack().form(encodeForm(command)).statusCode()).isEqualTo(200);
	}

	/** A person of the vendor's workspace: staff. */
	private static String staffMember() {
		String manager = unique("W");
		slackApi.user(manager, StubSlackApi.TEAM);
		return manager;
	}

	/** The file ids of the image blocks, each checked to be an uploaded PNG. */
	private List<String> charts(JsonArray blocks) {
		List<String> ids = blocks.asList()
			.stream()
			.map(JsonElement::getAsJsonObject)
			.filter(b -> "image".equals(b.get("type").getAsString()))
			.map(b -> b.getAsJsonObject("slack_file").get("id").getAsString())
			.toList();
		for (String id : ids) {
			assertThat(slackApi.uploaded(id)).as("the bytes of " + id).startsWith(0x89, 'P', 'N', 'G');
		}
		return ids;
	}

	@Test
	void staffSeeTheProgramAtAGlanceWithItsChartsUploadedToSlack() {
		String partner = unique("Glance ");
		registerPartner(partner, "Silver", unique("TG"));
		String manager = staffMember();
		String channel = unique("D");
		command(StubSlackApi.TEAM, manager, channel);

		List<StubSlackApi.Call> replies = slackApi.await("chat.postEphemeral", c -> channel.equals(c.arg("channel")),
				1);
		assertThat(replies).hasSize(1);
		JsonArray blocks = JsonParser.parseString(replies.get(0).arg("blocks")).getAsJsonArray();
		// the partners who need attention most, each a click away (other tests' partners
		// may
		// come before this one)
		assertThat(blocks.toString()).contains("The program at a glance", "partners", "Pipeline", "Onboarding",
				ProgramHome.OPEN_PARTNER);
		assertThat(blocks.toString().split(ProgramHome.OPEN_PARTNER, -1).length - 1).isBetween(1,
				ProgramHome.PARTNERS_LISTED);
		assertThat(charts(blocks)).hasSize(4);
		assertThat(slackApi.calls("files.completeUploadExternal")).isNotEmpty();
	}

	@Test
	void theStaffAppHomeHasTheProgramSectionWithTheCharts() {
		String manager = staffMember();
		openAppHome(manager);
		String view = slackApi.await("views.publish", c -> manager.equals(c.arg("user_id")), 1).get(0).arg("view");
		JsonObject home = JsonParser.parseString(view).getAsJsonObject();
		assertThat(home.toString()).contains("The program at a glance");
		assertThat(charts(home.getAsJsonArray("blocks"))).hasSize(4);
	}

	@Test
	void aPartnersPersonIsRefusedTheProgramView() {
		String team = unique("TP");
		registerPartner(unique("Curious "), "Silver", team);
		String channel = unique("C");
		command(team, unique("U"), channel);
		List<StubSlackApi.Call> replies = slackApi.await("chat.postEphemeral", c -> channel.equals(c.arg("channel")),
				1);
		assertThat(replies.get(0).arg("text")).contains("for the vendor's program team");
		assertThat(replies.get(0).arg("blocks")).doesNotContain("at a glance", "slack_file");
	}

	@Test
	void staffWhoOpenAPartnerSeeItsHealthSignalsInAModal() {
		String name = unique("Modal ");
		String partner = registerPartner(name, "Silver", unique("TM"));
		String manager = staffMember();
		assertThat(
				click(StubSlackApi.TEAM, manager, unique("D"), "1700000000.000100", ProgramHome.OPEN_PARTNER, partner)
					.statusCode())
			.isEqualTo(200);

		List<StubSlackApi.Call> opened = slackApi.await("views.open", c -> c.arg("view").contains(name), 1);
		assertThat(opened).hasSize(1);
		JsonObject view = JsonParser.parseString(opened.get(0).arg("view")).getAsJsonObject();
		assertThat(view.get("type").getAsString()).isEqualTo("modal");
		assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo(name);
		assertThat(view.getAsJsonArray("blocks").toString()).contains("health", "/100", "registrations", "(weight ");
	}

	@Test
	void staffAskInPlainWordsHowAPartnerIsDoingAndWhichNeedAttention() {
		String name = unique("Plainly ");
		registerPartner(name, "Silver", unique("TQ"));
		String manager = staffMember();
		HandOffSteps steps = new HandOffSteps(slack(), slackApi, unique("C"));
		String dm = unique("D");
		steps.askDirectly(StubSlackApi.TEAM, manager, dm, "1700003100.000100", "how is " + name.strip() + " doing?");
		StubSlackApi.Call partner = answerIn(dm);
		assertThat(partner.arg("text")).contains(name.strip(), "/100").doesNotContain("I don't know");
		assertThat(partner.arg("blocks")).contains("(weight ");

		String other = unique("D");
		steps.askDirectly(StubSlackApi.TEAM, manager, other, "1700003200.000100", "which partners are at risk?");
		assertThat(answerIn(other).arg("blocks")).contains("The program at a glance", ProgramHome.OPEN_PARTNER);

		// a partner named with what is asked about it; a library question naming one
		// stays
		// the library's
		String onboarding = unique("D");
		steps.askDirectly(StubSlackApi.TEAM, manager, onboarding, "1700003300.000100",
				"how is onboarding going for " + name.strip() + "?");
		assertThat(answerIn(onboarding).arg("text")).contains(name.strip(), "/100");
		String without = unique("D");
		steps.askDirectly(StubSlackApi.TEAM, manager, without, "1700003400.000100",
				"which partners haven't registered a deal yet?");
		assertThat(answerIn(without).arg("blocks")).contains("The program at a glance");
		String library = unique("D");
		steps.askDirectly(StubSlackApi.TEAM, manager, library, "1700003500.000100",
				"what discount does " + name.strip() + " get?");
		assertThat(answerIn(library).arg("text")).doesNotContain("/100");
		// a word of the question that begins a partner's name is not the partner
		String first = unique("Qx");
		registerPartner(first + " Holdings", "Silver", unique("TQ"));
		String word = unique("D");
		steps.askDirectly(StubSlackApi.TEAM, manager, word, "1700003600.000100",
				"which deals are " + first.toLowerCase(java.util.Locale.ROOT) + " waiting for?");
		assertThat(answerIn(word).arg("text")).doesNotContain("/100");
	}

	@Test
	void aPartnersPersonAskingHowAnotherPartnerIsDoingLearnsNothingOfIt() {
		String name = unique("Rival ");
		registerPartner(name, "Gold", unique("TR"));
		String team = unique("TN");
		registerPartner(unique("Nosy "), "Silver", team);
		HandOffSteps steps = new HandOffSteps(slack(), slackApi, unique("C"));
		String dm = unique("D");
		steps.askDirectly(team, unique("U"), dm, "1700003300.000100",
				"how is " + name.strip() + " doing? which partners are at risk?");
		assertThat(answerIn(dm).arg("blocks")).doesNotContain("/100", "at a glance", ProgramHome.OPEN_PARTNER);
	}

	@Test
	void aPartnersPersonWhoClicksOpenOnAPartnerSeesNothing() {
		String name = unique("Nosy ");
		String team = unique("TN");
		String partner = registerPartner(name, "Silver", team);
		assertThat(click(team, unique("U"), unique("C"), "1700000000.000100", ProgramHome.OPEN_PARTNER, partner)
			.statusCode()).isEqualTo(200);
		assertThat(slackApi.awaitExactly("views.open", c -> c.arg("view").contains(name), 0)).isEmpty();
	}

}
