package com.copyguard.core.engine;

import com.copyguard.core.model.Side;
import java.math.BigDecimal;
import java.util.List;

/**
 * An expert's margin change and what the rules decided for the follower copies that follow it: a
 * summary (counts by outcome, APPLIED or REJECTED, and reason; where the rest continue) and the first
 * page of the decisions ({@link FanOutSummary#FIRST_PAGE} at most). {@code ref} is the risk actions'
 * {@code ref}, the cause by which {@code GET /risk-actions} lists them all.
 */
public record ExpertMarginResult(String expertId, String symbol, Side side, BigDecimal amount, BigDecimal expertMargin,
                                 List<RiskActionView> decisions, String ref, FanOutSummary decisionSummary)
        implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
