package com.partnerbot.slack.answers;

/**
 * What a message in a conversation is for, decided in one place from what its words ask
 * and what its thread holds, each asked once. The order of {@link #of} is the priority.
 */
enum Route {

	/** The program team about its partners, only in a direct message. */
	PROGRAM,

	/** Something private to a partner, asked where other partners may read. */
	PRIVATE_ELSEWHERE,

	/** In a channel other partners may read: only what every partner may see. */
	FOR_EVERYONE,

	/** A claim said where nothing of the thread takes it: pointed to where claims go. */
	WHERE_TO_CLAIM,

	/** The partner's own MDF numbers, not the policy document. */
	MDF_BALANCE,

	/** The actual cost, attendance or leads of the claim of the thread's MDF request. */
	CLAIM,

	/** A deal registered in plain words, or the thread's deal draft added to. */
	DEAL,

	/** Funds asked for in plain words, or the thread's MDF draft added to. */
	MDF_REQUEST,

	/** The partner's own standing, not what a tier requires in general. */
	SCORECARD,

	/** A registration by its reference, or the partner's registrations. */
	DEAL_QUESTION,

	/** The enablement library's answer. */
	ANSWER;

	/** What the words of a message ask, by each feature's reading of them. */
	record Asked(boolean program, boolean registers, boolean asksForFunds, boolean saysAClaim, boolean mdfBalance,
			boolean scorecard, boolean dealQuestion) {
	}

	/** What the message's thread holds. */
	record Thread(boolean dealDraft, boolean mdfDraft, boolean claimAwaited) {
	}

	static Route of(boolean mixedAudience, Asked asked, Thread thread) {
		// a deal draft keeps its thread: what is said there adds to the deal
		boolean deal = asked.registers() || thread.dealDraft();
		boolean funds = asked.asksForFunds() || thread.mdfDraft();
		if (asked.program() && !deal) {
			return PROGRAM;
		}
		if (mixedAudience) {
			return (deal || funds || asked.saysAClaim() || asked.mdfBalance() || asked.scorecard()
					|| asked.dealQuestion()) ? PRIVATE_ELSEWHERE : FOR_EVERYONE;
		}
		if (asked.saysAClaim() && !thread.claimAwaited() && !funds && !deal) {
			return WHERE_TO_CLAIM;
		}
		if (asked.mdfBalance() && !thread.mdfDraft()) {
			return MDF_BALANCE;
		}
		if (thread.claimAwaited()) {
			return CLAIM;
		}
		if (deal) {
			return DEAL;
		}
		if (funds) {
			return MDF_REQUEST;
		}
		if (asked.scorecard()) {
			return SCORECARD;
		}
		return asked.dealQuestion() ? DEAL_QUESTION : ANSWER;
	}

}
