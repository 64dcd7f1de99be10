package com.copyguard.core.model;

import java.math.BigDecimal;

/** Net Value Guardian thresholds; null means not set. */
public final class GuardianSetting {
    public static final GuardianSetting NONE = new GuardianSetting(null, null);

    private final BigDecimal maxNetLoss;
    private final BigDecimal minNetValue;
    private final BigDecimal maxDrawdownRatio;

    public GuardianSetting(BigDecimal maxNetLoss, BigDecimal minNetValue) {
        this(maxNetLoss, minNetValue, null);
    }

    public GuardianSetting(BigDecimal maxNetLoss, BigDecimal minNetValue, BigDecimal maxDrawdownRatio) {
        this.maxNetLoss = maxNetLoss;
        this.minNetValue = minNetValue;
        this.maxDrawdownRatio = maxDrawdownRatio;
    }

    /** Trailing drawdown guard: the largest fall below the flow-adjusted peak equity (0-1), or null. */
    public BigDecimal getMaxDrawdownRatio() {
        return maxDrawdownRatio;
    }

    /** True when any guardian threshold is set. */
    public boolean isSet() {
        return maxNetLoss != null || minNetValue != null || maxDrawdownRatio != null;
    }

    public BigDecimal getMaxNetLoss() {
        return maxNetLoss;
    }

    public BigDecimal getMinNetValue() {
        return minNetValue;
    }
}
