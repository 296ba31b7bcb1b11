package com.partnerbot.slack.mdf;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import com.slack.api.bolt.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.mdf.ClaimStatus;
import com.partnerbot.mdf.MdfClaim;
import com.partnerbot.mdf.MdfEvents;
import com.partnerbot.mdf.MdfManagement;
import com.partnerbot.mdf.MdfRequest;
import com.partnerbot.mdf.RequestStatus;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.platform.ConflictException;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.platform.NotFoundException;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackApi;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.bolt.SlackWork;
import com.partnerbot.slack.outbox.Outbound;
import com.partnerbot.slack.outbox.SlackOutbox;
import com.partnerbot.slack.people.SlackRequesters;

import lombok.RequiredArgsConstructor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The channel managers' side of MDF: request and claim cards in the alerts channel with
 * one-click decisions, the notices partners get in their own threads, reminders before
 * funds expire or claims fall due, and the monthly note of unspent funds. Every message
 * goes through the outbox, under a key that makes it go out once.
 */
@Component
@RequiredArgsConstructor
class MdfDesk implements SlackFeature {

	private static final Logger log = LoggerFactory.getLogger(MdfDesk.class);

	private final MdfManagement mdf;

	private final PartnerManagement partners;

	private final SlackRequesters requesters;

	private final SlackReplies replies;

	private final SlackWork work;

	private final SlackOutbox outbox;

	private final SlackApi api;

	@ApplicationModuleListener
	void on(MdfEvents.RequestSubmitted submitted) {
		MdfRequest request = submitted.request();
		if (request.status() != RequestStatus.SUBMITTED) {
			return;
		}
		outbox.alert("mdf-card:" + request.id(),
				MdfBlocks.managerCard(request, partnerName(request.partnerId()), mdf.balance(request.partnerId()),
						mdf.performance(request.partnerId()), mdf.requests(request.partnerId()), mdf));
	}

	@ApplicationModuleListener
	void on(MdfEvents.RequestDecided decided) {
		MdfRequest request = decided.request();
		String text = (request.status() == RequestStatus.APPROVED)
				? ":white_check_mark: *" + request.reference() + "* was approved for "
						+ mdf.rules().money(request.approvedAmount())
						+ (request.approvedAmount().compareTo(request.amount()) < 0
								? " (of " + mdf.rules().money(request.amount()) + " asked)" : "")
						+ (request.reason() != null ? ": " + Messages.escape(request.reason()) : "")
						+ ". After the activity, claim it with proof by " + mdf.claimDue(request) + "."
				: ":x: *" + request.reference() + "* was not approved: "
						+ Messages.escape(String.valueOf(request.reason()));
		tellPartner(request, "mdf-decided:" + request.id(), Messages.Reply.plain(text));
	}

	@ApplicationModuleListener
	void on(MdfEvents.ClaimSubmitted submitted) {
		MdfClaim claim = submitted.claim();
		outbox.alert("mdf-claim-card:" + claim.id() + ":" + claim.proof().size(), MdfBlocks.claimCard(claim,
				submitted.request(), partnerName(submitted.request().partnerId()), mdf.rules()));
	}

	@ApplicationModuleListener
	void on(MdfEvents.ClaimDecided decided) {
		MdfClaim claim = decided.claim();
		MdfRequest request = decided.request();
		String text = switch (claim.status()) {
			case APPROVED -> ":white_check_mark: Your claim for *" + request.reference() + "* ("
					+ mdf.rules().money(claim.amount()) + ") was approved; payment follows within 30 days.";
			case PAID -> ":moneybag: Your claim for *" + request.reference() + "* was paid: "
					+ mdf.rules().money(claim.amount()) + ".";
			case MORE_INFO -> ":page_facing_up: Your claim for *" + request.reference() + "* needs more: "
					+ Messages.escape(String.valueOf(claim.reason()));
			default -> ":x: Your claim for *" + request.reference() + "* was rejected: "
					+ Messages.escape(String.valueOf(claim.reason()));
		};
		tellPartner(request, "mdf-claim-decided:" + claim.id() + ":" + claim.status(), Messages.Reply.plain(text));
	}

	@ApplicationModuleListener
	void on(MdfEvents.FundsExpiring expiring) {
		partners.find(expiring.partnerId())
			.filter(p -> !p.slackChannelIds().isEmpty())
			.ifPresentOrElse(
					p -> outbox.enqueue(Outbound
						.toChannel("mdf-expiring:" + p.id() + ":" + expiring.on(), "notice", p
							.slackChannelIds()
							.get(0), null,
								Messages.Reply.plain(":hourglass: " + mdf
									.rules()
									.money(expiring.amount()) + " of your MDF expires after " + expiring.on()
										+ " unless it is committed to an activity. Ask me for MDF, or `/partner mdf` for the balance."))),
					() -> log.info("Partner {} has no shared channel for its MDF reminder", expiring.partnerId()));
	}

