package com.partnerbot.slack.deals;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealRegistrations;
import com.partnerbot.deals.ThreadRef;
import com.partnerbot.partners.Requester;
import com.partnerbot.platform.ApiError;
import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.platform.NotFoundException;
import com.partnerbot.slack.bolt.Messages;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Questions about a registration by its reference, in plain words: "why was DR-X
 * rejected?", "when does DR-X's protection end?", "extend DR-X". A partner's person hears
 * only of the partner's own registrations; another partner's reference gets the same
 * answer as one that does not exist.
 */
@Component
@RequiredArgsConstructor
public class DealQuestions {

	private static final Pattern REFERENCE = Pattern.compile("\\bDR-([2-9A-HJ-NP-Z]{6})\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern EXTEND = Pattern.compile("\\b(?:extend|extension|more time)\\b",
			Pattern.CASE_INSENSITIVE);

	// what looks meant as a reference but is not one ("DR-1001", "dr-7K3Q9"): asked
	// about, it gets what a reference looks like rather than the library's "I don't know"
	private static final Pattern LOOKS_LIKE_REFERENCE = Pattern.compile("\\bDR-(?=[0-9A-Z]*\\d)[0-9A-Z]{2,10}\\b",
			Pattern.CASE_INSENSITIVE);

	// the partner's registrations as a list ("show my deals", "what's the status of our
	// registrations?"), not a question about registering ("what happens to our
	// registrations when we change tier?")
	private static final Pattern LIST = Pattern.compile(
			"^\\W*(?:(?:please\\s+)?(?:show|list|see|view|check|give)"
					+ "(?:\\s+(?:me|us))?(?:\\s+all)?\\s+(?:of\\s+)?|(?:what['’]?s|what\\s+is|where\\s+is|how\\s+are)"
					+ "\\s+(?:the\\s+)?(?:status\\s+of\\s+)?|status\\s+of\\s+)?(?:my|our)\\s+(?:deals?|(?:deal\\s+)?"
					+ "registrations?|registered\\s+deals|opportunities)(?:\\s+(?:status|stand(?:ing)?|doing))?\\W*$",
			Pattern.CASE_INSENSITIVE);

	// the same asked for ("can I see the deals we registered last month?", "which deals
	// have we registered this year?"): the list has every registration with its dates
	private static final Pattern ASKED_FOR_LIST = Pattern.compile("^\\W*(?:(?:(?:can|could|may)\\s+(?:i|we)"
			+ "\\s+(?:please\\s+)?(?:see|view|get|have|check)|(?:please\\s+)?(?:show|list)(?:\\s+(?:me|us))?)"
			+ "\\s+(?:a\\s+list\\s+of\\s+)?(?:all\\s+)?(?:of\\s+)?(?:my|our|the)\\s+(?:deals?|registrations?|opportunities)"
			+ "(?:\\s+(?:that\\s+)?(?:we|i)(?:['’]ve|\\s+have)?\\s+(?:registered|submitted))?"
			+ "|(?:which|what)\\s+deals\\s+(?:have|did)\\s+(?:we|i)\\s+register(?:ed)?)"
			+ "(?:\\s+(?:so\\s+far|(?:this|last)\\s+(?:week|month|quarter|year)))?\\W*$", Pattern.CASE_INSENSITIVE);

	// registrations waiting for a decision ("which deals are waiting for a decision?",
	// "pending registrations", "what needs my attention?"): for staff the queue, for a
	// partner's person its own registrations
	private static final Pattern QUEUE = Pattern.compile("\\b(?:(?:which|what|any)\\b.{0,30}\\b(?:deals?|registrations?"
			+ "|conflicts?)\\b.{0,30}\\b(?:waiting|pending|to (?:approve|decide|review)|need(?:s|ing)? (?:a )?decision"
			+ "|undecided|overdue)|(?:pending|undecided|overdue|open) (?:deals|registrations|conflicts)"
			+ "|deal queue|what needs my attention|my (?:queue|to-?do))\\b", Pattern.CASE_INSENSITIVE);

	// how registrations work ("what happens if my registration is pending for a week?"):
	// the library's to answer
	private static final Pattern HOW_IT_WORKS = Pattern.compile("\\b(?:happens?|if|when|why|how long|how do)\\b",
			Pattern.CASE_INSENSITIVE);

