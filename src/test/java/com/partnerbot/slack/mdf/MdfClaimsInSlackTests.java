package com.partnerbot.slack.mdf;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.SlackPayloadFiles;
import com.partnerbot.StubSlackApi;
import com.partnerbot.TestClock;
import com.partnerbot.mdf.Balance;
import com.partnerbot.mdf.MdfRequest;
import com.partnerbot.mdf.NewRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims in the request's thread through Slack's real file_share payloads: the proof the
 * activity needs gathered file by file, what is still missing said each time, the claim
 * submitted once nothing is, then approved and paid on the channel manager's card; a
 * Slack Connect file looked up by its id; another partner's files left alone; a claim
 * after its deadline refused.
 */
class MdfClaimsInSlackTests extends MdfPartnerTests {

	private int shared;

	@BeforeEach
	void funds() {
		allocate("20000", TestClock.today().plusDays(400));
	}

	@AfterEach
	void resetClock() {
		TestClock.get().reset();
	}

	/** Slack's file_share message: a person of this team shares files in a thread. */
	private void shareFiles(String personTeam, String user, String thread, String text, JsonObject... files) {
		shareFiles("event_callback.message.file_share.json", personTeam, user, thread, text, files);
	}

	private void shareFiles(String payloadFile, String personTeam, String user, String thread, String text,
			JsonObject... files) {
		JsonObject message = SlackPayloadFiles.json(payloadFile);
		message.addProperty("event_id", unique("Ev"));
		message.addProperty("is_ext_shared_channel", true);
		JsonObject event = message.getAsJsonObject("event");
		event.addProperty("user", user);
		event.addProperty("user_team", personTeam);
		event.addProperty("team", personTeam);
		event.addProperty("channel", channel);
		event.addProperty("channel_type", "channel");
		event.addProperty("thread_ts", thread);
		event.addProperty("ts", thread.substring(0, thread.indexOf('.')) + "." + (100000 + ++shared));
		event.addProperty("text", text);
		if (files.length > 0) {
			JsonArray shared = new JsonArray();
			for (JsonObject file : files) {
				shared.add(file);
			}
			event.add("files", shared);
		}
		HttpResponse<String> response = slack().json(message.toString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	/** The first file of a recorded file_share payload, with this id. */
	private static JsonObject recordedFile(String payloadFile, String id) {
		JsonObject file = SlackPayloadFiles.json(payloadFile)
			.getAsJsonObject("event")
			.getAsJsonArray("files")
			.get(0)
			.getAsJsonObject();
		file.addProperty("id", id);
		return file;
	}

	/** The recorded payload's file, as this file. */
	private static JsonObject file(String id, String name) {
		JsonObject file = recordedFile("event_callback.message.file_share.json", id);
		file.addProperty("name", name);
		file.addProperty("title", name);
		file.addProperty("permalink", permalink(id, name));
		file.addProperty("url_private", "https://files.slack.com/files-pri/T043DB835ML-" + id + "/" + name);
		return file;
	}

	private static String permalink(String id, String name) {
		return "https://partner.slack.com/files/U_FAN/" + id + "/" + name;
	}

	private List<StubSlackApi.Call> inThread(String thread, String containing, int count) {
		return slackApi.await("chat.postMessage", c -> channel.equals(c.arg("channel"))
				&& thread.equals(c.arg("thread_ts")) && c.arg("text").contains(containing), count);
	}

	private Balance balance() {
		return mdf.balance(UUID.fromString(partnerId));
	}

	private MdfRequest request(String activity, String cost, String thread) {
		return mdf
			.submit(new NewRequest(UUID.fromString(partnerId), activity, "on Analytics Suite", new BigDecimal(cost),
					null, null, TestClock.today().plusDays(5), null, null, null), "U_FAN", channel + ":" + thread)
			.request();
	}

	@Test
	void aClaimGatheredFromTheFilesSharedInItsThreadIsSubmittedApprovedAndPaid() {
		String thread = mentionBot(team, channel, "1700002100.000100",
				"we'd like MDF for a webinar on Analytics Suite on " + TestClock.today().plusDays(10)
						+ ", cost $2,400, expecting 40 attendees");
		String key = buttonOn(slackApi
			.await("chat.postMessage",
					c -> channel.equals(c.arg("channel")) && c.arg("blocks") != null
							&& c.arg("blocks").contains(MdfBlocks.SUBMIT),
					1)
			.get(0), MdfBlocks.SUBMIT);
		click(team, "U_FAN", channel, "1700002100.000200", MdfBlocks.SUBMIT, key);
		slackApi.await("chat.update",
				c -> channel.equals(c.arg("channel")) && c.arg("text").contains("approved for 1,800.00 USD"), 1);
		assertThat(balance().committed()).isEqualByComparingTo("1800");
		TestClock.get().advance(Duration.ofDays(12));

		String invoice = unique("F");
		shareFiles(team, "U_FAN", thread, "the platform invoice; it cost $2,400 in the end",
				file(invoice, "invoice-platform.pdf"));
		String first = inThread(thread, "Still needed", 1).get(0).arg("text");
		assertThat(first)
			.contains("invoice-platform.pdf", "actual cost 2,400.00 USD", "Registration and attendance report",
					"recording link or slide deck", "how many attended live", "how many leads you uploaded")
			.doesNotContain("platform and promotion invoices")
			.doesNotContain("actual total cost");

		// plain words in the thread count too, and what was shared is kept
		replyInBotThread(team, channel, thread, "22 attended live and we uploaded 31 leads");
		String second = inThread(thread, "Still needed", 2).get(1).arg("text");
		assertThat(second).contains("invoice-platform.pdf", "22 attended live", "31 leads")
			.doesNotContain("how many leads");

		String report = unique("F");
		String slides = unique("F");
		shareFiles(team, "U_FAN", thread, "attendance and slides", file(report, "Webinar attendance report.csv"),
				file(slides, "slides.pptx"), file(invoice, "invoice-platform.pdf"));
		String submitted = inThread(thread, "is submitted", 1).get(0).arg("text");
		assertThat(submitted).contains("1,800.00 USD with 3 files");
		List<String> ids = jdbc.sql("""
				select unnest(c.proof_file_ids) from mdf_claim c join mdf_request r on r.id = c.request_id
				where r.partner_id = ?""").param(UUID.fromString(partnerId)).query(String.class).list();
		assertThat(ids).containsExactlyInAnyOrder(invoice, report, slides);
		assertThat(balance().claimed()).isEqualByComparingTo("1800");
		assertThat(balance().committed()).isEqualByComparingTo("0");

		StubSlackApi.Call card = slackApi
			.await("chat.postMessage",
					c -> ALERTS_CHANNEL.equals(c.arg("channel")) && c.arg("text").contains("MDF claim for")
							&& c.arg("text").contains(partnerName),
					1)
			.get(0);
		assertThat(card.arg("text")).contains("actual cost 2,400.00 USD", "22 attended", "31 leads",
				permalink(invoice, "invoice-platform.pdf"), "slides.pptx");
		String claimId = buttonOn(card, MdfBlocks.CLAIM_APPROVE);
		click(StubSlackApi.TEAM, "W_MANAGER", ALERTS_CHANNEL, "1700002100.000900", MdfBlocks.CLAIM_APPROVE, claimId);
		assertThat(inThread(thread, "was approved", 1)).hasSize(1);
		click(StubSlackApi.TEAM, "W_MANAGER", ALERTS_CHANNEL, "1700002100.000900", MdfBlocks.CLAIM_PAID, claimId);
		assertThat(inThread(thread, "was paid: 1,800.00 USD", 1)).hasSize(1);
		assertThat(balance().paid()).isEqualByComparingTo("1800");
		assertThat(balance().available()).isEqualByComparingTo("18200");

		// the partner's scorecard shows what of its funds it used, and their return
		partnerCommand(team, "U_FAN", channel, "scorecard");
		assertThat(slackApi
			.await("chat.postEphemeral",
					c -> channel.equals(c.arg("channel"))
							&& String.valueOf(c.arg("blocks")).contains("Market development funds"),
					1)
			.get(0)
			.arg("blocks")).contains("9% of 20k USD used; 0.00 USD won per USD paid");
	}

	@Test
	void aSlackConnectFileIsLookedUpByItsIdAndAnotherPartnersFilesAreLeftAlone() {
		String thread = "1700002200.000100";
		MdfRequest request = request("event", "4000", thread);
		assertThat(request.status().name()).isEqualTo("APPROVED");

		String otherTeam = unique("TO");
		registerPartner(unique("Other Claimant "), "Gold", otherTeam, unique("C"));
		shareFiles(otherTeam, "U_OTHER", thread, "our attendees", file(unique("F"), "attendee-list.csv"));

		String photo = unique("F");
		slackApi.file(photo, "booth-photo.jpg", permalink(photo, "booth-photo.jpg"));
		shareFiles("event_callback.message.file_share.slack_connect.json", team, "U_FAN", thread,
				"we spent $4,000 and uploaded 57 leads", connectFile(photo));
		String reply = inThread(thread, "Still needed", 1).get(0).arg("text");
		assertThat(reply).contains("booth-photo.jpg", "attendee list", "venue and catering invoices")
			.doesNotContain("attendee-list.csv")
			.doesNotContain("Photos of booth");
		assertThat(jdbc.sql("select proof_urls from mdf_claim_draft where request_id = ?")
			.param(request.id())
			.query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
			.single()).containsExactly(permalink(photo, "booth-photo.jpg"));
		assertThat(slackApi.calls("chat.postMessage")
			.stream()
			.filter(c -> thread.equals(c.arg("thread_ts")) && c.arg("text").contains("attendee-list"))).isEmpty();
	}

	/** The Slack Connect payload's file: its id alone, to be looked up. */
	private static JsonObject connectFile(String id) {
		return recordedFile("event_callback.message.file_share.slack_connect.json", id);
	}

	@Test
	void aClaimAfterItsDeadlineIsRefusedInTheThreadAndNothingIsClaimed() {
		String thread = "1700002300.000100";
		MdfRequest request = request("webinar", "2400", thread);
		LocalDate due = mdf.claimDue(request);
		TestClock.get().advance(Duration.ofDays(5 + 61));
		shareFiles(team, "U_FAN", thread, "it cost $2,400", file(unique("F"), "invoice.pdf"));
		String refused = slackApi
			.await("chat.postMessage", c -> channel.equals(c.arg("channel")) && thread.equals(c.arg("thread_ts")), 1)
			.get(0)
			.arg("text");
		// the hourly job may have expired the request first: either way the day is said
		assertThat(refused).contains(request.reference()).containsAnyOf("the last day was " + due, "claimed by " + due);
		assertThat(mdf.claims(request.id())).isEmpty();
		assertThat(balance().claimed()).isEqualByComparingTo("0");
	}

	@Test
	void aClaimSaidOutsideItsRequestsThreadIsPointedToTheRequestsThreadAndNothingIsClaimed() {
		String first = mentionBot(team, channel, "1700002400.000100",
				"we spent 2,400 on the webinar, here's the invoice");
		assertThat(inThread(first, "waits for a claim", 1).get(0).arg("text"))
			.contains("No MDF request of yours waits for a claim", "ask for the funds first");

		String requestThread = "1700002400.000200";
		MdfRequest request = request("webinar", "2400", requestThread);
		String second = mentionBot(team, channel, "1700002400.000300", "I want to claim our MDF for the webinar");
		String pointer = inThread(second, request.reference(), 1).get(0).arg("text");
		assertThat(pointer).contains("A claim is made in the thread of its request",
				"claim by " + mdf.claimDue(request), "/archives/" + channel + "/p1700002400000200");
		assertThat(mdf.claims(request.id())).isEmpty();
	}

}
