package com.copyguard.command;

import com.copyguard.domain.GuardianSetting;
import com.copyguard.domain.LeverageMode;
import com.copyguard.domain.LeverageSetting;
import com.copyguard.domain.LossLimit;
import com.copyguard.domain.LossPeriod;
import com.copyguard.domain.MarginModeChoice;
import com.copyguard.domain.SubscriptionSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a (partial) settings object onto existing settings, validating SPEC.md's ranges. A
 * field that is present replaces the old value; an explicit null clears an optional limit.
 */
public final class SettingsParser {
    public static final BigDecimal MIN_SLIPPAGE = new BigDecimal("0.001");
    public static final BigDecimal MAX_SLIPPAGE = new BigDecimal("0.03");

    private SettingsParser() {
    }

    public static SubscriptionSettings apply(SubscriptionSettings base, JsonNode patch) {
        if (patch == null || patch.isNull()) {
            return base;
        }
        Fields f = Fields.of(patch, InputSchema.named("Settings"), "settings");
        return new SubscriptionSettings(
                patch.has("pairs") ? pairs(patch.get("pairs")) : base.getPairs(),
                patch.has("autoFollowNewPairs") ? f.bool("autoFollowNewPairs", true) : base.isAutoFollowNewPairs(),
                patch.has("leverage") ? leverage(f.object("leverage")) : base.getLeverage(),
                patch.has("marginMode") ? f.enumValue("marginMode", MarginModeChoice.class) : base.getMarginMode(),
                patch.has("stopLossRatio") ? f.optionalPositive("stopLossRatio") : base.getStopLossRatio(),
                patch.has("takeProfitRatio") ? f.optionalPositive("takeProfitRatio") : base.getTakeProfitRatio(),
                patch.has("maxMarginPerPair") ? f.optionalPositive("maxMarginPerPair") : base.getMaxMarginPerPair(),
                patch.has("maxSlippage") ? f.within("maxSlippage", MIN_SLIPPAGE, MAX_SLIPPAGE) : base.getMaxSlippage(),
                patch.has("maxMarginPerOrderRatio") ? ratio(f, "maxMarginPerOrderRatio") : base.getMaxMarginPerOrderRatio(),
                patch.has("maxPositionValue") ? f.positive("maxPositionValue") : base.getMaxPositionValue(),
                patch.has("guardian") ? guardian(base.getGuardian(), f) : base.getGuardian(),
                patch.has("lossLimits") ? lossLimits(patch.get("lossLimits")) : base.getLossLimits());
    }

    private static BigDecimal ratio(Fields f, String name) {
        if (!f.has(name)) {
            return null;
        }
        BigDecimal r = f.decimal(name);
        if (r.signum() <= 0 || r.compareTo(BigDecimal.ONE) > 0) {
            throw ApiException.invalid("settings." + name + " must be greater than 0 and at most 1");
        }
        return r;
    }

    private static List<String> pairs(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.invalid("settings.pairs must be an array of symbols or null");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : node) {
            if (!s.isTextual() || s.asText().isBlank()) {
                throw ApiException.invalid("settings.pairs must hold symbol strings");
            }
            out.add(s.asText());
        }
        return out;
    }

    private static LeverageSetting leverage(Fields f) {
        LeverageMode mode = f.enumValue("mode", LeverageMode.class);
        Integer value = null;
        Map<String, Integer> perSymbol = new LinkedHashMap<>();
        if (mode == LeverageMode.FIXED) {
            value = f.integer("value");
        }
        if (mode == LeverageMode.CUSTOM) {
            JsonNode map = f.node("perSymbol");
            if (map == null || !map.isObject() || map.isEmpty()) {
                throw ApiException.invalid("settings.leverage.perSymbol must map at least one symbol to a leverage");
            }
            Fields symbols = f.object("perSymbol");
            for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
                String symbol = it.next();
                perSymbol.put(symbol, symbols.integer(symbol));
            }
        }
        return new LeverageSetting(mode, value, perSymbol);
    }

    private static GuardianSetting guardian(GuardianSetting base, Fields settings) {
        JsonNode node = settings.node("guardian");
        if (node.isNull()) {
            return GuardianSetting.NONE;
        }
        Fields f = settings.object("guardian");
        return new GuardianSetting(
                node.has("maxNetLoss") ? f.optionalPositive("maxNetLoss") : base.getMaxNetLoss(),
                node.has("minNetValue") ? f.optionalPositive("minNetValue") : base.getMinNetValue(),
                node.has("maxDrawdownRatio") ? drawdownRatio(f) : base.getMaxDrawdownRatio());
    }

    private static BigDecimal drawdownRatio(Fields f) {
        BigDecimal r = f.optionalDecimal("maxDrawdownRatio");
        if (r != null && (r.signum() <= 0 || r.compareTo(BigDecimal.ONE) >= 0)) {
            throw ApiException.invalid("settings.guardian.maxDrawdownRatio must be greater than 0 and less than 1");
        }
        return r;
    }

    /** {@code [{period, maxLoss?, maxLossRatio?, closePositions?}]}, at most one limit per period; null clears. */
    private static List<LossLimit> lossLimits(JsonNode node) {
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > LossPeriod.values().length) {
            throw ApiException.invalid("settings.lossLimits must be an array of at most one limit per period");
        }
        List<LossLimit> out = new ArrayList<>();
        Set<LossPeriod> seen = java.util.EnumSet.noneOf(LossPeriod.class);
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw ApiException.invalid("settings.lossLimits must hold objects");
            }
            Fields f = Fields.of(item, InputSchema.named("LossLimit"), "settings.lossLimits[]");
            LossPeriod period = f.enumValue("period", LossPeriod.class);
            if (!seen.add(period)) {
                throw ApiException.invalid("settings.lossLimits has two " + period + " limits");
            }
            BigDecimal maxLoss = f.optionalPositive("maxLoss");
            BigDecimal ratio = f.optionalDecimal("maxLossRatio");
            if (ratio != null && (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0)) {
                throw ApiException.invalid("settings.lossLimits[].maxLossRatio must be greater than 0 and at most 1");
            }
            if (maxLoss == null && ratio == null) {
                throw ApiException.invalid("settings.lossLimits[] needs maxLoss or maxLossRatio");
            }
            out.add(new LossLimit(period, maxLoss, ratio, f.bool("closePositions", false)));
        }
        return out;
    }
}
