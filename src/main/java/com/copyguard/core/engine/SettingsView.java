package com.copyguard.core.engine;

import com.copyguard.core.model.GuardianSetting;
import com.copyguard.core.model.LeverageMode;
import com.copyguard.core.model.LeverageSetting;
import com.copyguard.core.model.LossLimit;
import com.copyguard.core.model.LossPeriod;
import com.copyguard.core.model.MarginModeChoice;
import com.copyguard.core.model.SubscriptionSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A subscription's settings. {@code pairs} null means all pairs. */
public record SettingsView(List<String> pairs, boolean autoFollowNewPairs, Leverage leverage,
                           MarginModeChoice marginMode, BigDecimal stopLossRatio, BigDecimal takeProfitRatio,
                           BigDecimal maxMarginPerPair, BigDecimal maxSlippage, BigDecimal maxMarginPerOrderRatio,
                           BigDecimal maxPositionValue, Guardian guardian, List<Limit> lossLimits) {
    /** {@code value} is absent unless FIXED/CUSTOM gave one; {@code perSymbol} absent when empty. */
    public record Leverage(LeverageMode mode, Integer value, Map<String, Integer> perSymbol) {
    }

    public record Guardian(BigDecimal maxNetLoss, BigDecimal minNetValue, BigDecimal maxDrawdownRatio) {
    }

    public record Limit(LossPeriod period, BigDecimal maxLoss, BigDecimal maxLossRatio, boolean closePositions) {
    }

    public static SettingsView of(SubscriptionSettings s) {
        LeverageSetting l = s.getLeverage();
        Map<String, Integer> perSymbol = l.getPerSymbol().isEmpty() ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(l.getPerSymbol()));
        GuardianSetting g = s.getGuardian();
        List<Limit> limits = new ArrayList<>();
        for (LossLimit limit : s.getLossLimits()) {
            limits.add(new Limit(limit.getPeriod(), limit.getMaxLoss(), limit.getMaxLossRatio(), limit.isClosePositions()));
        }
        return new SettingsView(s.getPairs() == null ? null : Collections.unmodifiableList(new ArrayList<>(s.getPairs())),
                s.isAutoFollowNewPairs(), new Leverage(l.getMode(), l.getValue(), perSymbol), s.getMarginMode(),
                s.getStopLossRatio(), s.getTakeProfitRatio(), s.getMaxMarginPerPair(), s.getMaxSlippage(),
                s.getMaxMarginPerOrderRatio(), s.getMaxPositionValue(),
                new Guardian(g.getMaxNetLoss(), g.getMinNetValue(), g.getMaxDrawdownRatio()), List.copyOf(limits));
    }
}
