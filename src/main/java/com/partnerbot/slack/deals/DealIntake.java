package com.partnerbot.slack.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;

import com.partnerbot.slack.people.SlackClicks;
import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealConflict;
import com.partnerbot.deals.PreCheckLimitException;
import com.partnerbot.deals.DealDraft;
import com.partnerbot.deals.DealDrafts;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.deals.NewDeal;
import com.partnerbot.deals.ThreadRef;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.platform.ApiError;
import com.partnerbot.platform.ConflictException;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackApi;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.bolt.SlackWork;
import com.partnerbot.slack.people.SlackRequesters;
import com.partnerbot.slack.people.SlackThreads;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * Deal registration in a conversation: a partner describes the deal in plain words, the
 * bot asks in the thread only for what is missing, shows a confirmation card with the
 * conflict check, and registers it on Submit; Edit (and {@code /partner deal} with no
 * text) opens the form.
 */
@Component
@RequiredArgsConstructor
public class DealIntake implements SlackFeature {

	private static final Pattern INTENT = Pattern
		.compile("^\\s*(please\\s+)?(register|registering|reg|new deal|deal reg(istration)?|log a deal"
				+ "|(i|we)(['’]?d| would)? (like|want|need) to register|(can|could) you (please )?register"
				+ "|let['’]?s register|help (me|us) register)\\b", Pattern.CASE_INSENSITIVE);

	/** Form metadata for a registration straight from the form, not from a thread. */
	private static final String DIRECT = "direct|";

	private final DealDrafts drafts;

	private final DealRegistrations registrations;

	private final SlackRequesters requesters;

	private final SlackReplies replies;

	private final SlackApi api;

	private final SlackWork work;

	private final SlackThreads threads;

	private final SlackClicks clicks;

	/** Whether a message says it registers a deal. */
	public boolean asksToRegister(String text) {
		return INTENT.matcher(text).find();
	}

	/** Whether the conversation holds a deal draft. */
	public boolean drafting(String conversationKey) {
		ThreadRef thread = thread(conversationKey);
		return thread != null && drafts.find(thread).isPresent();
	}

	/** Adds a message to the thread's draft and says what comes next. */
	public Messages.Reply describe(Requester requester, String text, String conversationKey) {
		Optional<Partner> partner = requester.partner();
		if (partner.isEmpty()) {
			return Messages.Reply.plain("Deals are registered for a partner: ask in the partner's shared channel.");
		}
		String description = INTENT.matcher(text).replaceFirst("").strip();
		DealDraft draft = drafts.describe(thread(conversationKey), partner.get().id(), requester.userId(), description);
		List<String> missing = drafts.missing(draft);
		if (!missing.isEmpty()) {
			return DealBlocks.questions(draft, missing);
		}
		return confirmation(partner.get(), requester.userId(), conversationKey, draft);
	}

	private Messages.Reply confirmation(Partner partner, String checkedBy, String conversationKey, DealDraft draft) {
		List<DealConflict> conflicts;
		try {
			conflicts = registrations.check(partner.id(), checkedBy, draft.customerName(), draft.customerDomain(),
					draft.products());
		}
		catch (PreCheckLimitException ex) {
			// the draft stays: nothing the partner gave is lost
			return Messages.Reply.plain(":hourglass_flowing_sand: " + ex.getMessage());
		}
		NewDeal deal = drafts.toNewDeal(draft, partner.id());
		List<String> notes = new ArrayList<>();
		registrations.protectionIfApprovedToday()
			.filter(until -> draft.expectedCloseDate() != null && until.isBefore(draft.expectedCloseDate()))
			.ifPresent(until -> notes.add(":information_source: Approved today, protection would end on " + until
					+ ", before the expected close: you may ask for the extension in the last "
					+ registrations.rules().extensionWindowDays() + " days of protection, with activity logged."));
		return DealBlocks.confirmation(conversationKey, draft, conflicts, registrations.rejectedAtOnce(conflicts),
				registrations.ruleBreaches(deal), notes);
	}

