package com.partnerbot.mdf;

import java.util.Optional;
import java.util.UUID;

import com.partnerbot.scorecards.FundReturns;
import com.partnerbot.scorecards.Scorecard;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * The partner's funds as its scorecard shows them: how much of what it was given it used,
 * and the won revenue its activities brought in per unit paid.
 */
@Component
@RequiredArgsConstructor
class MdfFundReturns implements FundReturns {

	private final MdfManagement mdf;

	@Override
	public Optional<Scorecard.Funds> funds(UUID partnerId) {
		Balance balance = mdf.balance(partnerId);
		if (balance.allocated().signum() == 0) {
			return Optional.empty();
		}
		MdfManagement.Performance performance = mdf.performance(partnerId);
		return Optional.of(new Scorecard.Funds(balance.currency(), balance.allocated(), performance.paid(),
				performance.utilisation(), performance.wonRevenue(), performance.returnPerUnit()));
	}

}
