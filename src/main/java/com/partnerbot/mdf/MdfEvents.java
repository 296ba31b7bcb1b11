package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happens to funds, requests and claims, for the modules that tell people about it.
 */
public final class MdfEvents {

	private MdfEvents() {
	}

	/** A request was submitted; when it needs no pre-approval it is approved already. */
	public record RequestSubmitted(MdfRequest request) {
	}

	/** A channel manager approved (perhaps a lower amount) or rejected a request. */
	public record RequestDecided(MdfRequest request, String by) {
	}

	/** A claim was submitted, or more proof was added to it. */
	public record ClaimSubmitted(MdfClaim claim, MdfRequest request) {
	}

	/** A claim was approved, rejected, sent back for more proof, or paid. */
	public record ClaimDecided(MdfClaim claim, MdfRequest request, String by) {
	}

	/** Unspent funds expire soon. */
	public record FundsExpiring(UUID partnerId, BigDecimal amount, String currency, LocalDate on) {
	}

	/** An approved request's activity ended: its claim is due by a day. */
	public record ActivityEnded(MdfRequest request, LocalDate due) {
	}

	/** An approved request's claim is due soon. */
	public record ClaimDue(MdfRequest request, LocalDate due) {
	}

	/** The month's note of each partner's unspent funds, for channel managers. */
	public record UnspentFunds(String month, List<Unspent> partners) {

		/** One partner's unspent funds and the part that expires within the month. */
		public record Unspent(UUID partnerId, BigDecimal available, BigDecimal expiringSoon, String currency) {
		}

	}

}
