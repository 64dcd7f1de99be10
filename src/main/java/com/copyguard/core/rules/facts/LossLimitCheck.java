package com.copyguard.core.rules.facts;

import com.copyguard.core.model.LossPeriod;
import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/**
 * One loss limit of a subscription in its current period. {@code loss} = the subscription's PnL
 * mark (net realized PnL, fees included, plus unrealized PnL) at the period's start minus the mark
 * now; positive when it lost. {@code startEquity} is the account's equity when the period began.
 * {@code alreadyReached}: the limit was reached earlier in this period. Decisions: {@code reach()}
 * and, with {@code closePositions}, {@code closeAll()}.
 */
@ClassReactive
public final class LossLimitCheck extends RuleDecision {
    private final String subscriptionId;
    private final LossPeriod period;
    private final long periodStart;
    private final long periodEnd;
    private final BigDecimal loss;
    private final BigDecimal startEquity;
    private final BigDecimal maxLoss;
    private final BigDecimal maxLossRatio;
    private final boolean closePositions;
    private final boolean alreadyReached;
    private final boolean hasPositions;
    private boolean reachedNow;
    private boolean closing;
    private TriggerPrices triggers = new TriggerPrices(null, null);
    private BigDecimal lossPerPrice = BigDecimal.ZERO;

    public LossLimitCheck(String subscriptionId, LossPeriod period, long periodStart, long periodEnd, BigDecimal loss,
                          BigDecimal startEquity, BigDecimal maxLoss, BigDecimal maxLossRatio, boolean closePositions,
                          boolean alreadyReached, boolean hasPositions) {
        this.subscriptionId = subscriptionId;
        this.period = period;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.loss = loss;
        this.startEquity = startEquity;
        this.maxLoss = maxLoss;
        this.maxLossRatio = maxLossRatio;
        this.closePositions = closePositions;
        this.alreadyReached = alreadyReached;
        this.hasPositions = hasPositions;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public LossPeriod getPeriod() {
        return period;
    }

    public long getPeriodStart() {
        return periodStart;
    }

    /** When the period ends (exclusive): opens are refused until then once the limit is reached. */
    public long getPeriodEnd() {
        return periodEnd;
    }

    public BigDecimal getLoss() {
        return loss;
    }

    public BigDecimal getStartEquity() {
        return startEquity;
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

    public boolean isAlreadyReached() {
        return alreadyReached;
    }

    public boolean isHasPositions() {
        return hasPositions;
    }

    /** Reached earlier in the period or by this check. */
    public boolean isReached() {
        return alreadyReached || reachedNow;
    }

    public boolean isReachedNow() {
        return reachedNow;
    }

    public boolean isClosing() {
        return closing;
    }

    /**
     * How the loss moves with the price of the one symbol the subscription holds positions on
     * ({@code where} says which, or that it holds several or none): by minus its signed quantity (long − short) per unit.
     */
    public void priceExposure(TriggerPrices where, BigDecimal lossPerPrice) {
        this.triggers = where;
        this.lossPerPrice = lossPerPrice;
    }

    public BigDecimal getLossPerPrice() {
        return lossPerPrice;
    }

    public TriggerPrices getTriggers() {
        return triggers;
    }

    /** Rules call this when the loss reached the limit: opens stay refused until the period ends. */
    public void reach(com.copyguard.core.model.ReasonCode reason) {
        reachedNow = true;
        setReason(reason);
    }

    /** Rules call this to close the subscription's positions at market. */
    public void closeAll(com.copyguard.core.model.ReasonCode reason) {
        closing = true;
        setReason(reason);
    }
}
