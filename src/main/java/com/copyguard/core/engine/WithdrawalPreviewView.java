package com.copyguard.core.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What a withdrawal of {@code requested} would freeze and pay now, and the money rules that say so. */
public record WithdrawalPreviewView(String accountId, BigDecimal requested, BigDecimal pendingProfitShare,
                                    BigDecimal frozen, BigDecimal freezeAdded, boolean freezes, BigDecimal paid,
                                    String ruleSet, List<String> rulesFired, Map<String, String> explanation) {
}
