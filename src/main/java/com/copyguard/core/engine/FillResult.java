package com.copyguard.core.engine;

import java.util.List;

/**
 * A copied expert fill: how many subscriptions copied and rejected it, its decisions and the risk
 * actions it triggered, each as a summary (counts by outcome and reason, where the rest continue)
 * and a first page ({@link FanOutSummary#FIRST_PAGE} at most, in the order they were made). Every
 * decision and action stays in the logs behind {@code GET /decisions} and {@code GET /risk-actions}.
 */
public record FillResult(String expertId, String fillId, long copied, long rejected, List<DecisionSummary> decisions,
                         FanOutSummary decisionSummary, List<RiskActionSummary> riskActions,
                         FanOutSummary riskActionSummary) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
