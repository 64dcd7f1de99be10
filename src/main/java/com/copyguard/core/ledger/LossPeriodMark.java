package com.copyguard.core.ledger;

import java.math.BigDecimal;

/**
 * Where a subscription stood when one loss-limit period began: its PnL mark (net realized PnL plus
 * unrealized PnL of its positions) and its account's equity, and whether the limit has been reached
 * in this period (opens then stay refused until the period ends, even if the loss recovers).
 */
public final class LossPeriodMark {
    private final long start;
    private final long end;
    private final BigDecimal startPnl;
    private final BigDecimal startEquity;
    private boolean reached;

    LossPeriodMark(long start, long end, BigDecimal startPnl, BigDecimal startEquity) {
        this.start = start;
        this.end = end;
        this.startPnl = startPnl;
        this.startEquity = startEquity;
    }

    LossPeriodState state(com.copyguard.core.model.LossPeriod period) {
        return new LossPeriodState(period, start, end, startPnl, startEquity, reached);
    }

    static LossPeriodMark restore(LossPeriodState s) {
        LossPeriodMark m = new LossPeriodMark(s.start(), s.end(), s.startPnl(), s.startEquity());
        m.reached = s.reached();
        return m;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public BigDecimal startPnl() {
        return startPnl;
    }

    public BigDecimal startEquity() {
        return startEquity;
    }

    public boolean reached() {
        return reached;
    }

    void markReached() {
        reached = true;
    }
}
