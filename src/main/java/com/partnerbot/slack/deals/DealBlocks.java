package com.partnerbot.slack.deals;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.view.View;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealConflict;
import com.partnerbot.deals.DealDraft;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.deals.PartnerRole;
import com.partnerbot.slack.bolt.Messages;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * Deal registration as Block Kit: the questions, the confirmation card, the form, the
 * card channel managers decide on.
 */
public final class DealBlocks {

	static final String SUBMIT = "deal_submit";

	static final String EDIT = "deal_edit";

	static final String CANCEL = "deal_cancel";

	static final String FORM = "deal_form";

	public static final String APPROVE = "deal_approve";

	static final String REJECT = "deal_reject";

	static final String CO_SELL = "deal_co_sell";

	static final String EXTEND = "deal_extend";

	static final String REJECT_FORM = "deal_reject_form";

	static final String BY_PRODUCT = "deal_by_product";

	static final String BY_PRODUCT_FORM = "deal_by_product_form";

	/** The form's block of a product's decision. */
	static final String PRODUCT_BLOCK = "product:";

	/** The form's choice that leaves a product waiting. */
	static final String WAIT = "WAIT";

	/** The form's blocks, by the draft field each one edits. */
	static final Map<String, String> FIELD_BLOCKS = Map.of("customerName", "customer_name", "customerDomain",
			"customer_domain", "products", "products", "amount", "amount", "currency", "currency", "expectedCloseDate",
			"close_date", "seats", "seats", "customerContact", "customer_contact", "salesRep", "sales_rep");

	private static final Map<String, String> LABELS = Map.of("customerName", "the customer's company name",
			"customerDomain", "the customer's web domain (e.g. initech.com)", "products", "the products", "amount",
			"the expected deal value", "currency", "the currency", "expectedCloseDate", "the expected close date",
			"customerContact", "the customer's contact (name, title, e-mail)", "salesRep",
			"your sales rep (\"me\" if it is you)", "role",
			"whether you sourced this opportunity or are influencing one that our team or another partner found",
			"coSellPartners", "which other partners sell it with you (their names, or \"none\")");

	private DealBlocks() {
	}

	/** Asks in the thread for what is still missing, and says what it could not read. */
	static Messages.Reply questions(DealDraft draft, List<String> missing) {
		List<String> lines = new ArrayList<>();
		draft.problems().forEach(problem -> lines.add(":warning: " + problem));
		List<String> wanted = missing.stream().map(LABELS::get).toList();
		lines.add("To register this deal I still need " + join(wanted) + ". Reply here in the thread"
				+ (missing.size() > 1 ? ", all at once or one by one." : "."));
		if (draft.customerName() != null || draft.customerDomain() != null || !draft.products().isEmpty()) {
			lines.add("_So far:_ " + summary(draft));
		}
		return Messages.Reply.plain(String.join("\n", lines));
	}

