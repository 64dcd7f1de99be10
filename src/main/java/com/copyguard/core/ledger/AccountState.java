package com.copyguard.core.ledger;

import java.math.BigDecimal;
import java.util.List;

/** An account's figures, open positions (in opening order) and transaction records (oldest first). */
public record AccountState(String accountId, String followerId, boolean pool, BigDecimal balance, BigDecimal frozen,
                           BigDecimal netInvested, BigDecimal initialInvestment, BigDecimal loan,
                           List<PositionState> positions, List<Transaction> transactions) {
    public AccountState {
        positions = List.copyOf(positions);
        transactions = List.copyOf(transactions);
    }
}
