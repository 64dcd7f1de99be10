package com.copyguard.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A USDT-margined linear perpetual and its trading limits. Immutable; replaced as a whole. */
public final class Instrument {
    private final String symbol;
    private final BigDecimal minQty;
    private final BigDecimal qtyStep;
    private final int maxLeverage;
    private final BigDecimal takerFeeRate;
    private final BigDecimal maintenanceMarginRate;
    private final BigDecimal followNotionalLimit;

    public Instrument(String symbol, BigDecimal minQty, BigDecimal qtyStep, int maxLeverage,
                      BigDecimal takerFeeRate, BigDecimal maintenanceMarginRate, BigDecimal followNotionalLimit) {
        this.symbol = Objects.requireNonNull(symbol);
        this.minQty = Objects.requireNonNull(minQty);
        this.qtyStep = Objects.requireNonNull(qtyStep);
        this.maxLeverage = maxLeverage;
        this.takerFeeRate = Objects.requireNonNull(takerFeeRate);
        this.maintenanceMarginRate = Objects.requireNonNull(maintenanceMarginRate);
        this.followNotionalLimit = followNotionalLimit;
    }

    public String getSymbol() {
        return symbol;
    }

    public BigDecimal getMinQty() {
        return minQty;
    }

    public BigDecimal getQtyStep() {
        return qtyStep;
    }

    public int getMaxLeverage() {
        return maxLeverage;
    }

    public BigDecimal getTakerFeeRate() {
        return takerFeeRate;
    }

    public BigDecimal getMaintenanceMarginRate() {
        return maintenanceMarginRate;
    }

    /** Platform cap on total following notional per expert on this symbol; null when unlimited. */
    public BigDecimal getFollowNotionalLimit() {
        return followNotionalLimit;
    }
}