	@ApplicationModuleListener
	void on(MdfEvents.ActivityEnded ended) {
		MdfRequest request = ended.request();
		var activity = mdf.rules().properties().activities().get(request.activity());
		String proof = (activity == null) ? "the proof of performance"
				: String.join(", ", activity.proof().stream().map(p -> p.label()).toList());
		tellPartner(request, "mdf-claim-invite:" + request.id(), Messages.Reply.plain(":receipt: The activity of *"
				+ request.reference() + "* is over: claim its " + mdf.rules().money(request.approvedAmount()) + " by "
				+ ended.due() + ". Share the proof in this thread (" + proof
				+ ") and tell me the actual cost, how many attended and the leads; I'll say what is still missing."));
	}

	@ApplicationModuleListener
	void on(MdfEvents.ClaimDue due) {
		MdfRequest request = due.request();
		tellPartner(request, "mdf-claim-due:" + request.id(),
				Messages.Reply.plain(":alarm_clock: The claim for *" + request.reference() + "* ("
						+ mdf.rules().money(request.approvedAmount()) + ") is due by " + due.due()
						+ ", with the actual cost, the leads and the proof of performance the activity needs."));
	}

	@ApplicationModuleListener
	void on(MdfEvents.UnspentFunds note) {
		StringBuilder text = new StringBuilder(":bar_chart: *Unspent MDF, " + note.month() + "*");
		for (MdfEvents.UnspentFunds.Unspent u : note.partners()) {
			text.append("\n• *")
				.append(Messages.escape(partnerName(u.partnerId())))
				.append("*: ")
				.append(mdf.rules().money(u.available()))
				.append(" available");
			if (u.expiringSoon().signum() > 0) {
				text.append(", ").append(mdf.rules().money(u.expiringSoon())).append(" expiring within a month");
			}
		}
		outbox.alert("mdf-unspent:" + note.month(), Outbound.Priority.LOW, Messages.Reply.plain(text.toString()));
	}

	private void tellPartner(MdfRequest request, String outboxKey, Messages.Reply reply) {
		String key = request.conversationKey();
		if (key != null && key.contains(":")) {
			outbox.enqueue(Outbound.toChannel(outboxKey, "notice", key.substring(0, key.indexOf(':')),
					key.substring(key.indexOf(':') + 1), reply));
		}
		else if (request.requestedBy() != null && request.requestedBy().matches("[UW][A-Z0-9_]+")) {
			outbox.enqueue(Outbound.toPerson(outboxKey, "notice", request.requestedBy(), reply));
		}
		else {
			log.info("MDF request {} was not made in Slack; no one to tell there", request.reference());
		}
	}

	@Override
	public void register(App app) {
		app.blockAction(MdfBlocks.APPROVE, (req, ctx) -> {
			SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
			String id = req.getPayload().getActions().get(0).getValue();
			String cardTs = req.getPayload().getContainer().getMessageTs();
			work.submit("mdf decision", () -> decide(identity, id, cardTs, MdfBlocks.APPROVE, null));
			return ctx.ack();
		});
		for (String action : new String[] { MdfBlocks.APPROVE_LOWER, MdfBlocks.REJECT, MdfBlocks.CLAIM_MORE,
				MdfBlocks.CLAIM_REJECT }) {
			app.blockAction(action, (req, ctx) -> {
				SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
				String id = req.getPayload().getActions().get(0).getValue();
				String cardTs = req.getPayload().getContainer() != null ? req.getPayload().getContainer().getMessageTs()
						: "";
				// the form opens before the acknowledgement, while the trigger is fresh
				if (requesters.identify(identity) instanceof Requester.Staff) {
					openDecisionForm(req.getPayload().getTriggerId(), action,
							action + "|" + id + "|" + identity.channelId() + "|" + cardTs);
				}
				else {
					work.submit("mdf decision", () -> decide(identity, id, cardTs, action, null));
				}
				return ctx.ack();
			});
		}
		app.viewSubmission(MdfBlocks.DECISION_FORM, (req, ctx) -> {
			SlackIdentity submitted = requesters.identity(CurrentDelivery.require(), ctx);
			String[] metadata = String.valueOf(req.getPayload().getView().getPrivateMetadata()).split("\\|", -1);
			var values = req.getPayload().getView().getState().getValues();
			var block = (values != null) ? values.get("value") : null;
			String value = (block != null && block.get("value") != null) ? block.get("value").getValue() : null;
			if (metadata.length < 4 || value == null || value.isBlank()) {
				return ctx.ackWithErrors(java.util.Map.of("value", "Fill this in: the partner is told."));
			}
			if (metadata[0].equals(MdfBlocks.APPROVE_LOWER) && amount(value) == null) {
				return ctx.ackWithErrors(java.util.Map.of("value", "Enter an amount, e.g. 4500"));
			}
			SlackIdentity identity = new SlackIdentity(submitted.userId(), submitted.userTeamId(),
					metadata[2].isEmpty() || "null".equals(metadata[2]) ? null : metadata[2],
					submitted.installedTeamId());
			work.submit("mdf decision", () -> decide(identity, metadata[1], metadata[3], metadata[0], value));
			return ctx.ack();
		});
		for (String action : new String[] { MdfBlocks.CLAIM_APPROVE, MdfBlocks.CLAIM_PAID }) {
			app.blockAction(action, (req, ctx) -> {
				SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
				String id = req.getPayload().getActions().get(0).getValue();
				String cardTs = req.getPayload().getContainer().getMessageTs();
				work.submit("mdf claim decision", () -> decide(identity, id, cardTs, action, null));
				return ctx.ack();
			});
		}
	}

