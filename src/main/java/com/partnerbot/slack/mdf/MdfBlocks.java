package com.partnerbot.slack.mdf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;

import com.partnerbot.mdf.Balance;
import com.partnerbot.mdf.MdfClaim;
import com.partnerbot.mdf.MdfDraft;
import com.partnerbot.mdf.MdfManagement;
import com.partnerbot.mdf.MdfRequest;
import com.partnerbot.mdf.MdfRules;
import com.partnerbot.mdf.Quote;
import com.partnerbot.platform.ApiError;
import com.partnerbot.slack.bolt.Messages;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The MDF screens: questions, the request card, the form, the managers' cards and the
 * balance.
 */
final class MdfBlocks {

	static final String SUBMIT = "mdf_submit";

	static final String EDIT = "mdf_edit";

	static final String FORM = "mdf_form";

	static final String APPROVE = "mdf_approve";

	static final String APPROVE_LOWER = "mdf_approve_lower";

	static final String REJECT = "mdf_reject";

	static final String DECISION_FORM = "mdf_decision_form";

	static final String CLAIM_APPROVE = "mdf_claim_approve";

	static final String CLAIM_MORE = "mdf_claim_more";

	static final String CLAIM_REJECT = "mdf_claim_reject";

	static final String CLAIM_PAID = "mdf_claim_paid";

	/** The form's blocks for each request field, for errors shown under the field. */
	static final Map<String, String> FIELD_BLOCKS = Map.of("activity", "activity", "description", "description", "cost",
			"cost", "amount", "amount", "startsOn", "starts_on", "endsOn", "ends_on", "attendees", "attendees",
			"cateringCost", "cost", "partnerId", "activity", "currency", "amount");

	private static final Map<String, String> ASK = Map.of("activity",
			"the kind of activity (webinar, event, digital campaign, email, telemarketing or content)", "cost",
			"the activity's whole cost, e.g. $6,000", "startsOn", "the day it starts, e.g. 12 March");

	private MdfBlocks() {
	}

	static Messages.Reply questions(MdfDraft draft, List<String> missing) {
		List<String> asks = missing.stream().map(ASK::get).toList();
		String known = summary(draft);
		return Messages.Reply.plain((known.isEmpty() ? "" : "So far: " + known + ".\n") + "To request MDF I still need "
				+ String.join(", ", asks) + ". Reply here, or press Edit on the card later.");
	}

	static String summary(MdfDraft draft) {
		List<String> parts = new ArrayList<>();
		if (draft.activity() != null) {
			parts.add(Messages.escape(draft.activity())
					+ (draft.description() != null ? " " + Messages.escape(draft.description()) : ""));
		}
		if (draft.startsOn() != null) {
			parts.add("on " + draft.startsOn() + (draft.endsOn() != null && !draft.endsOn().equals(draft.startsOn())
					? " to " + draft.endsOn() : ""));
		}
		if (draft.cost() != null) {
			parts.add("costing " + grouped(draft.cost()));
		}
		if (draft.amount() != null) {
			parts.add("asking " + grouped(draft.amount()));
		}
		if (draft.attendees() != null) {
			parts.add(draft.attendees() + " attendees expected");
		}
		return String.join(", ", parts);
	}

	/** The card with what the program would reimburse, and Submit when it may be. */
	static Messages.Reply card(String key, MdfDraft draft, Quote quote, MdfRules rules, String tier) {
		StringBuilder text = new StringBuilder("*Request MDF?* " + summary(draft));
		if (quote.maximum() != null) {
			text.append("\nThe program pays ")
				.append(percent(quote.share()))
				.append(" of the eligible cost for a ")
				.append(tier)
				.append(" partner: ")
				.append(rules.money(quote.maximum()))
				.append(" at most.");
		}
		if (quote.acceptable()) {
			text.append("\n:moneybag: It would reimburse *")
				.append(rules.money(quote.reimbursable()))
				.append("*; available now: ")
				.append(rules.money(quote.available()))
				.append('.');
			text.append(quote.needsPreApproval()
					? "\nOver " + rules.money(rules.properties().preApprovalAbove())
							+ ", so a channel manager pre-approves it."
					: "\nNo pre-approval needed: it is approved when you submit.");
			if (quote.claimDue() != null) {
				text.append("\nClaim it with proof by ").append(quote.claimDue()).append('.');
			}
		}
		quote.notes().forEach(n -> text.append("\n:information_source: ").append(n));
		quote.breaches()
			.forEach(b -> text.append("\n:warning: ")
				.append(b.field())
				.append(": ")
				.append(Messages.escape(b.message())));
		if (!quote.acceptable()) {
			text.append("\nReply with the correction, or press Edit; nothing you said is lost.");
		}
		List<com.slack.api.model.block.element.BlockElement> buttons = new ArrayList<>();
		if (quote.acceptable()) {
			buttons.add(button(b -> b.actionId(SUBMIT).value(key).style("primary").text(plainText("Submit"))));
		}
		buttons.add(button(b -> b.actionId(EDIT).value(key).text(plainText("Edit"))));
		return new Messages.Reply(text.toString().replace("*", ""),
				List.of(section(s -> s.text(markdownText(text.toString()))), actions(a -> a.elements(buttons))));
	}

