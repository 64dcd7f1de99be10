package com.copyguard.core.engine;

import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.SubscriptionStatus;
import java.math.BigDecimal;

/**
 * One of a follower's followings with the figures a follower watches; {@code roi} and {@code winRate}
 * to 6 places, null before there is anything to divide by; {@code stopReason} once stopped or closing.
 */
public record FollowingView(String subscriptionId, String expertId, String accountId, FollowMode mode,
                            SubscriptionStatus status, ReasonCode stopReason, long startTime, BigDecimal invested,
                            BigDecimal equity, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees,
                            BigDecimal netPnl, BigDecimal roi, long closedCopies, long profitableCopies,
                            BigDecimal winRate, BigDecimal profitSharePaid, BigDecimal pendingProfitShare,
                            int openPositions) {
}