	private static BigDecimal amount(String text) {
		try {
			BigDecimal amount = new BigDecimal(text.replace(",", "").replace("$", "").strip());
			return amount.signum() > 0 ? amount : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private void openDecisionForm(String triggerId, String action, String metadata) {
		String title = switch (action) {
			case MdfBlocks.APPROVE_LOWER -> "Approve a lower amount";
			case MdfBlocks.CLAIM_MORE -> "Ask for more proof";
			default -> "Reject";
		};
		String label = action.equals(MdfBlocks.APPROVE_LOWER) ? "Amount to approve"
				: action.equals(MdfBlocks.CLAIM_MORE) ? "What is missing (the partner is told)"
						: "Reason (the partner is told)";
		api.openView(triggerId, MdfBlocks.decisionForm(title, label, metadata));
	}

	/** A decision by a channel manager: on a request, or on a claim. */
	private void decide(SlackIdentity identity, String id, String cardTs, String action, String value) {
		if (!(requesters.identify(identity) instanceof Requester.Staff staff)) {
			replies.toPerson(identity, Messages.Reply.plain("Only the vendor's channel managers decide on MDF."));
			return;
		}
		try {
			UUID uuid = UUID.fromString(id);
			boolean onClaim = action.startsWith("mdf_claim");
			MdfRequest request = onClaim ? mdf.get(mdf.getClaim(uuid).requestId()) : mdf.get(uuid);
			Optional<Partner> owner = partners.find(request.partnerId());
			String manager = owner.map(Partner::channelManager).orElse(null);
			if (manager != null && !manager.equals(identity.userId()) && !staff.admin()) {
				replies.toPerson(identity, Messages.Reply.plain("MDF of *" + Messages.escape(owner.get().name())
						+ "* is decided by their channel manager, <@" + manager + ">, or a program admin."));
				return;
			}
			String outcome = switch (action) {
				case MdfBlocks.APPROVE -> approved(mdf.decide(uuid, true, null, identity.userId(), null));
				case MdfBlocks.APPROVE_LOWER ->
					approved(mdf.decide(uuid, true, amount(value), identity.userId(), null));
				case MdfBlocks.REJECT -> {
					mdf.decide(uuid, false, null, identity.userId(), value);
					yield ":x: rejected: " + Messages.escape(value);
				}
				case MdfBlocks.CLAIM_APPROVE -> claim(uuid, ClaimStatus.APPROVED, identity, null);
				case MdfBlocks.CLAIM_PAID -> claim(uuid, ClaimStatus.PAID, identity, null);
				case MdfBlocks.CLAIM_MORE -> claim(uuid, ClaimStatus.MORE_INFO, identity, value);
				default -> claim(uuid, ClaimStatus.REJECTED, identity, value);
			};
			if (identity.channelId() != null && cardTs != null && !cardTs.isEmpty()) {
				replies.update(identity.channelId(), cardTs,
						Messages.Reply.plain("*" + request.reference() + "* of *"
								+ Messages.escape(owner.map(Partner::name).orElse("unknown partner")) + "*: " + outcome
								+ " by <@" + identity.userId() + ">"));
			}
		}
		catch (ConflictException | InvalidInputException | NotFoundException | IllegalArgumentException ex) {
			replies.toPerson(identity, Messages.Reply.plain(":warning: " + ex.getMessage()));
		}
	}

	private String approved(MdfRequest request) {
		return ":white_check_mark: approved for " + mdf.rules().money(request.approvedAmount());
	}

	private String claim(UUID claimId, ClaimStatus decision, SlackIdentity identity, String reason) {
		MdfClaim claim = mdf.decideClaim(claimId, decision, identity.userId(), reason);
		return "claim " + claim.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
				+ (reason != null ? ": " + Messages.escape(reason) : "");
	}

	private String partnerName(UUID partnerId) {
		return partners.find(partnerId).map(Partner::name).orElse("unknown partner");
	}

}
