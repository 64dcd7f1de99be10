package com.copyguard.core.engine;

import java.util.List;

/**
 * Prices marked to market: the risk actions they triggered, as a summary (counts by action and
 * reason, where the rest continue) and a first page ({@link FanOutSummary#FIRST_PAGE} at most, in the
 * order taken). {@code ref} is the actions' {@code ref} ({@code prices@time}), the cause by which
 * {@code GET /risk-actions} lists them all.
 */
public record PricesResult(List<RiskActionSummary> riskActions, String ref, FanOutSummary riskActionSummary)
        implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
