package com.partnerbot.slack.mdf;

import java.util.List;
import java.util.regex.Pattern;

import com.slack.api.model.block.LayoutBlock;

import com.partnerbot.mdf.MdfManagement;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.Requester;
import com.partnerbot.slack.bolt.Messages;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * A partner's own MDF numbers: {@code /partner mdf}, questions such as "how much MDF do
 * we have left?", and the App Home's MDF section. Never another partner's.
 */
@Component
@RequiredArgsConstructor
public class MdfHome {

	// the partner's own numbers ("how much MDF do we have left?", "our MDF balance"), not
	// the policy ("how much MDF does a partner accrue?"), which the library answers
	private static final Pattern QUESTION = Pattern
		.compile("\\b(mdf|market development funds?)\\b[^.?]*\\b(left|remaining|balance|unspent)\\b"
				+ "|\\b(left|remaining|balance|unspent)\\b[^.?]*\\b(mdf|market development funds?)\\b"
				+ "|\\b(our|my)\\s+(mdf|market development funds?)\\b(?!\\s+polic)", Pattern.CASE_INSENSITIVE);

	private final MdfManagement mdf;

	/** Whether a message asks about the partner's own MDF numbers. */
	public boolean wants(String text) {
		return QUESTION.matcher(text).find();
	}

	/** The asker's partner's balance, open requests and claims. */
	public Messages.Reply balance(Requester requester) {
		return requester.partner()
			.map(this::balance)
			.orElseGet(() -> Messages.Reply
				.plain("MDF belongs to a partner: ask in the partner's shared channel, or use the API."));
	}

	private Messages.Reply balance(Partner partner) {
		if (!mdf.rules().eligible(partner.tier())) {
			return Messages.Reply.plain("MDF is for " + mdf.rules().properties().eligibleTiers() + " partners; as a "
					+ partner.tier().label() + " partner you do not accrue MDF yet.");
		}
		return MdfBlocks.balance(partner.name(), mdf.balance(partner.id()), mdf.requests(partner.id()), mdf.rules());
	}

	/** The App Home's MDF section for a partner's person; none for anyone else. */
	public List<LayoutBlock> homeSection(Requester requester) {
		return requester.partner().map(p -> balance(p).blocks()).orElse(List.of());
	}

}
