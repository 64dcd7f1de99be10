package com.copyguard.core.engine;

import java.util.List;

/** A copied expert fill: how many subscriptions copied and rejected it, each decision, and the risk actions it triggered. */
public record FillResult(String fillId, long copied, long rejected, List<DecisionSummary> decisions,
                         List<RiskActionSummary> riskActions) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
