package com.partnerbot.slack.deals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealConflict;
import com.partnerbot.deals.DealEvents;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.deals.DecisionRefusedException;
import com.partnerbot.deals.ThreadRef;
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

import lombok.RequiredArgsConstructor;

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
@RequiredArgsConstructor
class DealDesk implements SlackFeature {

	private static final Logger log = LoggerFactory.getLogger(DealDesk.class);

	private final DealRegistrations registrations;

	private final PartnerManagement partners;

	private final SlackRequesters requesters;

	private final SlackReplies replies;

	private final SlackWork work;

	private final SlackOutbox outbox;

	private final SlackApi api;

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
				case DIRECT_OPPORTUNITY -> "an open opportunity of the direct sales team";
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
		outbox.alert("deal-card:" + deal.id(), Outbound.Priority.URGENT,
				DealBlocks.managerCard(deal, partnerName(deal.partnerId()), evidence, registrations.decisionDue(deal)));
	}

	@ApplicationModuleListener
	void on(DealEvents.Decided decided) {
		Deal deal = decided.deal();
		String what = "*" + deal.reference() + "* (" + Messages.escape(deal.customerName()) + ": "
				+ String.join(", ", deal.products()) + ")";
		String text = switch (decided.decision()) {
			case APPROVED -> ":white_check_mark: " + what + " was approved: you are protected until *"
					+ deal.protectedUntil() + "*.";
			case CO_SELL -> ":handshake: " + what
					+ " was approved for co-selling; your channel manager will be in touch. Protected until *"
					+ deal.protectedUntil() + "*.";
			default -> ":x: " + what + " was rejected: " + Messages.escape(String.valueOf(deal.decisionNote()))
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
		outbox.alert("deal-expiring-alert:" + deal.id() + ":" + deal.protectedUntil(), Outbound.Priority.LOW,
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
		ThreadRef thread = deal.thread();
		if (thread == null) {
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
		outbox.enqueue(Outbound.toChannel(outboxKey, "notice", thread.channel(), thread.ts(), reply));
	}

	@Override
	public void register(App app) {
		app.blockAction(DealBlocks.APPROVE, (req, ctx) -> decision(req.getPayload(), ctx, DealStatus.APPROVED));
		app.blockAction(DealBlocks.REJECT, (req, ctx) -> decisionForm(req.getPayload(), ctx, DealBlocks::rejectForm));
		app.viewSubmission(DealBlocks.REJECT_FORM, (req, ctx) -> {
			var values = req.getPayload().getView().getState().getValues();
			String reason = reason(values);
			if (reason == null || reason.isBlank()) {
				return ctx.ackWithErrors(Map.of("reason", "Say why: the partner is told the reason."));
			}
			FormOrigin origin = origin(requesters.identity(CurrentDelivery.require(), ctx), req.getPayload().getView());
			work.submit("deal rejection",
					() -> decide(origin.identity(), origin.dealId(), origin.cardTs(), DealStatus.REJECTED, reason));
			return ctx.ack();
		});
		app.blockAction(DealBlocks.CO_SELL, (req, ctx) -> decision(req.getPayload(), ctx, DealStatus.CO_SELL));
		app.blockAction(DealBlocks.BY_PRODUCT,
				(req, ctx) -> decisionForm(req.getPayload(), ctx, DealBlocks::productForm));
		app.viewSubmission(DealBlocks.BY_PRODUCT_FORM, (req, ctx) -> {
			SlackIdentity submitted = requesters.identity(CurrentDelivery.require(), ctx);
			var values = req.getPayload().getView().getState().getValues();
			Map<String, DealStatus> decisions = new java.util.LinkedHashMap<>();
			String firstProduct = null;
			for (var block : (values != null ? values : Map.<String, Map<String, ViewState.Value>>of()).entrySet()) {
				ViewState.Value choice = block.getValue().get("value");
				if (block.getKey().startsWith(DealBlocks.PRODUCT_BLOCK)) {
					firstProduct = (firstProduct == null) ? block.getKey() : firstProduct;
					String chosen = (choice != null && choice.getSelectedOption() != null)
							? choice.getSelectedOption().getValue() : DealBlocks.WAIT;
					if (!DealBlocks.WAIT.equals(chosen)) {
						decisions.put(block.getKey().substring(DealBlocks.PRODUCT_BLOCK.length()),
								DealStatus.valueOf(chosen));
					}
				}
			}
			String reason = reason(values);
			if (decisions.isEmpty() && firstProduct != null) {
				return ctx.ackWithErrors(Map.of(firstProduct, "Decide at least one product."));
			}
			if (decisions.containsValue(DealStatus.REJECTED) && (reason == null || reason.isBlank())) {
				return ctx.ackWithErrors(Map.of("reason", "Say why: the partner is told the reason."));
			}
			FormOrigin origin = origin(submitted, req.getPayload().getView());
			work.submit("deal decision",
					() -> decideByProduct(origin.identity(), origin.dealId(), origin.cardTs(), decisions, reason));
			return ctx.ack();
		});
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

	/**
	 * A decision form, opened for a person who may decide before the acknowledgement,
	 * while the trigger is fresh; anyone else hears why they may not, and nothing is
	 * decided.
	 */
	private com.slack.api.bolt.response.Response decisionForm(
			com.slack.api.app_backend.interactive_components.payload.BlockActionPayload payload,
			com.slack.api.bolt.context.builtin.ActionContext ctx, BiFunction<Deal, String, View> form) {
		SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
		String value = payload.getActions().get(0).getValue();
		String cardTs = payload.getContainer() != null ? payload.getContainer().getMessageTs() : null;
		Optional<Deal> deal = parseId(value).flatMap(registrations::find);
		if (deal.isPresent() && registrations.mayDecide(deal.get(), requesters.identify(identity))) {
			openForm(payload.getTriggerId(),
					form.apply(deal.get(), value + "|" + identity.channelId() + "|" + (cardTs != null ? cardTs : "")));
		}
		else {
			work.submit("deal decision", () -> decideByProduct(identity, value, cardTs, Map.of(), null));
		}
		return ctx.ack();
	}

	/** Where a decision form was opened: the registration, the card, the person there. */
	private record FormOrigin(String dealId, SlackIdentity identity, String cardTs) {
	}

	/** A form has no channel of its own: it belongs to the card it was opened from. */
	private static FormOrigin origin(SlackIdentity submitted, View view) {
		String[] metadata = String.valueOf(view.getPrivateMetadata()).split("\\|", -1);
		String channel = metadata.length > 1 && !metadata[1].isEmpty() ? metadata[1] : null;
		String cardTs = metadata.length > 2 && !metadata[2].isEmpty() ? metadata[2] : null;
		return new FormOrigin(metadata[0],
				new SlackIdentity(submitted.userId(), submitted.userTeamId(), channel, submitted.installedTeamId()),
				cardTs);
	}

	private static String reason(Map<String, Map<String, ViewState.Value>> values) {
		Map<String, ViewState.Value> block = (values != null) ? values.get("reason") : null;
		return (block != null && block.get("value") != null) ? block.get("value").getValue() : null;
	}

	private void openForm(String triggerId, View form) {
		try {
			var response = api.client().viewsOpen(r -> r.triggerId(triggerId).view(form));
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
		try {
			Deal deal = registrations.decide(UUID.fromString(value), decision, requester, note);
			if (identity.channelId() != null && cardTs != null) {
				replies.update(identity.channelId(), cardTs, Messages.Reply.plain(decidedLine(deal, identity)));
			}
		}
		catch (DecisionRefusedException ex) {
			tell(identity, refused(ex));
		}
		catch (ConflictException | InvalidInputException | NotFoundException | IllegalArgumentException ex) {
			tell(identity, Messages.Reply.plain(":warning: " + ex.getMessage()));
		}
	}

	/**
	 * Decisions product by product; the card shows each part's outcome, and keeps the
	 * buttons for the products still waiting.
	 */
	private void decideByProduct(SlackIdentity identity, String value, String cardTs, Map<String, DealStatus> decisions,
			String note) {
		Requester requester = requesters.identify(identity);
		try {
			DealRegistrations.ProductDecisions made = registrations.decideByProduct(UUID.fromString(value), decisions,
					requester, note);
			List<String> lines = new ArrayList<>(made.decided().stream().map(d -> decidedLine(d, identity)).toList());
			made.waiting()
				.ifPresent(w -> lines.add(":hourglass_flowing_sand: *" + w.reference() + "* from *"
						+ Messages.escape(partnerName(w.partnerId())) + "*: " + String.join(", ", w.products())
						+ " still waits for a decision, due by *" + registrations.decisionDue(w) + "*"));
			String text = String.join("\n\n", lines);
			List<com.slack.api.model.block.LayoutBlock> blocks = new ArrayList<>(
					List.of(section(s -> s.text(markdownText(text)))));
			made.waiting().ifPresent(w -> blocks.add(DealBlocks.decisionButtons(w)));
			if (identity.channelId() != null && cardTs != null) {
				replies.update(identity.channelId(), cardTs, new Messages.Reply(text, blocks));
			}
		}
		catch (DecisionRefusedException ex) {
			tell(identity, refused(ex));
		}
		catch (ConflictException | InvalidInputException | NotFoundException | IllegalArgumentException ex) {
			tell(identity, Messages.Reply.plain(":warning: " + ex.getMessage()));
		}
	}

	/** A decided registration as the card shows it. */
	private String decidedLine(Deal deal, SlackIdentity by) {
		String outcome = switch (deal.status()) {
			case APPROVED -> ":white_check_mark: approved";
			case CO_SELL -> ":handshake: co-sell";
			default -> ":x: rejected";
		};
		return "*" + deal.reference() + "* from *" + Messages.escape(partnerName(deal.partnerId())) + "*: " + outcome
				+ " by <@" + by.userId() + ">\n" + DealBlocks.summary(deal)
				+ (deal.protectedUntil() != null ? "\nProtected until " + deal.protectedUntil() : "")
				+ (deal.status() == DealStatus.REJECTED ? "\nReason: " + Messages.escape(deal.decisionNote()) : "");
	}

	private static Messages.Reply refused(DecisionRefusedException refusal) {
		return Messages.Reply
			.plain(refusal.channelManager() == null ? "Only the vendor's channel managers decide on registrations."
					: "Registrations of *" + Messages.escape(refusal.partnerName())
							+ "* are decided by their channel manager, <@" + refusal.channelManager()
							+ ">, or a program admin.");
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
