package com.partnerbot.slack.mdf;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.slack.api.bolt.App;

import com.partnerbot.slack.people.SlackClicks;
import com.partnerbot.mdf.MdfDraft;
import com.partnerbot.mdf.MdfDrafts;
import com.partnerbot.mdf.MdfManagement;
import com.partnerbot.mdf.Quote;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.platform.ApiError;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.FormValues;
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
 * MDF requests in a conversation: a partner asks for funds in plain words, the bot asks
 * in the thread only for what is missing, shows what the program would reimburse on a
 * card with Submit and Edit, and submits it; Edit (and {@code /partner mdf request} with
 * no text) opens the form.
 */
@Component
@RequiredArgsConstructor
public class MdfIntake implements SlackFeature {

	// asking for funds ("we'd like MDF for a webinar"), not asking about them ("can I use
	// MDF for a webinar?"), which the library answers
	private static final Pattern INTENT = Pattern.compile(
			"^(?![^?]*\\?\\s*$).*(\\b(we'?d like|we would like|we want|we need|request(ing)?|apply(ing)? for|asking for)\\b"
					+ "[^?]*\\b(mdf|market development funds?)\\b|\\bmdf request\\b)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	// an amount asked for an activity without naming MDF ("I want 3000 for a webinar",
	// "can we get $2k for the trade show?"): an activity must be named too
	private static final Pattern AMOUNT_FOR = Pattern.compile("\\b((i|we)('d| would)? (like|want|need)|asking for"
			+ "|(can|could|may) (we|i) (get|have|request))\\s+(\\$|usd ?)?(\\d{1,3}(,\\d{3})+|\\d{3,}|\\d+(\\.\\d+)? ?k)\\b"
			+ "[^?.]*\\bfor\\b", Pattern.CASE_INSENSITIVE);

	private final MdfDrafts drafts;

	private final MdfManagement mdf;

	private final SlackRequesters requesters;

	private final SlackReplies replies;

	private final SlackApi api;

	private final SlackWork work;

	private final SlackThreads threads;

	private final SlackClicks clicks;

	/** Whether a message asks for MDF. */
	public boolean asksForFunds(String text) {
		return INTENT.matcher(text).find() || (AMOUNT_FOR.matcher(text).find() && drafts.namesAnActivity(text));
	}

	/** Whether the conversation holds an MDF draft. */
	public boolean drafting(String conversationKey) {
		return drafts.find(conversationKey).isPresent();
	}

	/** Adds a message to the thread's draft and says what comes next. */
	public Messages.Reply describe(Requester requester, String text, String conversationKey) {
		Optional<Partner> partner = requester.partner();
		if (partner.isEmpty()) {
			return Messages.Reply.plain("MDF belongs to a partner: ask in the partner's shared channel.");
		}
		MdfDraft draft = drafts.describe(conversationKey, partner.get().id(), requester.userId(), text);
		List<String> missing = draft.missing();
		if (!missing.isEmpty()) {
			return MdfBlocks.questions(draft, missing);
		}
		return card(partner.get(), conversationKey, draft);
	}

	private Messages.Reply card(Partner partner, String key, MdfDraft draft) {
		Quote quote = mdf.quote(draft.toRequest(partner.id()));
		return MdfBlocks.card(key, draft, quote, mdf.rules(), partner.tier().label());
	}

	@Override
	public void register(App app) {
		clicks.onClick(app, MdfBlocks.SUBMIT, "mdf submit",
				click -> submit(click.identity(), click.value(), click.messageTs()));
		// the form opens before the acknowledgement, while the trigger is fresh
		clicks.onClickBeforeAck(app, MdfBlocks.EDIT,
				click -> ownDraft(click.identity(), click.value()).flatMap(p -> drafts.find(click.value()))
					.ifPresent(draft -> openForm(click.triggerId(), draft, click.value())));
		app.viewSubmission(MdfBlocks.FORM, (req, ctx) -> {
			String metadata = req.getPayload().getView().getPrivateMetadata();
			SlackIdentity submitted = requesters.identity(CurrentDelivery.require(), ctx);
			// the form's metadata is its conversation: "channel:thread", or "channel:"
			// when
			// it was opened straight from the command
			SlackIdentity identity = new SlackIdentity(submitted.userId(), submitted.userTeamId(),
					metadata.substring(0, Math.max(metadata.indexOf(':'), 0)), submitted.installedTeamId());
			Requester requester = requesters.identify(identity);
			Optional<Partner> partner = requester.partner();
			if (partner.isEmpty() || requester instanceof Requester.Stranger) {
				return ctx.ackWithErrors(Map.of("activity", "Only people of a registered partner can request MDF."));
			}
			Map<String, String> errors = new LinkedHashMap<>();
			MdfDraft draft = fromForm(new FormValues(req.getPayload().getView().getState().getValues()), errors);
			for (ApiError.FieldError error : mdf.quote(draft.toRequest(partner.get().id())).breaches()) {
				errors.putIfAbsent(MdfBlocks.FIELD_BLOCKS.getOrDefault(error.field(), "activity"), error.message());
			}
			if (!errors.isEmpty()) {
				// Slack keeps what was typed and shows each message under its field
				return ctx.ackWithErrors(errors);
			}
			work.submit("mdf form", () -> afterForm(identity, partner.get(), draft, metadata));
			return ctx.ack();
		});
	}

	/**
	 * {@code /partner mdf request [text]}: with text, a draft in a new thread; without,
	 * the form (opened before the acknowledgement, while the trigger is fresh).
	 */
	public void command(Requester requester, String text, String channel, String user, String triggerId) {
		if (requester.partner().isEmpty()) {
			replies.privately(channel, user, Messages.Reply
				.plain("MDF belongs to a partner: use `/partner mdf request` in the partner's shared channel."));
			return;
		}
		if (!requesters.privateTo(requester, channel)) {
			replies.privately(channel, user, Messages.Reply
				.plain("MDF is private to your company: ask me in your own shared channel or in a direct message."));
			return;
		}
		if (text.isBlank()) {
			openForm(triggerId, MdfDraft.empty(), channel + ":");
			return;
		}
		Optional<String> ts = replies.post(channel, null,
				Messages.Reply.plain("<@" + user + "> is requesting MDF: " + Messages.escape(text)));
		if (ts.isEmpty()) {
			replies.privately(channel, user, Messages.Reply
				.plain("I can't post in this channel; invite me to it, or send me the request in a direct message."));
			return;
		}
		String key = channel + ":" + ts.get();
		threads.remember(channel, ts.get(), requester.partner().get().id(), user);
		replies.post(channel, ts.get(), describe(requester, text, key));
	}

	private void submit(SlackIdentity identity, String key, String cardTs) {
		Optional<Partner> partner = ownDraft(identity, key);
		Optional<MdfDraft> draft = partner.flatMap(p -> drafts.find(key));
		if (draft.isEmpty()) {
			replies.privately(identity.channelId(), identity.userId(),
					Messages.Reply.plain("This MDF draft is gone (submitted already, or not your company's)."));
			return;
		}
		String thread = key.substring(key.indexOf(':') + 1);
		try {
			MdfManagement.Submission submission = mdf.submit(draft.get().toRequest(partner.get().id()),
					identity.userId(), key);
			drafts.discard(key);
			replies.update(identity.channelId(), cardTs,
					Messages.Reply.plain(MdfBlocks.submitted(submission.request(), mdf)));
		}
		catch (InvalidInputException ex) {
			// the balance or the day moved since the card: the draft stays
			replies.post(identity.channelId(), thread,
					Messages.Reply.plain(":warning: I couldn't submit it yet: " + MdfBlocks.errors(ex.errors())
							+ ". Reply with the correction or press *Edit*; the rest of the draft is kept."));
		}
	}

	private void afterForm(SlackIdentity identity, Partner partner, MdfDraft draft, String metadata) {
		String channel = metadata.substring(0, metadata.indexOf(':'));
		if (metadata.endsWith(":")) {
			Optional<String> ts = replies.post(channel, null,
					Messages.Reply.plain("<@" + identity.userId() + "> is requesting MDF."));
			String key = channel + ":" + ts.orElse(UUID.randomUUID().toString());
			ts.ifPresent(t -> threads.remember(channel, t, partner.id(), identity.userId()));
			drafts.replace(key, partner.id(), identity.userId(), draft);
			Messages.Reply card = card(partner, key, draft);
			if (ts.isPresent()) {
				replies.post(channel, ts.get(), card);
			}
			else {
				replies.privately(channel, identity.userId(), card);
			}
			return;
		}
		// from a thread's Edit: the corrected draft gets a fresh card in the thread
		drafts.replace(metadata, partner.id(), identity.userId(), draft);
		replies.post(channel, metadata.substring(metadata.indexOf(':') + 1), card(partner, metadata, draft));
	}

	private void openForm(String triggerId, MdfDraft draft, String metadata) {
		api.openView(triggerId, MdfBlocks.form(draft, mdf.rules(), metadata));
	}

	/** The clicker's partner, when the draft is that partner's. */
	private Optional<Partner> ownDraft(SlackIdentity identity, String key) {
		Optional<UUID> owner = drafts.owner(key);
		return requesters.identify(identity).partner().filter(p -> owner.isPresent() && owner.get().equals(p.id()));
	}

	private static MdfDraft fromForm(FormValues form, Map<String, String> errors) {
		return new MdfDraft(form.selected("activity"), form.text("description"), money(form, "cost", errors),
				money(form, "amount", errors), form.date("starts_on"), form.date("ends_on"),
				whole(form, "attendees", errors));
	}

	private static BigDecimal money(FormValues form, String block, Map<String, String> errors) {
		String text = form.text(block);
		try {
			return (text == null) ? null : new BigDecimal(text.replace(",", "").replace("$", "").strip());
		}
		catch (NumberFormatException ex) {
			errors.put(block, "Enter a number, e.g. 6000");
			return null;
		}
	}

	private static Integer whole(FormValues form, String block, Map<String, String> errors) {
		String text = form.text(block);
		try {
			return (text == null) ? null : Integer.valueOf(text.replace(",", "").strip());
		}
		catch (NumberFormatException ex) {
			errors.put(block, "Enter a whole number, e.g. 40");
			return null;
		}
	}

}
