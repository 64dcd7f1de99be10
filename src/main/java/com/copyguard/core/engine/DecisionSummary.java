package com.copyguard.core.engine;

import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import java.math.BigDecimal;

/** A copy decision as a fill's answer lists it: per subscription, the outcome and the order placed. */
public record DecisionSummary(String subscriptionId, Outcome outcome, ReasonCode reason, BigDecimal qty,
                              BigDecimal price, BigDecimal margin, Integer leverage) {
    public static DecisionSummary of(DecisionRecord d) {
        return new DecisionSummary(d.subscriptionId(), d.outcome(), d.reason(), d.qty(), d.price(), d.margin(),
                d.leverage());
    }
}
