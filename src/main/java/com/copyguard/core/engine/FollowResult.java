package com.copyguard.core.engine;

import com.copyguard.core.model.SubscriptionStatus;
import java.util.List;

/** A new subscription, its account, and the expert's open positions it copied (when asked to). */
public record FollowResult(String subscriptionId, String accountId, SubscriptionStatus status,
                           List<DecisionView> copiedPositions) implements Result {
    @Override
    public boolean changed() {
        return true;
    }

    @Override
    public boolean created() {
        return true;
    }
}