	/**
	 * The card to submit from: the draft, what it conflicts with, the rules it breaks,
	 * and {@code notes} such as when protection would end.
	 */
	static Messages.Reply confirmation(String conversationKey, DealDraft draft, List<DealConflict> conflicts,
			boolean rejectedAtOnce, List<String> breaches, List<String> notes) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header(h -> h.text(plainText("Register this deal?"))));
		blocks.add(section(s -> s.fields(fields(draft))));
		draft.problems()
			.forEach(problem -> blocks.add(context(c -> c.elements(List.of(markdownText(":warning: " + problem))))));
		if (!conflicts.isEmpty()) {
			String text = ":rotating_light: *Possible conflict:* "
					+ String.join("; ", conflicts.stream().map(DealConflict::forPartner).toList())
					+ (rejectedAtOnce
							? ". Named accounts cannot be deal-registered: a registration is rejected at once; "
									+ "submit a co-sell request instead."
							: ". You can still submit: a channel manager will decide.");
			blocks.add(section(s -> s.text(markdownText(text))));
		}
		if (!breaches.isEmpty()) {
			String text = ":warning: *Against the rules of engagement:* " + String.join("; ", breaches)
					+ ". You can still submit, but it will not be approved on its own: a channel manager decides.";
			blocks.add(section(s -> s.text(markdownText(text))));
		}
		notes.forEach(note -> blocks.add(context(c -> c.elements(List.of(markdownText(note))))));
		blocks.add(actions(a -> a.blockId("deal:" + conversationKey)
			.elements(List.of(
					button(b -> b.actionId(SUBMIT).style("primary").value(conversationKey).text(plainText("Submit"))),
					button(b -> b.actionId(EDIT).value(conversationKey).text(plainText("Edit"))),
					button(b -> b.actionId(CANCEL).value(conversationKey).text(plainText("Cancel")))))));
		return new Messages.Reply("Register this deal? " + summary(draft), blocks);
	}

	/**
	 * The registration as submitted, for everyone in the partner's conversation: its
	 * outcome, and for a split one both parts. {@code due} is when a decision is
	 * promised.
	 */
	static Messages.Reply registered(Deal deal, List<DealConflict> conflicts, List<String> breaches,
			java.util.Optional<Deal> approvedPart, LocalDate due) {
		List<String> lines = new ArrayList<>();
		approvedPart.ifPresent(
				part -> lines.add(":white_check_mark: *" + part.reference() + "* (" + String.join(", ", part.products())
						+ ") is registered and approved: you are protected until *" + part.protectedUntil() + "*."));
		String products = approvedPart.isPresent() ? " (" + String.join(", ", deal.products()) + ")" : "";
		String waits = "* is registered and waits for a channel manager";
		String by = (due != null) ? "; a decision is due by *" + due + "*" : "";
		lines.add(switch (deal.status()) {
			case APPROVED -> ":white_check_mark: *" + deal.reference()
					+ "* is registered and approved: you are protected until *" + deal.protectedUntil() + "*.";
			case REJECTED -> ":x: *" + deal.reference() + "* was rejected: "
					+ Messages.escape(String.valueOf(deal.decisionNote())) + ".";
			case CONFLICT -> ":hourglass_flowing_sand: *" + deal.reference() + products + waits + ", because "
					+ String.join("; ", conflicts.stream().map(DealConflict::forPartner).toList()) + by + ".";
			default -> ":hourglass_flowing_sand: *" + deal.reference() + products + waits
					+ (breaches.isEmpty() ? "'s approval" : ", because " + String.join("; ", breaches)) + by + ".";
		});
		String outcome = String.join("\n", lines);
		return new Messages.Reply(outcome.replace("*", ""), List.of(section(s -> s.text(markdownText(outcome))),
				context(c -> c.elements(List.of(markdownText(summary(deal)))))));
	}

	/** The form a channel manager gives a rejection's reason in. */
	static View rejectForm(Deal deal, String metadata) {
		return view(
				v -> v.type("modal")
					.callbackId(REJECT_FORM)
					.privateMetadata(metadata)
					.title(viewTitle(t -> t.type("plain_text").text("Reject " + deal.reference())))
					.submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
					.close(viewClose(c -> c.type("plain_text").text("Cancel")))
					.blocks(List.of(section(s -> s.text(markdownText(summary(deal)))), input(i -> i.blockId("reason")
						.label(plainText("Reason (the partner is told)"))
						.hint(plainText("e.g. an earlier registration of another partner covers Secure Gateway"))
						.element(plainTextInput(t -> t.actionId("value").multiline(true).maxLength(1000)))))));
	}

	static String summary(DealDraft draft) {
		List<String> parts = new ArrayList<>();
		if (draft.customerName() != null) {
			parts.add(Messages.escape(draft.customerName())
					+ (draft.customerDomain() != null ? " (" + Messages.escape(draft.customerDomain()) + ")" : ""));
		}
		else if (draft.customerDomain() != null) {
			parts.add(Messages.escape(draft.customerDomain()));
		}
		if (!draft.products().isEmpty()) {
			parts.add(Messages.escape(String.join(", ", draft.products())));
		}
		if (draft.amount() != null) {
			parts.add(money(draft.amount(), draft.currency()));
		}
		if (draft.seats() != null) {
			parts.add(draft.seats() + " seats");
		}
		if (draft.expectedCloseDate() != null) {
			parts.add("closing " + draft.expectedCloseDate());
		}
		if (draft.customerContact() != null) {
			parts.add("contact " + Messages.escape(draft.customerContact()));
		}
		if (draft.salesRep() != null) {
			parts.add("rep " + person(draft.salesRep()));
		}
		return String.join(" · ", parts);
	}

	public static String summary(Deal deal) {
		// a registration written by another system may lack the domain the product asks
		// for
		return Messages.escape(deal.customerName())
				+ (deal.customerDomain() != null ? " (" + Messages.escape(deal.customerDomain()) + ")" : "") + " · "
				+ String.join(", ", deal.products()) + (deal.seats() != null ? " · " + deal.seats() + " seats" : "")
				+ " · " + money(deal.amount(), deal.currency()) + " · closing " + deal.expectedCloseDate();
	}

	/** A Slack user id as a mention, a name as written. */
	static String person(String who) {
		return who.matches("[UW][A-Z0-9]{2,}") ? "<@" + who + ">" : Messages.escape(who);
	}

	private static List<TextObject> fields(DealDraft draft) {
		List<TextObject> fields = new ArrayList<>(
				List.of(markdownText("*Customer*\n" + Messages.escape(String.valueOf(draft.customerName()))),
						markdownText("*Domain*\n" + Messages.escape(String.valueOf(draft.customerDomain()))),
						markdownText("*Products*\n" + Messages.escape(String.join(", ", draft.products()))
								+ (draft.seats() != null ? " · " + draft.seats() + " seats" : "")),
						markdownText("*Amount*\n" + money(draft.amount(), draft.currency())),
						markdownText("*Expected close*\n" + draft.expectedCloseDate())));
		if (draft.customerContact() != null) {
			fields.add(markdownText("*Customer contact*\n" + Messages.escape(draft.customerContact())));
		}
		if (draft.salesRep() != null) {
			fields.add(markdownText("*Your sales rep*\n" + person(draft.salesRep())));
		}
		if (draft.role() != null || draft.coSellers() != null) {
			fields
				.add(markdownText("*Your part*\n" + (draft.role() == PartnerRole.INFLUENCED ? "Influenced" : "Sourced")
						+ (draft.coSellers() == null || draft.coSellers().isEmpty() ? ""
								: ", co-selling with " + Messages.escape(String.join(", ", draft.coSellers())))));
		}
		return fields;
	}

	static String money(BigDecimal amount, String currency) {
		if (amount == null) {
			return "?";
		}
		NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
		format.setMaximumFractionDigits(2);
		return format.format(amount) + " " + (currency != null ? currency : "(currency?)");
	}

	/** The form, pre-filled from the draft; {@code metadata} says where it came from. */
	static View form(DealDraft draft, List<String> catalogue, List<String> currencies, String metadata) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(input(i -> i.blockId("customer_name")
			.label(plainText("Customer"))
			.element(plainTextInput(t -> t.actionId("value").initialValue(draft.customerName()).maxLength(200)))));
		blocks.add(input(i -> i.blockId("customer_domain")
			.label(plainText("Customer domain"))
			.hint(plainText("Their website or e-mail domain, e.g. initech.com"))
			.element(plainTextInput(t -> t.actionId("value").initialValue(draft.customerDomain())))));
		List<OptionObject> productOptions = catalogue.stream().map(p -> option(plainText(p), p)).toList();
		List<OptionObject> chosen = productOptions.stream()
			.filter(o -> draft.products().contains(o.getValue()))
			.toList();
		blocks.add(input(i -> i.blockId("products")
			.label(plainText("Products"))
			.element(multiStaticSelect(m -> m.actionId("value")
				.options(productOptions)
				.initialOptions(chosen.isEmpty() ? null : chosen)))));
		blocks.add(input(i -> i.blockId("amount")
			.label(plainText("Expected deal value"))
			.hint(plainText("A number, e.g. 120000"))
			.element(plainTextInput(t -> t.actionId("value")
				.initialValue(draft.amount() != null ? draft.amount().toPlainString() : null)))));
		List<OptionObject> currencyOptions = currencies.stream().map(c -> option(plainText(c), c)).toList();
		OptionObject currency = currencyOptions.stream()
			.filter(o -> o.getValue().equals(draft.currency()))
			.findFirst()
			.orElse(null);
		blocks.add(input(i -> i.blockId("currency")
			.label(plainText("Currency"))
			.element(staticSelect(s -> s.actionId("value").options(currencyOptions).initialOption(currency)))));
		LocalDate close = draft.expectedCloseDate();
		blocks.add(input(i -> i.blockId("close_date")
			.label(plainText("Expected close date"))
			.element(datePicker(d -> d.actionId("value").initialDate(close != null ? close.toString() : null)))));
		blocks.add(input(i -> i.blockId("seats")
			.label(plainText("Seats"))
			.optional(true)
			.element(plainTextInput(
					t -> t.actionId("value").initialValue(draft.seats() != null ? draft.seats().toString() : null)))));
		blocks.add(input(i -> i.blockId("customer_contact")
			.label(plainText("Customer contact"))
			.hint(plainText("Name, title and e-mail of the customer's contact"))
			.element(plainTextInput(t -> t.actionId("value").initialValue(draft.customerContact()).maxLength(300)))));
		blocks.add(input(i -> i.blockId("sales_rep")
			.label(plainText("Your sales rep"))
			.element(plainTextInput(t -> t.actionId("value").initialValue(draft.salesRep()).maxLength(300)))));
		return Messages.form(FORM, metadata, "Register a deal", "Register", blocks);
	}

	/**
	 * The card channel managers decide on: the registration, what it matches, the clock.
	 */
	static Messages.Reply managerCard(Deal deal, String partnerName, List<Evidence> evidence, LocalDate due) {
		List<LayoutBlock> blocks = new ArrayList<>();
		// a rule of engagement broken, or an amount to check, is no conflict with anyone
		String title = (deal.status() == DealStatus.CONFLICT) ? "Deal registration conflict"
				: "Deal registration awaiting approval";
		blocks.add(header(h -> h.text(plainText(title))));
		blocks.add(section(s -> s.text(markdownText("*" + deal.reference() + "* from *" + Messages.escape(partnerName)
				+ "*\n" + summary(deal) + people(deal) + "\nRegistered "
				+ deal.createdAt().toString().substring(0, 16).replace('T', ' ') + " UTC · decision due by *" + due
				+ "*"))));
		for (Evidence e : evidence) {
			blocks.add(divider());
			blocks.add(section(s -> s
				.text(markdownText("*Matches:* " + e.description() + "\n_Why:_ " + Messages.escape(e.reasons())))));
		}
		blocks.add(decisionButtons(deal));
		return new Messages.Reply(title + ": " + deal.reference() + " from " + partnerName, blocks);
	}

	/**
	 * Approve, reject, co-sell, and for a registration of several products a decision per
	 * product.
	 */
	static LayoutBlock decisionButtons(Deal deal) {
		String id = deal.id().toString();
		List<BlockElement> buttons = new ArrayList<>(
				List.of(button(b -> b.actionId(APPROVE).style("primary").value(id).text(plainText("Approve"))),
						button(b -> b.actionId(REJECT).style("danger").value(id).text(plainText("Reject"))),
						button(b -> b.actionId(CO_SELL).value(id).text(plainText("Co-sell")))));
		if (deal.products().size() > 1) {
			buttons.add(button(b -> b.actionId(BY_PRODUCT).value(id).text(plainText("Decide per product"))));
		}
		return actions(a -> a.blockId("decide:" + id).elements(buttons));
	}

	/**
	 * The form a channel manager decides each product of a registration in, with the
	 * reason a rejection needs.
	 */
	static View productForm(Deal deal, String metadata) {
		List<OptionObject> choices = List.of(option(plainText("Leave waiting"), WAIT),
				option(plainText("Approve"), DealStatus.APPROVED.name()),
				option(plainText("Reject"), DealStatus.REJECTED.name()),
				option(plainText("Co-sell"), DealStatus.CO_SELL.name()));
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section(s -> s.text(markdownText(summary(deal)))));
		for (String product : deal.products()) {
			blocks.add(input(i -> i.blockId(PRODUCT_BLOCK + product)
				.label(plainText(product))
				.element(staticSelect(e -> e.actionId("value").options(choices).initialOption(choices.get(0))))));
		}
		blocks.add(input(i -> i.blockId("reason")
			.label(plainText("Reason for a rejection (the partner is told)"))
			.optional(true)
			.element(plainTextInput(t -> t.actionId("value").multiline(true).maxLength(1000)))));
		return Messages.form(BY_PRODUCT_FORM, metadata, "Decide " + deal.reference(), "Decide", blocks);
	}

	private static String people(Deal deal) {
		return (deal.customerContact() != null ? "\nContact: " + Messages.escape(deal.customerContact()) : "")
				+ (deal.salesRep() != null ? "\nPartner's rep: " + person(deal.salesRep()) : "");
	}

	/** What a conflicting registration or account is, for managers' eyes only. */
	record Evidence(String description, String reasons) {
	}

	private static String join(List<String> items) {
		if (items.size() <= 1) {
			return String.join("", items);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
	}

}
