package com.copyguard.core.ledger;

import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.core.model.SubscriptionStatus;
import java.math.BigDecimal;
import java.util.List;

/** A subscription's terms, settings, status and running figures; loss-limit periods in period order. */
public record SubscriptionState(String subscriptionId, String followerId, String expertId, String accountId,
                                FollowMode mode, BigDecimal fixedMargin, BigDecimal multiplier, long startTime,
                                SubscriptionSettings settings, SubscriptionStatus status, BigDecimal realizedPnl,
                                BigDecimal fees, BigDecimal highWaterMark, BigDecimal profitSharePaid,
                                ReasonCode stopReason, BigDecimal peakEquity, List<LossPeriodState> lossPeriods,
                                long closedCopies, long profitableCopies) {
    public SubscriptionState {
        lossPeriods = List.copyOf(lossPeriods);
    }
}
