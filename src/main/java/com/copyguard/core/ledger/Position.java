package com.copyguard.core.ledger;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.PositionArithmetic;
import com.copyguard.core.model.Side;
import java.math.BigDecimal;

/** An open follower position. Margin is the initial margin still locked by the open quantity. */
public final class Position {
    private final PositionKey key;
    private BigDecimal qty;
    private BigDecimal entryPrice;
    private int leverage;
    private MarginMode marginMode;
    private BigDecimal margin;
    /** PnL realized by this position's closes so far: decides whether it counts as a win once closed. */
    private BigDecimal realizedPnl = BigDecimal.ZERO;

    Position(PositionKey key, MarginMode marginMode) {
        this.key = key;
        this.marginMode = marginMode;
        this.qty = BigDecimal.ZERO;
        this.entryPrice = BigDecimal.ZERO;
        this.margin = BigDecimal.ZERO;
    }

    /** This position's state, for snapshots and checkpoints. */
    PositionState state() {
        return new PositionState(key, marginMode, qty, entryPrice, leverage, margin, realizedPnl);
    }

    static Position restore(PositionState s) {
        Position p = new Position(s.key(), s.marginMode());
        p.qty = s.qty();
        p.entryPrice = s.entryPrice();
        p.leverage = s.leverage();
        p.margin = s.margin();
        p.realizedPnl = s.realizedPnl();
        return p;
    }

    void add(BigDecimal addQty, BigDecimal price, int newLeverage, BigDecimal addMargin) {
        entryPrice = PositionArithmetic.averageEntry(qty, entryPrice, addQty, price);
        qty = qty.add(addQty);
        leverage = newLeverage;
        margin = margin.add(addMargin);
    }

    /** Adds (positive) or removes (negative) margin without changing the quantity: isolated margin changes. */
    void adjustMargin(BigDecimal delta) {
        margin = margin.add(delta);
    }

    /** Removes {@code closeQty}, releasing the same share of margin; returns the margin released. */
    BigDecimal reduce(BigDecimal closeQty) {
        BigDecimal released = closeQty.compareTo(qty) >= 0 ? margin : Decimals.div(margin.multiply(closeQty), qty);
        qty = qty.subtract(closeQty);
        margin = margin.subtract(released);
        return released;
    }

    void realize(BigDecimal pnl) {
        realizedPnl = realizedPnl.add(pnl);
    }

    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    public BigDecimal unrealizedPnl(BigDecimal mark) {
        return PositionArithmetic.pnl(key.side(), entryPrice, mark, qty);
    }

    public BigDecimal pnlOn(BigDecimal closeQty, BigDecimal price) {
        return PositionArithmetic.pnl(key.side(), entryPrice, price, closeQty);
    }

    public BigDecimal notional(BigDecimal mark) {
        return qty.multiply(mark);
    }

    public PositionKey key() {
        return key;
    }

    public String symbol() {
        return key.symbol();
    }

    public Side side() {
        return key.side();
    }

    public BigDecimal qty() {
        return qty;
    }

    public BigDecimal entryPrice() {
        return entryPrice;
    }

    public int leverage() {
        return leverage;
    }

    public MarginMode marginMode() {
        return marginMode;
    }

    public BigDecimal margin() {
        return margin;
    }

    public boolean isOpen() {
        return qty.signum() > 0;
    }
}
