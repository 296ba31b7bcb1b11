package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import com.partnerbot.program.FundSignals;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * The partner's funds as the program's health and return read them: what was allocated,
 * paid, left unspent, and what of it expires within 30 days.
 */
@Component
@RequiredArgsConstructor
class MdfFundSignals implements FundSignals {

	private static final int SOON_DAYS = 30;

	private final MdfManagement mdf;

	private final Clock clock;

	@Override
	public Optional<FundPosition> position(UUID partnerId) {
		Balance balance = mdf.balance(partnerId);
		if (balance.allocated().signum() == 0) {
			return Optional.empty();
		}
		LocalDate soon = LocalDate.now(clock).plusDays(SOON_DAYS);
		BigDecimal expiring = balance.expiring()
			.stream()
			.filter(e -> !e.on().isAfter(soon))
			.map(Balance.Expiring::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return Optional.of(new FundPosition(balance.allocated(), balance.paid(), balance.available(), expiring));
	}

}
