package com.partnerbot.slack.deals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.slack.api.bolt.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealConflict;
import com.partnerbot.deals.DealEvents;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.platform.ConflictException;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.platform.NotFoundException;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.bolt.SlackWork;
import com.partnerbot.slack.outbox.Outbound;
import com.partnerbot.slack.outbox.SlackOutbox;
import com.partnerbot.slack.people.SlackRequesters;
import com.partnerbot.slack.bolt.SlackApi;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The channel managers' side of deal registration: evidence cards in the alerts channel
 * with one-click decisions, and the notices partners get in their own threads.
 */
@Component
class DealDesk implements SlackFeature {

	private static final Logger log = LoggerFactory.getLogger(DealDesk.class);

	private final DealRegistrations registrations;

	private final PartnerManagement partners;

	private final SlackRequesters requesters;

	private final SlackReplies replies;

	private final SlackWork work;

	private final SlackOutbox outbox;

	private final SlackApi api;

	DealDesk(DealRegistrations registrations, PartnerManagement partners, SlackRequesters requesters,
			SlackReplies replies, SlackWork work, SlackOutbox outbox, SlackApi api) {
		this.api = api;
		this.registrations = registrations;
		this.partners = partners;
		this.requesters = requesters;
		this.replies = replies;
		this.work = work;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(DealEvents.Registered registered) {
		Deal deal = registered.deal();
		if (deal.status() != DealStatus.CONFLICT && deal.status() != DealStatus.PENDING) {
			return;
		}
		List<DealBlocks.Evidence> evidence = new ArrayList<>();
		for (DealConflict conflict : registered.conflicts()) {
			String description = switch (conflict.kind()) {
				case DIRECT_ACCOUNT -> "a direct-sales named account";
				default -> Optional.ofNullable(conflict.otherDealId())
					.flatMap(registrations::find)
					.map(other -> "*" + other.reference() + "* of *" + partnerName(other.partnerId()) + "* ("
							+ other.status()
							+ (other.protectedUntil() != null ? ", protected until " + other.protectedUntil() : "")
							+ "): " + DealBlocks.summary(other))
					.orElse("another registration");
			};
			evidence.add(new DealBlocks.Evidence(description, conflict.reasons()));
		}
		registrations.breachesOf(deal)
			.forEach(breach -> evidence.add(new DealBlocks.Evidence("a rule of engagement", breach)));
		outbox.alert("deal-card:" + deal.id(),
				DealBlocks.managerCard(deal, partnerName(deal.partnerId()), evidence, registrations.decisionDue(deal)));
	}

	@ApplicationModuleListener
	void on(DealEvents.Decided decided) {
		Deal deal = decided.deal();
		String text = switch (decided.decision()) {
			case APPROVED -> ":white_check_mark: *" + deal.reference() + "* (" + Messages.escape(deal.customerName())
					+ ") was approved: you are protected until *" + deal.protectedUntil() + "*.";
			case CO_SELL -> ":handshake: *" + deal.reference() + "* (" + Messages.escape(deal.customerName())
					+ ") was approved for co-selling; your channel manager will be in touch. Protected until *"
					+ deal.protectedUntil() + "*.";
			default -> ":x: *" + deal.reference() + "* (" + Messages.escape(deal.customerName()) + ") was rejected: "
					+ Messages.escape(String.valueOf(deal.decisionNote()))
					+ "\nYou may appeal within 5 business days to your channel manager.";
		};
		if (decided.decision() == DealStatus.CO_SELL && !decided.coSellers().isEmpty()) {
			text += "\nAnother partner holds a registration of this customer for the same products; you will "
					+ "co-sell alongside it (we do not share partners' names).";
		}
		tellPartner(deal, "deal-decided:" + deal.id() + ":" + decided.decision(), Messages.Reply.plain(text));
		for (Deal other : decided.coSellers()) {
			// the earlier registration's partner hears of it too, without the newcomer's
			// name
			tellPartner(other, "deal-co-sold:" + other.id() + ":" + deal.id(),
					Messages.Reply.plain(":handshake: Another partner also registered *"
							+ Messages.escape(other.customerName()) + "* for " + String.join(", ", other.products())
							+ "; a channel manager chose to co-sell. *" + other.reference()
							+ "* keeps its protection until *" + other.protectedUntil()
							+ "*; your channel manager will coordinate (we do not share partners' names)."));
		}
	}

	@ApplicationModuleListener
	void on(DealEvents.ExpiringSoon expiring) {
		Deal deal = expiring.deal();
		String text = ":alarm_clock: The protection of *" + deal.reference() + "* ("
				+ Messages.escape(deal.customerName()) + ") ends on *" + deal.protectedUntil()
				+ "*. If the deal is still active, you can ask for an extension.";
		outbox.alert("deal-expiring-alert:" + deal.id() + ":" + deal.protectedUntil(),
				Messages.Reply.plain(":alarm_clock: *" + deal.reference() + "* of *" + partnerName(deal.partnerId())
						+ "* (" + Messages.escape(deal.customerName()) + ") loses its protection on *"
						+ deal.protectedUntil() + "*; the partner was reminded and may ask for an extension."));
		tellPartner(deal, "deal-expiring:" + deal.id() + ":" + deal.protectedUntil(),
				new Messages.Reply(text.replace("*", ""),
						List.of(section(s -> s.text(markdownText(text))),
								actions(a -> a.elements(List.of(button(b -> b.actionId(DealBlocks.EXTEND)
									.value(deal.id().toString())
									.text(plainText("Request an extension")))))))));
	}

	private void tellPartner(Deal deal, String outboxKey, Messages.Reply reply) {
		String key = deal.conversationKey();
		if (key == null || !key.contains(":")) {
			// registered through the form: the person who registered it hears in a direct
			// message
			if (deal.registeredBy() != null && deal.registeredBy().matches("[UW][A-Z0-9_]+")) {
				outbox.enqueue(Outbound.toPerson(outboxKey, "notice", deal.registeredBy(), reply));
			}
			else {
				log.info("Deal {} was not registered in Slack; no one to tell there", deal.reference());
			}
			return;
		}
		outbox.enqueue(Outbound.toChannel(outboxKey, "notice", key.substring(0, key.indexOf(':')),
				key.substring(key.indexOf(':') + 1), reply));
	}

	@Override
	public void register(App app) {
		app.blockAction(DealBlocks.APPROVE, (req, ctx) -> decision(req.getPayload(), ctx, DealStatus.APPROVED));
		app.blockAction(DealBlocks.REJECT, (req, ctx) -> {
			SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
			String value = req.getPayload().getActions().get(0).getValue();
			String cardTs = req.getPayload().getContainer() != null ? req.getPayload().getContainer().getMessageTs()
					: null;
			// the reason form opens before the acknowledgement, while the trigger is
			// fresh
			Optional<Deal> deal = parseId(value).flatMap(registrations::find);
			if (deal.isPresent() && requesters.identify(identity) instanceof Requester.Staff) {
				openRejectForm(req.getPayload().getTriggerId(), deal.get(),
						value + "|" + identity.channelId() + "|" + (cardTs != null ? cardTs : ""));
			}
			else {
				work.submit("deal decision", () -> decide(identity, value, cardTs, DealStatus.REJECTED, null));
			}
			return ctx.ack();
		});
		app.viewSubmission(DealBlocks.REJECT_FORM, (req, ctx) -> {
			SlackIdentity submitted = requesters.identity(CurrentDelivery.require(), ctx);
			String[] metadata = String.valueOf(req.getPayload().getView().getPrivateMetadata()).split("\\|", -1);
			var values = req.getPayload().getView().getState().getValues();
			var reasonBlock = (values != null) ? values.get("reason") : null;
			String reason = (reasonBlock != null && reasonBlock.get("value") != null)
					? reasonBlock.get("value").getValue() : null;
			if (reason == null || reason.isBlank()) {
				return ctx.ackWithErrors(Map.of("reason", "Say why: the partner is told the reason."));
			}
			String channel = metadata.length > 1 && !metadata[1].isEmpty() ? metadata[1] : null;
			String cardTs = metadata.length > 2 && !metadata[2].isEmpty() ? metadata[2] : null;
			SlackIdentity identity = new SlackIdentity(submitted.userId(), submitted.userTeamId(), channel,
					submitted.installedTeamId());
			work.submit("deal rejection", () -> decide(identity, metadata[0], cardTs, DealStatus.REJECTED, reason));
			return ctx.ack();
		});
		app.blockAction(DealBlocks.CO_SELL, (req, ctx) -> decision(req.getPayload(), ctx, DealStatus.CO_SELL));
		app.blockAction(DealBlocks.EXTEND, (req, ctx) -> {
			SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
			String value = req.getPayload().getActions().get(0).getValue();
			work.submit("deal extension", () -> extend(identity, value));
			return ctx.ack();
		});
	}

	private com.slack.api.bolt.response.Response decision(
			com.slack.api.app_backend.interactive_components.payload.BlockActionPayload payload,
			com.slack.api.bolt.context.builtin.ActionContext ctx, DealStatus decision) {
		SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
		String value = payload.getActions().get(0).getValue();
		String cardTs = payload.getContainer().getMessageTs();
		work.submit("deal decision", () -> decide(identity, value, cardTs, decision, "from Slack"));
		return ctx.ack();
	}

	private void openRejectForm(String triggerId, Deal deal, String metadata) {
		try {
			var response = api.client()
				.viewsOpen(r -> r.triggerId(triggerId).view(DealBlocks.rejectForm(deal, metadata)));
			if (!response.isOk()) {
				log.warn("views.open failed: {}", response.getError());
			}
		}
		catch (java.io.IOException | com.slack.api.methods.SlackApiException ex) {
			log.warn("views.open failed", ex);
		}
	}

	private static Optional<UUID> parseId(String value) {
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	private void decide(SlackIdentity identity, String value, String cardTs, DealStatus decision, String note) {
		Requester requester = requesters.identify(identity);
		if (!(requester instanceof Requester.Staff staff)) {
			replies.privately(identity.channelId(), identity.userId(),
					Messages.Reply.plain("Only the vendor's channel managers decide on registrations."));
			return;
		}
		try {
			// a partner with a channel manager of its own is theirs (or a program
			// admin's) to decide on
			Optional<Partner> owner = registrations.find(UUID.fromString(value))
				.flatMap(d -> partners.find(d.partnerId()));
			String manager = owner.map(Partner::channelManager).orElse(null);
			if (manager != null && !manager.equals(identity.userId()) && !staff.admin()) {
				replies.privately(identity.channelId(), identity.userId(),
						Messages.Reply.plain("Registrations of *" + owner.get().name()
								+ "* are decided by their channel manager, <@" + manager + ">, or a program admin."));
				return;
			}
			Deal deal = registrations.decide(UUID.fromString(value), decision, identity.userId(), note);
			String outcome = switch (decision) {
				case APPROVED -> ":white_check_mark: approved";
				case CO_SELL -> ":handshake: co-sell";
				default -> ":x: rejected";
			};
			Messages.Reply decided = Messages.Reply
				.plain("*" + deal.reference() + "* from *" + owner.map(Partner::name).orElse("unknown partner") + "*: "
						+ outcome + " by <@" + identity.userId() + ">\n" + DealBlocks.summary(deal)
						+ (deal.protectedUntil() != null ? "\nProtected until " + deal.protectedUntil() : "")
						+ (decision == DealStatus.REJECTED ? "\nReason: " + Messages.escape(note) : ""));
			if (identity.channelId() != null && cardTs != null) {
				replies.update(identity.channelId(), cardTs, decided);
			}
		}
		catch (ConflictException | InvalidInputException | NotFoundException | IllegalArgumentException ex) {
			tell(identity, Messages.Reply.plain(":warning: " + ex.getMessage()));
		}
	}

	private void extend(SlackIdentity identity, String value) {
		Requester requester = requesters.identify(identity);
		Optional<Partner> partner = requester.partner();
		if (partner.isEmpty() || !(requester instanceof Requester.PartnerPerson)) {
			tell(identity, Messages.Reply.plain("Only the registering partner's people can ask for an extension."));
			return;
		}
		try {
			Deal deal = registrations.extend(UUID.fromString(value), partner.get().id(), identity.userId());
			// the team that owns the registration hears of it where it was registered
			tellPartner(deal, "deal-extended:" + deal.id() + ":" + deal.protectedUntil(),
					Messages.Reply.plain(":white_check_mark: <@" + identity.userId() + "> extended *" + deal.reference()
							+ "* (" + Messages.escape(deal.customerName()) + "): protected until *"
							+ deal.protectedUntil() + "*."));
			if (identity.channelId() == null) {
				tell(identity, Messages.Reply.plain(":white_check_mark: " + deal.reference()
						+ " is now protected until " + deal.protectedUntil() + "."));
			}
		}
		catch (InvalidInputException | NotFoundException | IllegalArgumentException ex) {
			tell(identity, Messages.Reply.plain(":warning: " + ex.getMessage()));
		}
	}

	/** Only to the person: in the channel they clicked in, else (the App Home) by DM. */
	private void tell(SlackIdentity identity, Messages.Reply reply) {
		if (identity.channelId() != null) {
			replies.privately(identity.channelId(), identity.userId(), reply);
		}
		else {
			replies.post(identity.userId(), null, reply);
		}
	}

	private String partnerName(UUID partnerId) {
		return partners.find(partnerId).map(Partner::name).orElse("unknown partner");
	}

}
