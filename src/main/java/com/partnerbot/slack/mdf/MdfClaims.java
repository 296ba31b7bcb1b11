package com.partnerbot.slack.mdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.methods.response.files.FilesInfoResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.mdf.ClaimFacts;
import com.partnerbot.mdf.ClaimIntake;
import com.partnerbot.mdf.MdfClaim;
import com.partnerbot.mdf.MdfManagement;
import com.partnerbot.mdf.MdfRequest;
import com.partnerbot.mdf.RequestStatus;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.slack.bolt.Delivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackApi;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.people.SharedFileHandler;
import com.partnerbot.slack.people.SlackRequesters;

import lombok.RequiredArgsConstructor;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Claims in the request's own thread: the partner shares the proof there as files
 * (invoices, the attendee list, the report) and says what the activity cost, how many
 * attended and how many leads it brought; the bot keeps each piece, says what is still
 * missing, and submits the claim once nothing is. Files are recorded by their Slack id,
 * name and permalink; their content is never downloaded.
 */
@Component
@Order(1)
@RequiredArgsConstructor
public class MdfClaims implements SharedFileHandler {

	private static final Logger log = LoggerFactory.getLogger(MdfClaims.class);

	// saying a claim ("we spent 5,400 on the webinar, here's the invoice", "I want to
	// claim our MDF"), not asking how claims work, which the library answers
	private static final Pattern CLAIMING = Pattern.compile(
			"^(?![^?]*\\?\\s*$).*\\b(claim(ing)?|reimburse(ment)?|spent|invoices?|receipts?)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	// what makes such words about funds: naming them, or a sum ("5,400", "$2.4k")
	private static final Pattern ABOUT_FUNDS = Pattern.compile(
			"\\b(mdf|market development funds?|claim(ing)?)\\b|\\d{1,3}(,\\d{3})+|\\b\\d{3,}\\b|\\b\\d+(\\.\\d+)? ?k\\b",
			Pattern.CASE_INSENSITIVE);

	private final ClaimIntake claims;

	private final MdfManagement mdf;

	private final SlackRequesters requesters;

	private final SlackReplies replies;

	private final SlackApi api;

	/** Files shared in the thread of the partner's MDF request: its claim's proof. */
	@Override
	public boolean take(Delivery delivery, SlackIdentity identity) {
		Optional<String> thread = delivery.text("event.thread_ts");
		if (thread.isEmpty()) {
			return false;
		}
		JsonObject event = delivery.payload().getAsJsonObject("event");
		return filesShared(identity, thread.get(), delivery.text("event.text").orElse(""), event);
	}

	/**
	 * Whether a message in a conversation speaks to the claim of the partner's request
	 * made there (the actual cost, attendance or leads).
	 */
	public boolean wants(Requester requester, String text, String conversationKey) {
		return requester.partner()
			.filter(p -> !ClaimFacts.of(text).isEmpty())
			.flatMap(p -> claims.awaitingClaim(p.id(), conversationKey))
			.isPresent();
	}

	/**
	 * Whether a message says a claim ("we spent 5,400 on the webinar"): made outside the
	 * thread of a request waiting for it ({@link #wants}), it is pointed there.
	 */
	public boolean saysAClaim(Requester requester, String text) {
		return requester.partner().isPresent() && CLAIMING.matcher(text).find() && ABOUT_FUNDS.matcher(text).find();
	}

	/**
	 * Where the partner's claims go: the threads of its requests that wait for one, or
	 * what comes before a claim when none does.
	 */
	public Messages.Reply whereToClaim(Requester requester) {
		List<MdfRequest> requests = requester.partner().map(p -> mdf.requests(p.id())).orElse(List.of());
		List<String> claimable = requests.stream()
			.filter(r -> r.status() == RequestStatus.APPROVED || r.status() == RequestStatus.CLAIMED)
			.map(r -> "• *" + r.reference() + "* " + r.activity() + ", " + mdf.rules().money(r.approvedAmount())
					+ " approved; claim by " + mdf.claimDue(r) + where(r.conversationKey()))
			.toList();
		if (!claimable.isEmpty()) {
			return Messages.Reply.plain("A claim is made in the thread of its request: reply there with what the "
					+ "activity really cost, how many attended and how many leads you uploaded, and share the "
					+ "invoices there as files.\n" + String.join("\n", claimable));
		}
		List<String> waiting = requests.stream()
			.filter(r -> r.status() == RequestStatus.SUBMITTED)
			.map(r -> "• *" + r.reference() + "* " + r.activity() + " waits for its channel manager's approval")
			.toList();
		return Messages.Reply.plain("No MDF request of yours waits for a claim. MDF is claimed against a request "
				+ "approved before the activity: ask for the funds first (e.g. \"I want 3,000 for a webinar in "
				+ "February\"), and after the activity reply in that request's thread with the cost and the invoices."
				+ (waiting.isEmpty() ? "" : "\n" + String.join("\n", waiting)));
	}

	/** The request's thread, as a link when it is a conversation of Slack's. */
	private static String where(String conversationKey) {
		if (conversationKey == null || conversationKey.indexOf(':') < 0) {
			return "";
		}
		String channel = conversationKey.substring(0, conversationKey.indexOf(':'));
		String ts = conversationKey.substring(conversationKey.indexOf(':') + 1);
		return " (<https://slack.com/archives/" + channel + "/p" + ts.replace(".", "") + "|its thread>)";
	}

	/** Adds what a message says to the claim and says where the claim stands. */
	public Messages.Reply describe(Requester requester, String text, String conversationKey) {
		return requester.partner()
			.flatMap(p -> claims.collect(p.id(), conversationKey, ClaimFacts.of(text), List.of(), requester.userId()))
			.map(this::progress)
			.orElseGet(() -> Messages.Reply.plain("There is no MDF request of yours in this thread to claim."));
	}

	private boolean filesShared(SlackIdentity identity, String thread, String text, JsonObject event) {
		Requester requester = requesters.identify(identity);
		Optional<Partner> partner = requester.partner();
		// only the request's own partner adds to its claim, and only where its people
		// alone read the answer; anyone else's files are left alone, and nothing is said
		if (partner.isEmpty() || requester instanceof Requester.Stranger
				|| !requesters.privateTo(requester, identity.channelId())) {
			return false;
		}
		String key = identity.channelId() + ":" + thread;
		List<MdfClaim.ProofFile> files = files(event);
		Optional<ClaimIntake.Progress> progress = claims.collect(partner.get().id(), key, ClaimFacts.of(text), files,
				identity.userId());
		progress.ifPresent(p -> replies.post(identity.channelId(), thread, progress(p)));
		return progress.isPresent();
	}

	/** The shared files: their id, name and permalink; Slack Connect's are looked up. */
	private List<MdfClaim.ProofFile> files(JsonObject event) {
		List<MdfClaim.ProofFile> files = new ArrayList<>();
		if (event == null || !event.has("files") || !event.get("files").isJsonArray()) {
			return files;
		}
		for (JsonElement element : event.getAsJsonArray("files")) {
			JsonObject file = element.getAsJsonObject();
			String id = string(file, "id");
			String name = string(file, "name");
			String permalink = string(file, "permalink");
			if (id != null && (name == null || "check_file_info".equals(string(file, "file_access")))) {
				// a file from another organisation arrives as its id alone
				Optional<com.slack.api.model.File> info = info(id);
				name = info.map(com.slack.api.model.File::getName).orElse(name);
				permalink = info.map(com.slack.api.model.File::getPermalink).orElse(permalink);
			}
			if (id != null || name != null) {
				files.add(new MdfClaim.ProofFile(name != null ? name : "file " + id, permalink, id));
			}
		}
		return files;
	}

	private Optional<com.slack.api.model.File> info(String fileId) {
		try {
			FilesInfoResponse response = api.client().filesInfo(r -> r.file(fileId));
			if (response.isOk() && response.getFile() != null) {
				return Optional.of(response.getFile());
			}
			log.warn("files.info {} failed: {}", fileId, response.getError());
		}
		catch (java.io.IOException | com.slack.api.methods.SlackApiException ex) {
			log.warn("files.info {} failed", fileId, ex);
		}
		return Optional.empty();
	}

	private static String string(JsonObject object, String name) {
		JsonElement value = object.get(name);
		return (value == null || value.isJsonNull() || value.getAsString().isBlank()) ? null : value.getAsString();
	}

	private Messages.Reply progress(ClaimIntake.Progress progress) {
		String reference = "*" + progress.request().reference() + "*";
		String files = String.join(", ", progress.proof().stream().map(f -> Messages.escape(f.name())).toList());
		return Messages.Reply.plain(switch (progress.outcome()) {
			case SUBMITTED -> ":inbox_tray: The claim for " + reference + " is submitted: "
					+ mdf.rules().money(progress.claim().amount()) + " with " + progress.proof().size() + " files ("
					+ files + "). Your channel manager reviews it; you hear here.";
			case ADDED -> ":page_facing_up: Added to your claim for " + reference + "; it has "
					+ progress.proof().size() + " files (" + files + ") and goes back to your channel manager.";
			case GATHERING -> ":page_facing_up: For the claim of " + reference + " I have "
					+ (progress.proof().isEmpty() ? "no files yet" : files) + said(progress.facts())
					+ ".\n*Still needed:* " + String.join("; ", progress.missing())
					+ ".\nShare the files in this thread, and tell me the rest in plain words; nothing you gave is lost.";
			case REFUSED ->
				":warning: I couldn't take this for " + reference + ": " + MdfBlocks.errors(progress.refused())
						+ (progress.proof().isEmpty() ? "." : ". What you shared is kept.");
		});
	}

	private String said(ClaimFacts facts) {
		List<String> said = new ArrayList<>();
		if (facts.actualCost() != null) {
			said.add("actual cost " + mdf.rules().money(facts.actualCost()));
		}
		if (facts.attendees() != null) {
			said.add(facts.attendees() + " attended live");
		}
		if (facts.leads() != null) {
			said.add(facts.leads() + " leads");
		}
		return said.isEmpty() ? "" : ", " + String.join(", ", said);
	}

}
