package com.copyguard.core.engine;

import java.util.List;

/** A follower's margin change on one position: the subscription after it and the change in full. */
public record MarginResult(SubscriptionView subscription, List<RiskActionView> riskActions) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
