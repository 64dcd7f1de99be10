package com.copyguard.durability.snapshot;

import com.copyguard.core.model.GuardianSetting;
import com.copyguard.core.model.LeverageMode;
import com.copyguard.core.model.LeverageSetting;
import com.copyguard.core.model.LossLimit;
import com.copyguard.core.model.LossPeriod;
import com.copyguard.core.model.MarginModeChoice;
import com.copyguard.core.model.SubscriptionSettings;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** A subscription's settings and the values inside them. */
final class SettingsMapping {
    private SettingsMapping() {
    }

    static void write(StateOutput out, SubscriptionSettings s) throws IOException {
        out.start();
        out.strings(s.getPairs());
        out.bool(s.isAutoFollowNewPairs());
        leverage(out, s.getLeverage());
        out.constant(s.getMarginMode());
        out.decimal(s.getStopLossRatio());
        out.decimal(s.getTakeProfitRatio());
        out.decimal(s.getMaxMarginPerPair());
        out.decimal(s.getMaxSlippage());
        out.decimal(s.getMaxMarginPerOrderRatio());
        out.decimal(s.getMaxPositionValue());
        guardian(out, s.getGuardian());
        out.list(s.getLossLimits(), SettingsMapping::lossLimit);
        out.end();
    }

    static SubscriptionSettings read(StateInput in) throws IOException {
        in.start();
        SubscriptionSettings s = new SubscriptionSettings(in.strings(), in.bool(), leverage(in),
                in.constant(MarginModeChoice.class), in.decimal(), in.decimal(), in.decimal(), in.decimal(), in.decimal(),
                in.decimal(), guardian(in), in.list(SettingsMapping::lossLimit));
        in.end();
        return s;
    }

    private static void leverage(StateOutput out, LeverageSetting l) throws IOException {
        if (l == null) {
            out.string(null);
            return;
        }
        out.start();
        out.constant(l.getMode());
        out.nullableNumber(l.getValue());
        // the live map is an unordered Map.copyOf: written sorted so that equal settings encode equally
        out.map(new TreeMap<>(l.getPerSymbol()), (o, v) -> o.nullableNumber(v));
        out.end();
    }

    private static LeverageSetting leverage(StateInput in) throws IOException {
        if (in.nullNext()) {
            return null;
        }
        LeverageMode mode = in.constant(LeverageMode.class);
        Integer value = in.nullableInt();
        Map<String, Integer> perSymbol = in.map(StateInput::nullableInt);
        in.end();
        if (mode == LeverageSetting.FOLLOW.getMode() && value == null && perSymbol.isEmpty()) {
            return LeverageSetting.FOLLOW;
        }
        return new LeverageSetting(mode, value, perSymbol);
    }

    private static void guardian(StateOutput out, GuardianSetting g) throws IOException {
        if (g == null) {
            out.string(null);
            return;
        }
        out.start();
        out.decimal(g.getMaxNetLoss());
        out.decimal(g.getMinNetValue());
        out.decimal(g.getMaxDrawdownRatio());
        out.end();
    }

    private static GuardianSetting guardian(StateInput in) throws IOException {
        if (in.nullNext()) {
            return null;
        }
        GuardianSetting g = new GuardianSetting(in.decimal(), in.decimal(), in.decimal());
        in.end();
        // the unset guardian is one shared value in the live engine too
        return g.isSet() ? g : GuardianSetting.NONE;
    }

    private static void lossLimit(StateOutput out, LossLimit l) throws IOException {
        out.start();
        out.constant(l.getPeriod());
        out.decimal(l.getMaxLoss());
        out.decimal(l.getMaxLossRatio());
        out.bool(l.isClosePositions());
        out.end();
    }

    private static LossLimit lossLimit(StateInput in) throws IOException {
        in.start();
        LossLimit l = new LossLimit(in.constant(LossPeriod.class), in.decimal(), in.decimal(), in.bool());
        in.end();
        return l;
    }
}
