package com.copyguard.core.engine;

import com.copyguard.core.command.Sender;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A risk action in full (close, liquidation, stop, margin change): the reason (none for a margin
 * change applied in full), the rule set and rules, the values they compared, and who asked.
 */
public record RiskActionView(String subscriptionId, String symbol, Side side, String action, ReasonCode reason,
                             BigDecimal qty, BigDecimal price, BigDecimal realizedPnl, String accountId, String ruleSet,
                             List<String> rulesFired, Map<String, String> explanation, long time, String ref,
                             Sender requestedBy) {
    public static RiskActionView of(RiskActionRecord r) {
        return new RiskActionView(r.subscriptionId(), r.symbol(), r.side(), r.action(), r.reason(), r.qty(), r.price(),
                r.realizedPnl(), r.accountId(), r.ruleSet(), r.rulesFired(), r.explanation(), r.time(), r.ref(),
                r.requestedBy());
    }

    public static List<RiskActionView> of(List<RiskActionRecord> actions) {
        return actions.stream().map(RiskActionView::of).toList();
    }
}
