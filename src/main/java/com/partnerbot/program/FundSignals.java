package com.partnerbot.program;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * What the program knows of a partner's market development funds, for its health and the
 * program's return on them. The MDF module provides it; until one does, {@link #NONE}
 * contributes nothing and the health score leaves the signal out.
 */
public interface FundSignals {

	/** No funds known for anyone. */
	FundSignals NONE = partnerId -> Optional.empty();

	/** The partner's funds, if the program manages any for it. */
	Optional<FundPosition> position(UUID partnerId);

	/**
	 * A partner's funds, in the program currency.
	 *
	 * @param allocated allocated for the current period
	 * @param paid claims paid out
	 * @param unspent allocated and neither committed nor claimed
	 * @param expiringSoon unspent funds whose period ends within 30 days
	 */
	record FundPosition(BigDecimal allocated, BigDecimal paid, BigDecimal unspent, BigDecimal expiringSoon) {
	}

}
