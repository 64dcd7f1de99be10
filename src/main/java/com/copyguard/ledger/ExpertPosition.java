package com.copyguard.ledger;

import com.copyguard.decimal.Decimals;
import com.copyguard.domain.MarginMode;
import com.copyguard.domain.Side;
import java.math.BigDecimal;

/** An expert's open position, tracked from its fill stream. */
public final class ExpertPosition {
    private final String symbol;
    private final Side side;
    private BigDecimal qty = BigDecimal.ZERO;
    private BigDecimal entryPrice = BigDecimal.ZERO;
    private int leverage;
    private MarginMode marginMode;

    ExpertPosition(String symbol, Side side) {
        this.symbol = symbol;
        this.side = side;
    }

    void open(BigDecimal addQty, BigDecimal price, int newLeverage, MarginMode mode) {
        BigDecimal newQty = qty.add(addQty);
        entryPrice = Decimals.div(qty.multiply(entryPrice).add(addQty.multiply(price)), newQty);
        qty = newQty;
        leverage = newLeverage;
        marginMode = mode;
    }

    void close(BigDecimal closeQty) {
        qty = qty.subtract(closeQty);
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
