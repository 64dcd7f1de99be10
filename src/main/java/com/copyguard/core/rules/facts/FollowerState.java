package com.copyguard.core.rules.facts;

import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.core.model.SubscriptionStatus;
import java.math.BigDecimal;

/** A subscription and its account's figures, frozen at the moment the rules decide. */
public final class FollowerState {
    private final String subscriptionId;
    private final String accountId;
    private final FollowMode mode;
    private final SubscriptionStatus status;
    private final SubscriptionSettings settings;
    private final BigDecimal fixedMargin;
    private final BigDecimal multiplier;
    private final long startTime;
    private final BigDecimal equity;
    private final BigDecimal available;
    private final BigDecimal pairMarginUsed;
    private final BigDecimal openNotional;
    private final boolean symbolTradedBeforeFollow;
    private final java.util.List<LossLimitCheck> lossLimits;

    public FollowerState(String subscriptionId, String accountId, FollowMode mode, SubscriptionStatus status,
                         SubscriptionSettings settings, BigDecimal fixedMargin, BigDecimal multiplier, long startTime,
                         BigDecimal equity, BigDecimal available, BigDecimal pairMarginUsed, BigDecimal openNotional,
                         boolean symbolTradedBeforeFollow) {
        this(subscriptionId, accountId, mode, status, settings, fixedMargin, multiplier, startTime, equity, available,
                pairMarginUsed, openNotional, symbolTradedBeforeFollow, java.util.List.of());
    }

    public FollowerState(String subscriptionId, String accountId, FollowMode mode, SubscriptionStatus status,
                         SubscriptionSettings settings, BigDecimal fixedMargin, BigDecimal multiplier, long startTime,
                         BigDecimal equity, BigDecimal available, BigDecimal pairMarginUsed, BigDecimal openNotional,
                         boolean symbolTradedBeforeFollow, java.util.List<LossLimitCheck> lossLimits) {
        this.lossLimits = lossLimits;
        this.symbolTradedBeforeFollow = symbolTradedBeforeFollow;
        this.subscriptionId = subscriptionId;
        this.accountId = accountId;
        this.mode = mode;
        this.status = status;
        this.settings = settings;
        this.fixedMargin = fixedMargin;
        this.multiplier = multiplier;
        this.startTime = startTime;
        this.equity = equity;
        this.available = available;
        this.pairMarginUsed = pairMarginUsed;
        this.openNotional = openNotional;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public String getAccountId() {
        return accountId;
    }

    public FollowMode getMode() {
        return mode;
    }

    public SubscriptionStatus getStatus() {
        return status;
    }

    public SubscriptionSettings getSettings() {
        return settings;
    }

    public BigDecimal getFixedMargin() {
        return fixedMargin;
    }

    public BigDecimal getMultiplier() {
        return multiplier;
    }

    public long getStartTime() {
        return startTime;
    }

    /** Account equity (total assets): balance + unrealized PnL. */
    public BigDecimal getEquity() {
        return equity;
    }

    public BigDecimal getAvailable() {
        return available;
    }

    /** Margin this subscription already holds on the order's symbol. */
    public BigDecimal getPairMarginUsed() {
        return pairMarginUsed;
    }

    /** True when the expert had traded the order's symbol before this subscription began. */
    public boolean isSymbolTradedBeforeFollow() {
        return symbolTradedBeforeFollow;
    }

    /** True when the subscription's pairs list admits the symbol (no list admits every symbol). */
    public boolean followsPair(String symbol) {
        return settings.getPairs() == null || settings.getPairs().contains(symbol);
    }

    /** The subscription's loss limits in their current periods, with the loss so far (read-only here). */
    public java.util.List<LossLimitCheck> getLossLimits() {
        return lossLimits;
    }

    /** Notional of all the account's open positions at mark. */
    public BigDecimal getOpenNotional() {
        return openNotional;
    }
}
