package com.copyguard.core.engine;

import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import java.math.BigDecimal;
import java.util.List;

/** A risk action as the answer to the input that caused it lists it. */
public record RiskActionSummary(String subscriptionId, String symbol, Side side, String action, ReasonCode reason,
                                BigDecimal qty, BigDecimal price, BigDecimal realizedPnl) {
    public static RiskActionSummary of(RiskActionRecord r) {
        return new RiskActionSummary(r.subscriptionId(), r.symbol(), r.side(), r.action(), r.reason(), r.qty(),
                r.price(), r.realizedPnl());
    }

    public static List<RiskActionSummary> of(List<RiskActionRecord> actions) {
        return actions.stream().map(RiskActionSummary::of).toList();
    }
}