	@Override
	public void register(App app) {
		clicks.onClick(app, DealBlocks.SUBMIT, "deal submit",
				click -> submit(click.identity(), click.value(), click.messageTs()));
		clicks.onClick(app, DealBlocks.CANCEL, "deal cancel", click -> {
			if (ownDraft(click.identity(), click.value()).isPresent()) {
				drafts.discard(thread(click.value()));
				replies.update(click.identity().channelId(), click.messageTs(),
						Messages.Reply.plain("Deal registration cancelled."));
			}
		});
		// the form opens before the acknowledgement, while the trigger is fresh (as the
		// blank form and the survey comment form do)
		clicks.onClickBeforeAck(app, DealBlocks.EDIT,
				click -> ownDraft(click.identity(), click.value())
					.flatMap(partner -> drafts.find(thread(click.value())))
					.ifPresent(draft -> openForm(click.triggerId(), draft, click.value())));
		app.viewSubmission(DealBlocks.FORM, (req, ctx) -> {
			String metadata = req.getPayload().getView().getPrivateMetadata();
			SlackIdentity submitted = requesters.identity(CurrentDelivery.require(), ctx);
			// a form has no channel of its own; it belongs to the one it was opened from
			SlackIdentity identity = new SlackIdentity(submitted.userId(), submitted.userTeamId(), channelOf(metadata),
					submitted.installedTeamId());
			Requester requester = requesters.identify(identity);
			Map<String, String> errors = new LinkedHashMap<>();
			DealDraft draft = fromForm(req.getPayload().getView().getState().getValues(), errors);
			Optional<Partner> partner = requester.partner();
			if (partner.isEmpty() || requester instanceof Requester.Stranger) {
				return ctx
					.ackWithErrors(Map.of("customer_name", "Only people of a registered partner can register deals."));
			}
			for (ApiError.FieldError error : registrations.validate(draft.toNewDeal(partner.get().id()))) {
				String block = DealBlocks.FIELD_BLOCKS.get(error.field().replaceAll("\\[\\d+]$", ""));
				if (block != null) {
					errors.putIfAbsent(block, error.message());
				}
			}
			if (!errors.isEmpty()) {
				// Slack keeps what was typed and shows each message under its field
				return ctx.ackWithErrors(errors);
			}
			work.submit("deal form", () -> afterForm(identity, requester, partner.get(), draft, metadata));
			return ctx.ack();
		});
	}

	/**
	 * {@code /partner deal} with no text: the form, opened before the acknowledgement.
	 */
	public void openBlankForm(Requester requester, String channel, String user, String triggerId) {
		if (requester.partner().isEmpty() || !privateTo(requester, channel)) {
			work.submit("deal form refused", () -> command(requester, "", channel, user, triggerId));
			return;
		}
		openForm(triggerId, DealDraft.empty(), DIRECT + channel);
	}

	/**
	 * {@code /partner deal}: with text, a draft in a new thread of the channel (the team
	 * sees it); without, the form.
	 */
	public void command(Requester requester, String text, String channel, String user, String triggerId) {
		if (requester.partner().isEmpty()) {
			replies.privately(channel, user, Messages.Reply
				.plain("Deals are registered for a partner: use `/partner deal` in the partner's shared channel."));
			return;
		}
		if (!privateTo(requester, channel)) {
			replies.privately(channel, user, Messages.Reply.plain(Messages.PRIVATE_ELSEWHERE));
			return;
		}
		if (text.isBlank()) {
			openForm(triggerId, DealDraft.empty(), DIRECT + channel);
			return;
		}
		Optional<String> ts = replies.post(channel, null,
				Messages.Reply.plain("<@" + user + "> is registering a deal: " + text));
		if (ts.isEmpty()) {
			replies.privately(channel, user, Messages.Reply
				.plain("I can't post in this channel; invite me to it, or send me the deal in a direct message."));
			return;
		}
		String key = channel + ":" + ts.get();
		threads.remember(channel, ts.get(), requester.partner().get().id(), user);
		replies.post(channel, ts.get(), describe(requester, text, key));
	}

	/** A direct message, or the requester's partner's own shared channel. */
	private boolean privateTo(Requester requester, String channel) {
		if (channel != null && channel.startsWith("D")) {
			return true;
		}
		return requesters.channelOwner(channel)
			.map(owner -> requester.partner().map(p -> p.id().equals(owner.id())).orElse(false))
			.orElse(false);
	}

	private void submit(SlackIdentity identity, String key, String cardTs) {
		ThreadRef thread = thread(key);
		Optional<Partner> partner = ownDraft(identity, key);
		Optional<DealDraft> draft = partner.flatMap(p -> drafts.find(thread));
		if (draft.isEmpty()) {
			replies.privately(identity.channelId(), identity.userId(),
					Messages.Reply.plain("This draft is gone (registered or cancelled already)."));
			return;
		}
		try {
			DealRegistrations.Registration registration = registrations
				.register(drafts.toNewDeal(draft.get(), partner.get().id()), identity.userId(), thread);
			drafts.discard(thread);
			replies.update(identity.channelId(), cardTs, registered(registration));
		}
		catch (InvalidInputException ex) {
			replies.post(identity.channelId(), thread.ts(),
					Messages.Reply.plain(":warning: I couldn't register it yet: "
							+ String.join("; ", ex.errors().stream().map(e -> e.field() + " " + e.message()).toList())
							+ ". Reply with the correction or press *Edit*; the rest of the draft is kept."));
		}
		catch (ConflictException ex) {
			replies.post(identity.channelId(), thread.ts(), Messages.Reply.plain(":warning: " + ex.getMessage()));
		}
	}

