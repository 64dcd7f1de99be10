package com.copyguard.core.model;

import java.math.BigDecimal;

/**
 * One loss limit of a subscription: over {@code period}, a loss of {@code maxLoss} USDT or of
 * {@code maxLossRatio} of the equity at the period's start (either may be null, not both) stops new
 * opens until the period ends; with {@code closePositions} the positions are also closed at market.
 */
public final class LossLimit {
    private final LossPeriod period;
    private final BigDecimal maxLoss;
    private final BigDecimal maxLossRatio;
    private final boolean closePositions;

    public LossLimit(LossPeriod period, BigDecimal maxLoss, BigDecimal maxLossRatio, boolean closePositions) {
        this.period = period;
        this.maxLoss = maxLoss;
        this.maxLossRatio = maxLossRatio;
        this.closePositions = closePositions;
    }

    public LossPeriod getPeriod() {
        return period;
    }

    public BigDecimal getMaxLoss() {
        return maxLoss;
    }

    public BigDecimal getMaxLossRatio() {
        return maxLossRatio;
    }

    public boolean isClosePositions() {
        return closePositions;
    }
}
