package com.copyguard.core.engine;

import java.util.List;

/**
 * A subscription after a follower's action on it (settings, pause, resume, stop, close a position),
 * with the risk actions the action took ({@code null}: none were asked of it) or, on a resume, the
 * positions it copied ({@code null} likewise).
 */
public record SubscriptionResult(SubscriptionView subscription, List<RiskActionSummary> riskActions,
                                 List<DecisionView> copiedPositions) implements Result {
    public static SubscriptionResult of(SubscriptionView subscription) {
        return new SubscriptionResult(subscription, null, null);
    }

    @Override
    public boolean changed() {
        return true;
    }
}