	static String submitted(MdfRequest request, MdfManagement mdf) {
		return switch (request.status()) {
			case APPROVED -> ":white_check_mark: *" + request.reference() + "* is approved for "
					+ mdf.rules().money(request.approvedAmount()) + ". Claim it with proof by " + mdf.claimDue(request)
					+ ".";
			default ->
				":hourglass_flowing_sand: *" + request.reference() + "* for " + mdf.rules().money(request.amount())
						+ " is with a channel manager, who decides by " + mdf.decisionDue(request) + ".";
		};
	}

	static String errors(List<ApiError.FieldError> errors) {
		return String.join("; ", errors.stream().map(e -> e.field() + ": " + Messages.escape(e.message())).toList());
	}

	static View form(MdfDraft draft, MdfRules rules, String metadata) {
		List<OptionObject> activities = rules.properties()
			.activities()
			.entrySet()
			.stream()
			.map(e -> option(plainText(e.getValue().label()), e.getKey()))
			.toList();
		OptionObject chosen = activities.stream()
			.filter(o -> o.getValue().equals(draft.activity()))
			.findFirst()
			.orElse(null);
		List<LayoutBlock> blocks = List.of(
				input(i -> i.blockId("activity")
					.label(plainText("Activity"))
					.element(staticSelect(s -> s.actionId("value").options(activities).initialOption(chosen)))),
				text("description", "What it is", draft.description(), true),
				text("cost", "Whole cost (" + rules.properties().currency() + ")", plain(draft.cost()), false),
				text("amount", "Funds asked for (empty: what the rules pay)", plain(draft.amount()), true),
				date("starts_on", "Starts on", draft.startsOn(), false),
				date("ends_on", "Ends on", draft.endsOn(), true), text("attendees", "Attendees expected",
						draft.attendees() == null ? null : draft.attendees().toString(), true));
		return view(v -> v.type("modal")
			.callbackId(FORM)
			.privateMetadata(metadata)
			.title(viewTitle(t -> t.type("plain_text").text("Request MDF")))
			.submit(viewSubmit(s -> s.type("plain_text").text("Check")))
			.close(viewClose(c -> c.type("plain_text").text("Cancel")))
			.blocks(blocks));
	}

	private static LayoutBlock text(String block, String label, String initial, boolean optional) {
		return input(i -> i.blockId(block)
			.optional(optional)
			.label(plainText(label))
			.element(plainTextInput(t -> t.actionId("value").initialValue(initial))));
	}

	private static LayoutBlock date(String block, String label, java.time.LocalDate initial, boolean optional) {
		return input(i -> i.blockId(block)
			.optional(optional)
			.label(plainText(label))
			.element(datePicker(d -> d.actionId("value").initialDate(initial == null ? null : initial.toString()))));
	}

	/**
	 * The channel manager's card: the request, the balance, the history and the return.
	 */
	static Messages.Reply managerCard(MdfRequest request, String partner, Balance balance,
			MdfManagement.Performance performance, List<MdfRequest> history, MdfManagement mdf) {
		MdfRules rules = mdf.rules();
		long paid = history.stream().filter(r -> r.status() == com.partnerbot.mdf.RequestStatus.PAID).count();
		String text = "*MDF request " + request.reference() + "* from *" + Messages.escape(partner) + "*: "
				+ Messages.escape(request.activity())
				+ (request.description() != null ? " " + Messages.escape(request.description()) : "") + ", "
				+ request.startsOn() + " to " + request.endsOn() + "\nCost " + rules.money(request.cost())
				+ ", asking *" + rules.money(request.amount()) + "*" + "\nBalance: available "
				+ rules.money(balance.available()) + ", committed " + rules.money(balance.committed()) + ", paid "
				+ rules.money(balance.paid()) + "\nHistory: " + history.size() + " requests, " + paid + " paid"
				+ "; return: "
				+ (performance.returnPerUnit() == null ? "nothing paid yet"
						: performance.returnPerUnit().toPlainString() + " of won revenue per unit paid")
				+ "\nDecision due by " + mdf.decisionDue(request);
		String id = request.id().toString();
		return new Messages.Reply(text.replace("*", ""),
				List.of(section(s -> s.text(markdownText(text))), actions(a -> a.elements(List.of(
						button(b -> b.actionId(APPROVE).value(id).style("primary").text(plainText("Approve"))),
						button(b -> b.actionId(APPROVE_LOWER).value(id).text(plainText("Approve a lower amount"))),
						button(b -> b.actionId(REJECT).value(id).style("danger").text(plainText("Reject"))))))));
	}

