package com.copyguard.core.ledger;

import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.core.model.SubscriptionStatus;
import java.math.BigDecimal;

/** One follower following one expert in one mode, funded from one account. */
public final class Subscription {
    private final String subscriptionId;
    private final String followerId;
    private final String expertId;
    private final String accountId;
    private final FollowMode mode;
    private final BigDecimal fixedMargin;
    private final BigDecimal multiplier;
    private final long startTime;
    private SubscriptionSettings settings;
    private SubscriptionStatus status = SubscriptionStatus.ACTIVE;
    private BigDecimal realizedPnl = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal highWaterMark = BigDecimal.ZERO;
    private BigDecimal profitSharePaid = BigDecimal.ZERO;
    private ReasonCode stopReason;
    /** Highest equity since the follow, shifted by every deposit and withdrawal since (null before the first). */
    private BigDecimal peakEquity;
    /** Loss-limit bookkeeping per period of the subscription's limits. */
    private final java.util.Map<com.copyguard.core.model.LossPeriod, LossPeriodMark> lossPeriods = new java.util.TreeMap<>();
    private long closedCopies;
    private long profitableCopies;

    Subscription(String subscriptionId, String followerId, String expertId, String accountId, FollowMode mode,
                 BigDecimal fixedMargin, BigDecimal multiplier, SubscriptionSettings settings, long startTime) {
        this.subscriptionId = subscriptionId;
        this.followerId = followerId;
        this.expertId = expertId;
        this.accountId = accountId;
        this.mode = mode;
        this.fixedMargin = fixedMargin;
        this.multiplier = multiplier;
        this.settings = settings;
        this.startTime = startTime;
    }

    /** This subscription's state, for snapshots and checkpoints. */
    SubscriptionState state() {
        java.util.List<LossPeriodState> periods = new java.util.ArrayList<>(lossPeriods.size());
        lossPeriods.forEach((period, mark) -> periods.add(mark.state(period)));
        return new SubscriptionState(subscriptionId, followerId, expertId, accountId, mode, fixedMargin, multiplier,
                startTime, settings, status, realizedPnl, fees, highWaterMark, profitSharePaid, stopReason, peakEquity,
                periods, closedCopies, profitableCopies);
    }

    static Subscription restore(SubscriptionState s) {
        Subscription r = new Subscription(s.subscriptionId(), s.followerId(), s.expertId(), s.accountId(), s.mode(),
                s.fixedMargin(), s.multiplier(), s.settings(), s.startTime());
        r.status = s.status();
        r.realizedPnl = s.realizedPnl();
        r.fees = s.fees();
        r.highWaterMark = s.highWaterMark();
        r.profitSharePaid = s.profitSharePaid();
        r.stopReason = s.stopReason();
        r.peakEquity = s.peakEquity();
        for (LossPeriodState p : s.lossPeriods()) {
            r.lossPeriods.put(p.period(), LossPeriodMark.restore(p));
        }
        r.closedCopies = s.closedCopies();
        r.profitableCopies = s.profitableCopies();
        return r;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String followerId() {
        return followerId;
    }

    public String expertId() {
        return expertId;
    }

    public String accountId() {
        return accountId;
    }

    public FollowMode mode() {
        return mode;
    }

    public BigDecimal fixedMargin() {
        return fixedMargin;
    }

    public BigDecimal multiplier() {
        return multiplier;
    }

    public long startTime() {
        return startTime;
    }

    public SubscriptionSettings settings() {
        return settings;
    }

    void setSettings(SubscriptionSettings settings) {
        this.settings = settings;
    }

    public SubscriptionStatus status() {
        return status;
    }

    void setStatus(SubscriptionStatus status) {
        this.status = status;
    }

    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    void addRealizedPnl(BigDecimal pnl) {
        realizedPnl = realizedPnl.add(pnl);
    }

    public BigDecimal fees() {
        return fees;
    }

    void addFee(BigDecimal fee) {
        fees = fees.add(fee);
    }

    /** Cumulative net realized PnL: realized PnL less the fees this subscription paid. */
    public BigDecimal netRealizedPnl() {
        return realizedPnl.subtract(fees);
    }

    /** The net realized PnL up to which profit share has been settled (never lowered). */
    public BigDecimal highWaterMark() {
        return highWaterMark;
    }

    void raiseHighWaterMark(BigDecimal mark) {
        if (mark.compareTo(highWaterMark) > 0) {
            highWaterMark = mark;
        }
    }

    public BigDecimal profitSharePaid() {
        return profitSharePaid;
    }

    void addProfitSharePaid(BigDecimal amount) {
        profitSharePaid = profitSharePaid.add(amount);
    }

    /** Positions of this subscription closed completely. */
    public long closedCopies() {
        return closedCopies;
    }

    /** Closed positions whose realized PnL (before fees) was positive. */
    public long profitableCopies() {
        return profitableCopies;
    }

    void copyClosed(boolean profitable) {
        closedCopies++;
        if (profitable) {
            profitableCopies++;
        }
    }

    /** Why the subscription stopped (STOP_FOLLOWING for a follower's own stop), or null. */
    public ReasonCode stopReason() {
        return stopReason;
    }

    void setStopReason(ReasonCode reason) {
        stopReason = reason;
    }

    /** The trailing-drawdown peak: highest equity since the follow, adjusted by net flows since; null if never seen. */
    public BigDecimal peakEquity() {
        return peakEquity;
    }

    void setPeakEquity(BigDecimal peak) {
        peakEquity = peak;
    }

    public LossPeriodMark lossPeriod(com.copyguard.core.model.LossPeriod period) {
        return lossPeriods.get(period);
    }

    void putLossPeriod(com.copyguard.core.model.LossPeriod period, LossPeriodMark mark) {
        if (mark == null) {
            lossPeriods.remove(period);
        } else {
            lossPeriods.put(period, mark);
        }
    }
}
