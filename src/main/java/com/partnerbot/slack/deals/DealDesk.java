package com.partnerbot.slack.deals;

import java.util.ArrayList;
import java.util.List;
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

	DealDesk(DealRegistrations registrations, PartnerManagement partners, SlackRequesters requesters,
			SlackReplies replies, SlackWork work, SlackOutbox outbox) {
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
		outbox.alert("deal-card:" + deal.id(), DealBlocks.managerCard(deal, partnerName(deal.partnerId()), evidence));
	}

	@ApplicationModuleListener
	void on(DealEvents.Decided decided) {
		Deal deal = decided.deal();
		String text = switch (decided.decision()) {
			case APPROVED -> ":white_check_mark: *" + deal.reference() + "* (" + deal.customerName()
					+ ") was approved: you are protected until *" + deal.protectedUntil() + "*.";
			case CO_SELL -> ":handshake: *" + deal.reference() + "* (" + deal.customerName()
					+ ") was approved for co-selling; your channel manager will be in touch. Protected until *"
					+ deal.protectedUntil() + "*.";
			default -> ":x: *" + deal.reference() + "* (" + deal.customerName()
					+ ") was not approved. Your channel manager can tell you why.";
		};
		tellPartner(deal, "deal-decided:" + deal.id() + ":" + decided.decision(), Messages.Reply.plain(text));
	}

	@ApplicationModuleListener
	void on(DealEvents.ExpiringSoon expiring) {
		Deal deal = expiring.deal();
		String text = ":alarm_clock: The protection of *" + deal.reference() + "* (" + deal.customerName()
				+ ") ends on *" + deal.protectedUntil()
				+ "*. If the deal is still active, you can ask for an extension.";
		outbox.alert("deal-expiring-alert:" + deal.id() + ":" + deal.protectedUntil(),
				Messages.Reply.plain(":alarm_clock: *" + deal.reference() + "* of *" + partnerName(deal.partnerId())
						+ "* (" + deal.customerName() + ") loses its protection on *" + deal.protectedUntil()
						+ "*; the partner was reminded and may ask for an extension."));
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
		app.blockAction(DealBlocks.REJECT, (req, ctx) -> decision(req.getPayload(), ctx, DealStatus.REJECTED));
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
		work.submit("deal decision", () -> decide(identity, value, cardTs, decision));
		return ctx.ack();
	}

	private void decide(SlackIdentity identity, String value, String cardTs, DealStatus decision) {
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
			Deal deal = registrations.decide(UUID.fromString(value), decision, identity.userId(), "from Slack");
			String outcome = switch (decision) {
				case APPROVED -> ":white_check_mark: approved";
				case CO_SELL -> ":handshake: co-sell";
				default -> ":x: rejected";
			};
			replies.update(identity.channelId(), cardTs,
					Messages.Reply
						.plain("*" + deal.reference() + "* from *" + owner.map(Partner::name).orElse("unknown partner")
								+ "*: " + outcome + " by <@" + identity.userId() + ">\n" + DealBlocks.summary(deal)
								+ (deal.protectedUntil() != null ? "\nProtected until " + deal.protectedUntil() : "")));
		}
		catch (ConflictException | InvalidInputException | NotFoundException | IllegalArgumentException ex) {
			replies.privately(identity.channelId(), identity.userId(),
					Messages.Reply.plain(":warning: " + ex.getMessage()));
		}
	}

	private void extend(SlackIdentity identity, String value) {
		Requester requester = requesters.identify(identity);
		Optional<Partner> partner = requester.partner();
		if (partner.isEmpty() || requester instanceof Requester.Stranger) {
			return;
		}
		try {
			Deal deal = registrations.extend(UUID.fromString(value), partner.get().id(), identity.userId());
			replies.privately(identity.channelId(), identity.userId(), Messages.Reply.plain(":white_check_mark: "
					+ deal.reference() + " is now protected until " + deal.protectedUntil() + "."));
		}
		catch (InvalidInputException | NotFoundException | IllegalArgumentException ex) {
			replies.privately(identity.channelId(), identity.userId(),
					Messages.Reply.plain(":warning: " + ex.getMessage()));
		}
	}

	private String partnerName(UUID partnerId) {
		return partners.find(partnerId).map(Partner::name).orElse("unknown partner");
	}

}