	/** The channel manager's card for a claim, with its proof. */
	static Messages.Reply claimCard(MdfClaim claim, MdfRequest request, String partner, MdfRules rules) {
		StringBuilder text = new StringBuilder(
				"*MDF claim for " + request.reference() + "* from *" + Messages.escape(partner) + "*: "
						+ rules.money(claim.amount()) + " of " + rules.money(request.approvedAmount()) + " approved");
		if (claim.actualCost() != null) {
			text.append(", actual cost ").append(rules.money(claim.actualCost()));
		}
		if (claim.attendees() != null) {
			text.append(", ").append(claim.attendees()).append(" attended");
		}
		if (claim.leads() != null) {
			text.append(", ").append(claim.leads()).append(" leads");
		}
		text.append("\nProof:");
		claim.proof()
			.forEach(p -> text.append("\n• ")
				.append(Messages.escape(p.name()))
				.append(p.url() != null ? " " + Messages.escape(p.url()) : ""));
		String id = claim.id().toString();
		return new Messages.Reply(text.toString().replace("*", ""),
				List.of(section(s -> s.text(markdownText(text.toString()))), actions(a -> a.elements(List.of(
						button(b -> b.actionId(CLAIM_APPROVE).value(id).style("primary").text(plainText("Approve"))),
						button(b -> b.actionId(CLAIM_PAID).value(id).text(plainText("Mark paid"))),
						button(b -> b.actionId(CLAIM_MORE).value(id).text(plainText("Ask for more"))),
						button(b -> b.actionId(CLAIM_REJECT).value(id).style("danger").text(plainText("Reject"))))))));
	}

	/** The modal for a lower amount or a reason; metadata says which and where from. */
	static View decisionForm(String title, String label, String metadata) {
		return view(v -> v.type("modal")
			.callbackId(DECISION_FORM)
			.privateMetadata(metadata)
			.title(viewTitle(t -> t.type("plain_text").text(title)))
			.submit(viewSubmit(s -> s.type("plain_text").text("Send")))
			.close(viewClose(c -> c.type("plain_text").text("Cancel")))
			.blocks(List.of(input(i -> i.blockId("value")
				.label(plainText(label))
				.element(plainTextInput(t -> t.actionId("value").maxLength(1000)))))));
	}

	/** The partner's balance, open requests and claims. */
	static Messages.Reply balance(String partner, Balance balance, List<MdfRequest> requests, MdfRules rules) {
		StringBuilder text = new StringBuilder("*MDF of " + Messages.escape(partner) + "*: *"
				+ rules.money(balance.available()) + "* available (allocated " + rules.money(balance.allocated())
				+ ", committed " + rules.money(balance.committed()) + ", claimed " + rules.money(balance.claimed())
				+ ", paid " + rules.money(balance.paid()) + ")");
		balance.expiring()
			.stream()
			.limit(3)
			.forEach(e -> text.append("\n:hourglass: ")
				.append(rules.money(e.amount()))
				.append(" expires after ")
				.append(e.on()));
		List<MdfRequest> open = requests.stream().filter(r -> switch (r.status()) {
			case SUBMITTED, APPROVED, CLAIMED -> true;
			default -> false;
		}).toList();
		if (!open.isEmpty()) {
			text.append("\n*Open requests and claims:*");
			open.forEach(r -> text.append("\n• ")
				.append(r.reference())
				.append(' ')
				.append(Messages.escape(r.activity()))
				.append(" on ")
				.append(r.startsOn())
				.append(": ")
				.append(r.status().name().toLowerCase(Locale.ROOT))
				.append(", ")
				.append(rules.money(r.approvedAmount() != null ? r.approvedAmount() : r.amount())));
		}
		return Messages.Reply.plain(text.toString());
	}

	/** An amount for people: "6,000", "1,250.50". */
	static String grouped(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() <= 0) ? String.format(java.util.Locale.ROOT, "%,d", stripped.toBigInteger())
				: String.format(java.util.Locale.ROOT, "%,.2f", amount);
	}

	static String plain(BigDecimal amount) {
		return amount == null ? null : amount.stripTrailingZeros().toPlainString();
	}

	private static String percent(BigDecimal share) {
		return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
	}

}
