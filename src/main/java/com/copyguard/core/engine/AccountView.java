package com.copyguard.core.engine;

import java.math.BigDecimal;
import java.util.List;

/** An account's money: balance, equity, margin in use, frozen, available, invested, profit share owed, loan. */
public record AccountView(String accountId, String followerId, boolean pool, BigDecimal balance, BigDecimal equity,
                          BigDecimal unrealizedPnl, BigDecimal usedMargin, BigDecimal frozen, BigDecimal available,
                          BigDecimal netInvested, BigDecimal pendingProfitShare, BigDecimal initialInvestment,
                          BigDecimal loan, List<String> subscriptions) {
}
