package com.copyguard.core.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A withdrawal: what was asked, paid and frozen first, the account's money after it, the
 * subscriptions it interrupted, the money rules that decided the freeze and the risk actions after.
 */
public record WithdrawalResult(String accountId, String requestId, BigDecimal requested, BigDecimal paid,
                               BigDecimal frozenAdded, BigDecimal frozen, BigDecimal balance, BigDecimal available,
                               List<String> interrupted, String ruleSet, List<String> rulesFired,
                               Map<String, String> explanation, List<RiskActionSummary> riskActions) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