	// a registration meant by the thread it was registered in ("what's the status of this
	// registration?" under its card)
	private static final Pattern THIS = Pattern.compile("\\bthis\\s+(?:deal|registration|reg|opportunity)\\b",
			Pattern.CASE_INSENSITIVE);

	private final DealRegistrations registrations;

	private final DealStanding standing;

	private final DealHome home;

	/**
	 * Whether a message asks about a registration by its reference (or by what looks
	 * meant as one), or for the partner's registrations.
	 */
	public boolean wants(String text) {
		return REFERENCE.matcher(text).find() || LOOKS_LIKE_REFERENCE.matcher(text).find() || lists(text)
				|| THIS.matcher(text).find();
	}

	private static boolean lists(String text) {
		return LIST.matcher(text.strip()).matches() || ASKED_FOR_LIST.matcher(text.strip()).matches()
				|| (QUEUE.matcher(text).find() && !HOW_IT_WORKS.matcher(text).find());
	}

	/**
	 * The answer about the registration named by its reference, or meant as the one of
	 * the conversation it is asked in.
	 */
	public Messages.Reply answer(Requester requester, String text, String conversationKey) {
		Matcher m = REFERENCE.matcher(text);
		if (!m.find()) {
			if (lists(text)) {
				return home.deals(requester);
			}
			List<Deal> here = THIS.matcher(text).find() ? registeredIn(requester, conversationKey) : List.of();
			if (here.size() == 1) {
				return about(requester, here.get(0), text);
			}
			if (!here.isEmpty()) {
				// a registration split by its products: each part has its own standing
				return Messages.Reply.plain(String.join("\n", here.stream().map(standing::status).toList()));
			}
			Matcher meant = LOOKS_LIKE_REFERENCE.matcher(text);
			return Messages.Reply.plain((meant.find() ? "“" + meant.group() + "” is not a registration reference: "
					: "Which registration? ") + "a reference is DR- and six letters or digits, e.g. DR-7K3Q9A. "
					+ "`/partner deals` lists yours.");
		}
		String reference = "DR-" + m.group(1).toUpperCase(java.util.Locale.ROOT);
		// a staff member in a partner's channel is answered about that partner only
		Optional<Deal> found = requester.partner()
			.map(p -> registrations.ofPartner(reference, p.id()))
			.orElseGet(() -> (requester instanceof Requester.Staff) ? registrations.byReference(reference)
					: Optional.empty());
		if (found.isEmpty()) {
			return Messages.Reply.plain("I don't know a registration " + reference
					+ " of yours. `/partner deals` lists your registrations.");
		}
		return about(requester, found.get(), text);
	}

	/** The partner's registrations made in this conversation; none for anyone else. */
	private List<Deal> registeredIn(Requester requester, String conversationKey) {
		int colon = (conversationKey != null) ? conversationKey.indexOf(':') : -1;
		if (colon < 0 || requester.partner().isEmpty()) {
			return List.of();
		}
		ThreadRef thread = new ThreadRef(conversationKey.substring(0, colon), conversationKey.substring(colon + 1));
		return registrations.forPartner(requester.partner().get().id())
			.stream()
			.filter(deal -> thread.equals(deal.thread()))
			.toList();
	}

	private Messages.Reply about(Requester requester, Deal deal, String text) {
		if (EXTEND.matcher(text).find() && requester instanceof Requester.PartnerPerson person) {
			try {
				Deal extended = registrations.extend(deal.id(), person.own().id(), person.userId());
				return Messages.Reply.plain(":white_check_mark: *" + extended.reference() + "* is now protected until *"
						+ extended.protectedUntil() + "*.");
			}
			catch (InvalidInputException ex) {
				// the rule's words, not the API's field names
				return Messages.Reply.plain(":warning: "
						+ String.join("; ", ex.errors().stream().map(ApiError.FieldError::message).toList()) + ".");
			}
			catch (NotFoundException ex) {
				return Messages.Reply.plain(":warning: " + ex.getMessage());
			}
		}
		String status = standing.status(deal);
		if (registrations.extensible(deal) && requester instanceof Requester.PartnerPerson) {
			return new Messages.Reply(status.replace("*", ""),
					List.of(section(s -> s.text(markdownText(status))),
							actions(a -> a.elements(List.of(button(b -> b.actionId(DealBlocks.EXTEND)
								.value(deal.id().toString())
								.text(plainText("Request an extension"))))))));
		}
		return Messages.Reply.plain(status);
	}

}
