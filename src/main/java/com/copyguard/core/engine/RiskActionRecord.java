package com.copyguard.core.engine;

import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A protective action taken on a subscription: a position closed (CLOSE, LIQUIDATE) or the
 * subscription stopped (STOP). {@code ref} names the input that caused it, {@code requestedBy} who sent
 * that input (a desk or follower for a stop or manual close, the price feed for a stop loss).
 */
public record RiskActionRecord(String subscriptionId, String accountId, String symbol, Side side, String action,
                               ReasonCode reason, BigDecimal qty, BigDecimal price, BigDecimal realizedPnl,
                               String ruleSet, List<String> rulesFired, Map<String, String> explanation, long time,
                               String ref, com.copyguard.core.command.Sender requestedBy) {
    public static final String CLOSE = "CLOSE";
    public static final String LIQUIDATE = "LIQUIDATE";
    public static final String STOP = "STOP";
    /** Margin added to or removed from an isolated position (qty: the position's; explanation: amount, liquidation prices). */
    public static final String MARGIN = "MARGIN";
}
