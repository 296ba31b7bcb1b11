package com.partnerbot.slack.answers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order in which a message's features are asked: what the thread holds before what
 * its words look like.
 */
class RouteTests {

	private static final Route.Asked NOTHING = new Route.Asked(false, false, false, false, false, false, false);

	private static final Route.Thread EMPTY = new Route.Thread(false, false, false);

	private static final Route.Thread DEAL_DRAFT = new Route.Thread(true, false, false);

	private static final Route.Thread MDF_DRAFT = new Route.Thread(false, true, false);

	private static final Route.Thread AWAITING_CLAIM = new Route.Thread(false, false, true);

	private static final Route.Asked SAYS_A_CLAIM = new Route.Asked(false, false, false, true, false, false, false);

	private static final Route.Asked MDF_BALANCE = new Route.Asked(false, false, false, false, true, false, false);

	private static final Route.Asked SCORECARD = new Route.Asked(false, false, false, false, false, true, false);

	private static final Route.Asked PROGRAM = new Route.Asked(true, false, false, false, false, false, false);

	@Test
	void aDealDraftKeepsItsThreadWhateverTheWordsLookLike() {
		assertThat(Route.of(false, SAYS_A_CLAIM, DEAL_DRAFT)).isEqualTo(Route.DEAL);
		assertThat(Route.of(false, SCORECARD, DEAL_DRAFT)).isEqualTo(Route.DEAL);
		assertThat(Route.of(false, PROGRAM, DEAL_DRAFT)).isEqualTo(Route.DEAL);
		assertThat(Route.of(false, NOTHING, DEAL_DRAFT)).isEqualTo(Route.DEAL);
	}

	@Test
	void theBalanceIsAnsweredOutsideAnMdfDraftAndAddsToOneInside() {
		assertThat(Route.of(false, MDF_BALANCE, EMPTY)).isEqualTo(Route.MDF_BALANCE);
		assertThat(Route.of(false, MDF_BALANCE, MDF_DRAFT)).isEqualTo(Route.MDF_REQUEST);
		assertThat(Route.of(false, MDF_BALANCE, DEAL_DRAFT)).isEqualTo(Route.MDF_BALANCE);
	}

	@Test
	void aClaimGoesToTheRequestAwaitingItOrIsPointedThere() {
		assertThat(Route.of(false, SAYS_A_CLAIM, AWAITING_CLAIM)).isEqualTo(Route.CLAIM);
		assertThat(Route.of(false, SAYS_A_CLAIM, EMPTY)).isEqualTo(Route.WHERE_TO_CLAIM);
		assertThat(Route.of(false, SAYS_A_CLAIM, MDF_DRAFT)).isEqualTo(Route.MDF_REQUEST);
	}

	@Test
	void whereOtherPartnersReadOnlyWhatEveryPartnerMaySeeIsAnswered() {
		assertThat(Route.of(true, NOTHING, DEAL_DRAFT)).isEqualTo(Route.PRIVATE_ELSEWHERE);
		assertThat(Route.of(true, SCORECARD, EMPTY)).isEqualTo(Route.PRIVATE_ELSEWHERE);
		assertThat(Route.of(true, NOTHING, EMPTY)).isEqualTo(Route.FOR_EVERYONE);
		assertThat(Route.of(false, NOTHING, EMPTY)).isEqualTo(Route.ANSWER);
	}

}