	private void afterForm(SlackIdentity identity, Requester requester, Partner partner, DealDraft draft,
			String metadata) {
		if (metadata != null && metadata.startsWith(DIRECT)) {
			String channel = metadata.substring(DIRECT.length());
			try {
				DealRegistrations.Registration registration = registrations.register(draft.toNewDeal(partner.id()),
						identity.userId(), null);
				// the team sees it where the form was opened, and later notices go to its
				// thread; a channel the bot cannot post in leaves only the person's view
				Messages.Reply confirmation = registered(registration);
				Optional<String> ts = replies.post(channel, null,
						new Messages.Reply("<@" + identity.userId() + "> registered a deal: " + confirmation.text(),
								confirmation.blocks()));
				if (ts.isPresent()) {
					ThreadRef thread = new ThreadRef(channel, ts.get());
					registrations.attachThread(registration.deal().id(), thread);
					registration.approvedPart().ifPresent(p -> registrations.attachThread(p.id(), thread));
				}
				else {
					replies.privately(channel, identity.userId(), confirmation);
				}
			}
			catch (InvalidInputException | ConflictException ex) {
				replies.privately(channel, identity.userId(), Messages.Reply.plain(":warning: " + ex.getMessage()));
			}
			return;
		}
		// from a thread's Edit: the corrected draft gets a fresh card in the thread; the
		// form has no fields for the partner's part, so what the thread said of it stays
		ThreadRef thread = thread(metadata);
		DealDraft edited = drafts.find(thread)
			.map(before -> draft.withAttribution(before.role(), before.coSellers(), before.shared()))
			.orElse(draft);
		drafts.replace(thread, partner.id(), requester.userId(), edited);
		replies.post(thread.channel(), thread.ts(), confirmation(partner, requester.userId(), metadata, edited));
	}

	private Messages.Reply registered(DealRegistrations.Registration registration) {
		Deal deal = registration.deal();
		boolean waiting = deal.status() == DealStatus.PENDING || deal.status() == DealStatus.CONFLICT;
		return DealBlocks.registered(deal, registration.conflicts(), registration.breaches(),
				registration.approvedPart(), waiting ? registrations.decisionDue(deal) : null);
	}

	private void openForm(String triggerId, DealDraft draft, String metadata) {
		api.openView(triggerId,
				DealBlocks.form(draft, registrations.catalogue(), registrations.currencies(), metadata));
	}

	/** A conversation's key in the Slack adapter, {@code channel:ts}, as a thread. */
	private static ThreadRef thread(String key) {
		int colon = (key != null) ? key.indexOf(':') : -1;
		return (colon > 0 && colon < key.length() - 1)
				? new ThreadRef(key.substring(0, colon), key.substring(colon + 1)) : null;
	}

	private static String channelOf(String metadata) {
		if (metadata == null) {
			return null;
		}
		String rest = metadata.startsWith(DIRECT) ? metadata.substring(DIRECT.length()) : metadata;
		int colon = rest.indexOf(':');
		return (colon < 0) ? rest : rest.substring(0, colon);
	}

	/** The clicker's partner, when the draft is that partner's. */
	private Optional<Partner> ownDraft(SlackIdentity identity, String key) {
		Requester requester = requesters.identify(identity);
		Optional<UUID> owner = (thread(key) != null) ? drafts.owner(thread(key)) : Optional.empty();
		return requester.partner().filter(p -> owner.isPresent() && owner.get().equals(p.id()));
	}

	private static DealDraft fromForm(Map<String, Map<String, ViewState.Value>> values, Map<String, String> errors) {
		String name = text(values, "customer_name");
		String domain = text(values, "customer_domain");
		ViewState.Value productsValue = value(values, "products");
		List<String> products = (productsValue != null && productsValue.getSelectedOptions() != null)
				? productsValue.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList()
				: List.of();
		BigDecimal amount = null;
		String amountText = text(values, "amount");
		if (amountText != null) {
			try {
				amount = new BigDecimal(amountText.replace(",", "").replace(" ", ""));
			}
			catch (NumberFormatException ex) {
				errors.put("amount", "Enter a number, e.g. 120000");
			}
		}
		ViewState.Value currencyValue = value(values, "currency");
		String currency = (currencyValue != null && currencyValue.getSelectedOption() != null)
				? currencyValue.getSelectedOption().getValue() : null;
		ViewState.Value dateValue = value(values, "close_date");
		LocalDate close = null;
		if (dateValue != null && dateValue.getSelectedDate() != null) {
			try {
				close = LocalDate.parse(dateValue.getSelectedDate());
			}
			catch (DateTimeParseException ex) {
				errors.put("close_date", "Pick a date");
			}
		}
		Integer seats = null;
		String seatsText = text(values, "seats");
		if (seatsText != null) {
			try {
				seats = Integer.valueOf(seatsText.replace(",", "").strip());
			}
			catch (NumberFormatException ex) {
				errors.put("seats", "Enter a whole number, e.g. 40");
			}
		}
		return new DealDraft(name, domain, products, amount, currency, close, List.of(), seats,
				text(values, "customer_contact"), text(values, "sales_rep"));
	}

	private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
		Map<String, ViewState.Value> inBlock = (values != null) ? values.get(block) : null;
		return (inBlock != null) ? inBlock.get("value") : null;
	}

	private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
		ViewState.Value value = value(values, block);
		return (value != null && value.getValue() != null && !value.getValue().isBlank()) ? value.getValue().strip()
				: null;
	}

}
