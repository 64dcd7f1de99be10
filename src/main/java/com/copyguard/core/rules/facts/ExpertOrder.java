package com.copyguard.core.rules.facts;

import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import java.math.BigDecimal;

/** The expert fill being copied, as the rules see it. One instance is shared by every copy of a fill. */
public final class ExpertOrder {
    private final String expertId;
    private final String fillId;
    private final String symbol;
    private final Side side;
    private final boolean opening;
    private final BigDecimal qty;
    private final BigDecimal price;
    private final int leverage;
    private final MarginMode marginMode;
    private final FillStatus status;
    private final long time;
    private final BigDecimal expertEquity;
    private final BigDecimal expertPositionQty;
    private final Long msSinceLastOpen;
    private final long msBehindClock;

    public ExpertOrder(String expertId, String fillId, String symbol, Side side, boolean opening, BigDecimal qty,
                       BigDecimal price, int leverage, MarginMode marginMode, FillStatus status, long time,
                       BigDecimal expertEquity, BigDecimal expertPositionQty, Long msSinceLastOpen) {
        this(expertId, fillId, symbol, side, opening, qty, price, leverage, marginMode, status, time, expertEquity,
                expertPositionQty, msSinceLastOpen, 0L);
    }

    /** {@code msBehindClock}: how far the fill's time lies behind the service's clock (0 when it is not behind). */
    public ExpertOrder(String expertId, String fillId, String symbol, Side side, boolean opening, BigDecimal qty,
                       BigDecimal price, int leverage, MarginMode marginMode, FillStatus status, long time,
                       BigDecimal expertEquity, BigDecimal expertPositionQty, Long msSinceLastOpen, long msBehindClock) {
        this.msSinceLastOpen = msSinceLastOpen;
        this.msBehindClock = msBehindClock;
        this.expertId = expertId;
        this.fillId = fillId;
        this.symbol = symbol;
        this.side = side;
        this.opening = opening;
        this.qty = qty;
        this.price = price;
        this.leverage = leverage;
        this.marginMode = marginMode;
        this.status = status;
        this.time = time;
        this.expertEquity = expertEquity;
        this.expertPositionQty = expertPositionQty;
    }

    public String getExpertId() {
        return expertId;
    }

    public String getFillId() {
        return fillId;
    }

    public String getSymbol() {
        return symbol;
    }

    public Side getSide() {
        return side;
    }

    public boolean isOpening() {
        return opening;
    }

    public BigDecimal getQty() {
        return qty;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public int getLeverage() {
        return leverage;
    }

    public MarginMode getMarginMode() {
        return marginMode;
    }

    public FillStatus getStatus() {
        return status;
    }

    public long getTime() {
        return time;
    }

    /** Expert equity at the fill (0 when never reported). */
    public BigDecimal getExpertEquity() {
        return expertEquity;
    }

    /**
     * Milliseconds since the expert's previous opening fill (event time), or null for its first open
     * and for copies of existing positions at follow time, which no frequency limit applies to.
     */
    public Long getMsSinceLastOpen() {
        return msSinceLastOpen;
    }

    /** How long before the service's clock (the latest event time seen) the expert's fill happened. */
    public long getMsBehindClock() {
        return msBehindClock;
    }

    /** The expert's position on this symbol and side before the fill (0 for a first open). */
    public BigDecimal getExpertPositionQty() {
        return expertPositionQty;
    }
}
