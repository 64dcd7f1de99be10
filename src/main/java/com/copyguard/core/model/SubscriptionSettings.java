package com.copyguard.core.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A subscription's copy settings. Immutable: a PATCH builds a new instance. Optional limits are
 * null when unset; {@code pairs} null means every symbol.
 */
public final class SubscriptionSettings {
    public static final BigDecimal DEFAULT_MAX_SLIPPAGE = new BigDecimal("0.005");
    public static final BigDecimal DEFAULT_MAX_POSITION_VALUE = new BigDecimal("1000000");
    public static final SubscriptionSettings DEFAULTS = new SubscriptionSettings(null, true, LeverageSetting.FOLLOW,
            MarginModeChoice.FOLLOW_EXPERT, null, null, null, DEFAULT_MAX_SLIPPAGE, null,
            DEFAULT_MAX_POSITION_VALUE, GuardianSetting.NONE);

    private final List<String> pairs;
    private final boolean autoFollowNewPairs;
    private final LeverageSetting leverage;
    private final MarginModeChoice marginMode;
    private final BigDecimal stopLossRatio;
    private final BigDecimal takeProfitRatio;
    private final BigDecimal maxMarginPerPair;
    private final BigDecimal maxSlippage;
    private final BigDecimal maxMarginPerOrderRatio;
    private final BigDecimal maxPositionValue;
    private final GuardianSetting guardian;
    private final List<LossLimit> lossLimits;

    public SubscriptionSettings(List<String> pairs, boolean autoFollowNewPairs, LeverageSetting leverage,
                                MarginModeChoice marginMode, BigDecimal stopLossRatio, BigDecimal takeProfitRatio,
                                BigDecimal maxMarginPerPair, BigDecimal maxSlippage, BigDecimal maxMarginPerOrderRatio,
                                BigDecimal maxPositionValue, GuardianSetting guardian) {
        this(pairs, autoFollowNewPairs, leverage, marginMode, stopLossRatio, takeProfitRatio, maxMarginPerPair,
                maxSlippage, maxMarginPerOrderRatio, maxPositionValue, guardian, List.of());
    }

    public SubscriptionSettings(List<String> pairs, boolean autoFollowNewPairs, LeverageSetting leverage,
                                MarginModeChoice marginMode, BigDecimal stopLossRatio, BigDecimal takeProfitRatio,
                                BigDecimal maxMarginPerPair, BigDecimal maxSlippage, BigDecimal maxMarginPerOrderRatio,
                                BigDecimal maxPositionValue, GuardianSetting guardian, List<LossLimit> lossLimits) {
        this.lossLimits = List.copyOf(lossLimits);
        this.pairs = pairs == null ? null : List.copyOf(pairs);
        this.autoFollowNewPairs = autoFollowNewPairs;
        this.leverage = leverage;
        this.marginMode = marginMode;
        this.stopLossRatio = stopLossRatio;
        this.takeProfitRatio = takeProfitRatio;
        this.maxMarginPerPair = maxMarginPerPair;
        this.maxSlippage = maxSlippage;
        this.maxMarginPerOrderRatio = maxMarginPerOrderRatio;
        this.maxPositionValue = maxPositionValue;
        this.guardian = guardian;
    }

    public List<String> getPairs() {
        return pairs;
    }

    public boolean isAutoFollowNewPairs() {
        return autoFollowNewPairs;
    }

    public LeverageSetting getLeverage() {
        return leverage;
    }

    public MarginModeChoice getMarginMode() {
        return marginMode;
    }

    public BigDecimal getStopLossRatio() {
        return stopLossRatio;
    }

    public BigDecimal getTakeProfitRatio() {
        return takeProfitRatio;
    }

    public BigDecimal getMaxMarginPerPair() {
        return maxMarginPerPair;
    }

    public BigDecimal getMaxSlippage() {
        return maxSlippage;
    }

    public BigDecimal getMaxMarginPerOrderRatio() {
        return maxMarginPerOrderRatio;
    }

    public BigDecimal getMaxPositionValue() {
        return maxPositionValue;
    }

    public GuardianSetting getGuardian() {
        return guardian;
    }

    /** Loss limits per UTC+8 day, week or month (at most one per period); empty when none. */
    public List<LossLimit> getLossLimits() {
        return lossLimits;
    }
}
