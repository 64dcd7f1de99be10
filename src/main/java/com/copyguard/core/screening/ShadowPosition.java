package com.copyguard.core.screening;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.PositionArithmetic;
import com.copyguard.core.model.Side;
import java.math.BigDecimal;

/**
 * The expert's position as screening sees it, rebuilt from the expert's own fills: average entry
 * and the PnL realized by its closes so far. Kept apart from the ledger's ExpertPosition so that
 * screening needs no state from before a fill was applied.
 */
final class ShadowPosition {
    private final String symbol;
    private final Side side;
    private BigDecimal qty = BigDecimal.ZERO;
    private BigDecimal entryPrice = BigDecimal.ZERO;
    private BigDecimal realized = BigDecimal.ZERO;
    private final long openTime;
    private BigDecimal maxQty = BigDecimal.ZERO;
    private BigDecimal closedQty = BigDecimal.ZERO;
    private BigDecimal closedNotional = BigDecimal.ZERO;

    ShadowPosition(String symbol, Side side, long openTime) {
        this.symbol = symbol;
        this.side = side;
        this.openTime = openTime;
    }

    ShadowPositionState state() {
        return new ShadowPositionState(symbol, side, openTime, qty, entryPrice, realized, maxQty, closedQty,
                closedNotional);
    }

    static ShadowPosition restore(ShadowPositionState s) {
        ShadowPosition p = new ShadowPosition(s.symbol(), s.side(), s.openTime());
        p.qty = s.qty();
        p.entryPrice = s.entryPrice();
        p.realized = s.realized();
        p.maxQty = s.maxQty();
        p.closedQty = s.closedQty();
        p.closedNotional = s.closedNotional();
        return p;
    }

    void open(BigDecimal addQty, BigDecimal price) {
        BigDecimal newQty = qty.add(addQty);
        maxQty = Decimals.max(maxQty, newQty);
        entryPrice = PositionArithmetic.averageEntry(qty, entryPrice, addQty, price);
        qty = newQty;
    }

    /** Closes up to {@code closeQty} at {@code price}; returns the PnL realized by this close. */
    BigDecimal close(BigDecimal closeQty, BigDecimal price) {
        BigDecimal q = Decimals.min(closeQty, qty);
        BigDecimal pnl = PositionArithmetic.pnl(side, entryPrice, price, q);
        qty = qty.subtract(q);
        realized = realized.add(pnl);
        closedQty = closedQty.add(q);
        closedNotional = closedNotional.add(q.multiply(price));
        return pnl;
    }

    /** This position as a finished trade; call once it is closed. */
    ExpertTrade trade(long seq, long closeTime) {
        BigDecimal exit = closedQty.signum() == 0 ? entryPrice : Decimals.div(closedNotional, closedQty);
        return new ExpertTrade(seq, symbol, side, openTime, closeTime, entryPrice, exit, maxQty, realized);
    }

    BigDecimal unrealized(BigDecimal mark) {
        return PositionArithmetic.pnl(side, entryPrice, mark, qty);
    }

    boolean isClosed() {
        return qty.signum() == 0;
    }

    String symbol() {
        return symbol;
    }

    BigDecimal entryPrice() {
        return entryPrice;
    }

    /** Total PnL realized by every close of this position. */
    BigDecimal realized() {
        return realized;
    }
}
