package com.copyguard.core.engine;

import java.util.List;

/** Prices marked to market: the risk actions they triggered. */
public record PricesResult(List<RiskActionSummary> riskActions) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
