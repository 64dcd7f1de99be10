package com.copyguard.core.model;

import java.util.Map;

/** How a subscription picks the leverage of its copies. */
public final class LeverageSetting {
    public static final LeverageSetting FOLLOW = new LeverageSetting(LeverageMode.FOLLOW_EXPERT, null, Map.of());

    private final LeverageMode mode;
    private final Integer value;
    private final Map<String, Integer> perSymbol;

    public LeverageSetting(LeverageMode mode, Integer value, Map<String, Integer> perSymbol) {
        this.mode = mode;
        this.value = value;
        this.perSymbol = Map.copyOf(perSymbol);
    }

    public LeverageMode getMode() {
        return mode;
    }

    public Integer getValue() {
        return value;
    }

    public Map<String, Integer> getPerSymbol() {
        return perSymbol;
    }
}
