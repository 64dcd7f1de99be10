package com.copyguard.core.ledger;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.PositionArithmetic;
import com.copyguard.core.model.Side;
import java.math.BigDecimal;

/** An expert's open position, tracked from its fill stream. */
public final class ExpertPosition {
    private final String symbol;
    private final Side side;
    private BigDecimal qty = BigDecimal.ZERO;
    private BigDecimal entryPrice = BigDecimal.ZERO;
    private int leverage;
    private MarginMode marginMode;
    /** Margin the expert added (positive) or removed (negative) beyond the initial margin at entry. */
    private BigDecimal addedMargin = BigDecimal.ZERO;

    ExpertPosition(String symbol, Side side) {
        this.symbol = symbol;
        this.side = side;
    }

    ExpertPositionState state() {
        return new ExpertPositionState(symbol, side, qty, entryPrice, leverage, marginMode, addedMargin);
    }

    static ExpertPosition restore(ExpertPositionState s) {
        ExpertPosition p = new ExpertPosition(s.symbol(), s.side());
        p.qty = s.qty();
        p.entryPrice = s.entryPrice();
        p.leverage = s.leverage();
        p.marginMode = s.marginMode();
        p.addedMargin = s.addedMargin();
        return p;
    }

    void open(BigDecimal addQty, BigDecimal price, int newLeverage, MarginMode mode) {
        entryPrice = PositionArithmetic.averageEntry(qty, entryPrice, addQty, price);
        qty = qty.add(addQty);
        leverage = newLeverage;
        marginMode = mode;
    }

    void close(BigDecimal closeQty) {
        if (qty.signum() > 0) {
            // a close releases its share of the added margin, as it does of the initial margin
            addedMargin = addedMargin.subtract(Decimals.div(addedMargin.multiply(closeQty), qty));
        }
        qty = qty.subtract(closeQty);
    }

    void addMargin(BigDecimal amount) {
        addedMargin = addedMargin.add(amount);
    }

    /** The expert's margin on the position: initial margin at entry (qty × entry ÷ leverage) plus what it added. */
    public BigDecimal margin() {
        return Decimals.margin(qty, entryPrice, leverage).add(addedMargin);
    }

    public String symbol() {
        return symbol;
    }

    public Side side() {
        return side;
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
}
