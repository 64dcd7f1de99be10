package com.copyguard.engine;

import com.copyguard.domain.FollowMode;
import com.copyguard.domain.ReasonCode;
import com.copyguard.domain.SubscriptionStatus;
import java.math.BigDecimal;
import java.util.List;

/** A subscription: its settings, open copies, PnL, fees, high-water mark and profit share; {@code stopReason} once stopped or closing. */
public record SubscriptionView(String subscriptionId, String followerId, String expertId, String accountId,
                               FollowMode mode, BigDecimal fixedMargin, BigDecimal multiplier,
                               SubscriptionStatus status, SettingsView settings, List<PositionView> positions,
                               BigDecimal realizedPnl, BigDecimal fees, BigDecimal netRealizedPnl,
                               BigDecimal highWaterMark, BigDecimal pendingProfitShare, BigDecimal profitSharePaid,
                               long startTime, ReasonCode stopReason) {
}
