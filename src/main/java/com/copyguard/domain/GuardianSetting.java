package com.copyguard.domain;

import java.math.BigDecimal;

/** Net Value Guardian thresholds; null means not set. */
public final class GuardianSetting {
    public static final GuardianSetting NONE = new GuardianSetting(null, null);

    private final BigDecimal maxNetLoss;
    private final BigDecimal minNetValue;

    public GuardianSetting(BigDecimal maxNetLoss, BigDecimal minNetValue) {
        this.maxNetLoss = maxNetLoss;
        this.minNetValue = minNetValue;
    }

    public BigDecimal getMaxNetLoss() {
        return maxNetLoss;
    }

    public BigDecimal getMinNetValue() {
        return minNetValue;
    }
}
