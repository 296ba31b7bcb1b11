package com.partnerbot.scorecards;

import java.util.Optional;
import java.util.UUID;

/**
 * What a partner did with the program's market development funds, for its scorecard. The
 * MDF module provides it; until one does, {@link #NONE} shows nothing and the scorecard
 * leaves the funds out.
 */
public interface FundReturns {

	/** No funds known for anyone. */
	FundReturns NONE = partnerId -> Optional.empty();

	/** The partner's funds and their return, if the program manages any for it. */
	Optional<Scorecard.Funds> funds(UUID partnerId);

}
