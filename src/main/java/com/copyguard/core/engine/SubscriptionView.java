package com.copyguard.core.engine;

import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.SubscriptionStatus;
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
