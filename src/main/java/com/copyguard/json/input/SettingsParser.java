package com.copyguard.json.input;

import com.copyguard.core.command.SettingsPatch.Change;
import com.copyguard.core.command.SettingsPatch.GuardianPatch;
import com.copyguard.core.command.SettingsPatch;
import com.copyguard.core.model.LeverageMode;
import com.copyguard.core.model.LeverageSetting;
import com.copyguard.core.model.LossLimit;
import com.copyguard.core.model.LossPeriod;
import com.copyguard.core.model.MarginModeChoice;
import com.copyguard.json.Json;
import com.copyguard.core.refusal.InputRefused;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a (partial) settings object into a {@link SettingsPatch}, validating SPEC.md's ranges. A
 * field that is present replaces the old value; an explicit null clears an optional limit.
 */
public final class SettingsParser {
    public static final BigDecimal MIN_SLIPPAGE = new BigDecimal("0.001");
    public static final BigDecimal MAX_SLIPPAGE = new BigDecimal("0.03");
    /**
     * The patch's text keeps each decimal's exact scale ({@code 5E+4} stays {@code 5E+4}), as the
     * journal writes decimals, so the journal stores the same bytes it always did.
     */
    private static final ObjectWriter TEXT = Json.MAPPER.writer().without(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private SettingsParser() {
    }

    /** The settings object {@code patch} as a patch; refused with the first field that breaks a bound. */
    public static SettingsPatch patch(JsonNode patch) {
        Fields f = Fields.of(patch, InputSchema.named("Settings"), "settings");
        return new SettingsPatch(
                patch.has("pairs") ? Change.to(pairs(patch.get("pairs"))) : Change.keep(),
                patch.has("autoFollowNewPairs") ? Change.to(f.bool("autoFollowNewPairs", true)) : Change.keep(),
                patch.has("leverage") ? Change.to(leverage(f.object("leverage"))) : Change.keep(),
                patch.has("marginMode") ? Change.to(f.enumValue("marginMode", MarginModeChoice.class)) : Change.keep(),
                patch.has("stopLossRatio") ? Change.to(f.optionalPositive("stopLossRatio")) : Change.keep(),
                patch.has("takeProfitRatio") ? Change.to(f.optionalPositive("takeProfitRatio")) : Change.keep(),
                patch.has("maxMarginPerPair") ? Change.to(f.optionalPositive("maxMarginPerPair")) : Change.keep(),
                patch.has("maxSlippage") ? Change.to(f.within("maxSlippage", MIN_SLIPPAGE, MAX_SLIPPAGE)) : Change.keep(),
                patch.has("maxMarginPerOrderRatio") ? Change.to(ratio(f, "maxMarginPerOrderRatio")) : Change.keep(),
                patch.has("maxPositionValue") ? Change.to(f.positive("maxPositionValue")) : Change.keep(),
                patch.has("guardian") ? Change.to(guardian(f)) : Change.keep(),
                patch.has("lossLimits") ? Change.to(lossLimits(patch.get("lossLimits"))) : Change.keep(),
                text(patch));
    }

    private static String text(JsonNode patch) {
        try {
            return TEXT.writeValueAsString(patch);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal ratio(Fields f, String name) {
        if (!f.has(name)) {
            return null;
        }
        BigDecimal r = f.decimal(name);
        if (r.signum() <= 0 || r.compareTo(BigDecimal.ONE) > 0) {
            throw InputRefused.invalid("settings." + name + " must be greater than 0 and at most 1");
        }
        return r;
    }

    private static List<String> pairs(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw InputRefused.invalid("settings.pairs must be an array of symbols or null");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : node) {
            if (!s.isTextual() || s.asText().isBlank()) {
                throw InputRefused.invalid("settings.pairs must hold symbol strings");
            }
            out.add(s.asText());
        }
        return List.copyOf(out);
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
                throw InputRefused.invalid("settings.leverage.perSymbol must map at least one symbol to a leverage");
            }
            Fields symbols = f.object("perSymbol");
            for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
                String symbol = it.next();
                perSymbol.put(symbol, symbols.integer(symbol));
            }
        }
        return new LeverageSetting(mode, value, perSymbol);
    }

    /** Changes to the guardian's thresholds; null removes the guardian. */
    private static GuardianPatch guardian(Fields settings) {
        JsonNode node = settings.node("guardian");
        if (node.isNull()) {
            return null;
        }
        Fields f = settings.object("guardian");
        return new GuardianPatch(
                node.has("maxNetLoss") ? Change.to(f.optionalPositive("maxNetLoss")) : Change.keep(),
                node.has("minNetValue") ? Change.to(f.optionalPositive("minNetValue")) : Change.keep(),
                node.has("maxDrawdownRatio") ? Change.to(drawdownRatio(f)) : Change.keep());
    }

    private static BigDecimal drawdownRatio(Fields f) {
        BigDecimal r = f.optionalDecimal("maxDrawdownRatio");
        if (r != null && (r.signum() <= 0 || r.compareTo(BigDecimal.ONE) >= 0)) {
            throw InputRefused.invalid("settings.guardian.maxDrawdownRatio must be greater than 0 and less than 1");
        }
        return r;
    }

    /** {@code [{period, maxLoss?, maxLossRatio?, closePositions?}]}, at most one limit per period; null clears. */
    private static List<LossLimit> lossLimits(JsonNode node) {
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > LossPeriod.values().length) {
            throw InputRefused.invalid("settings.lossLimits must be an array of at most one limit per period");
        }
        List<LossLimit> out = new ArrayList<>();
        Set<LossPeriod> seen = java.util.EnumSet.noneOf(LossPeriod.class);
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw InputRefused.invalid("settings.lossLimits must hold objects");
            }
            Fields f = Fields.of(item, InputSchema.named("LossLimit"), "settings.lossLimits[]");
            LossPeriod period = f.enumValue("period", LossPeriod.class);
            if (!seen.add(period)) {
                throw InputRefused.invalid("settings.lossLimits has two " + period + " limits");
            }
            BigDecimal maxLoss = f.optionalPositive("maxLoss");
            BigDecimal ratio = f.optionalDecimal("maxLossRatio");
            if (ratio != null && (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0)) {
                throw InputRefused.invalid("settings.lossLimits[].maxLossRatio must be greater than 0 and at most 1");
            }
            if (maxLoss == null && ratio == null) {
                throw InputRefused.invalid("settings.lossLimits[] needs maxLoss or maxLossRatio");
            }
            out.add(new LossLimit(period, maxLoss, ratio, f.bool("closePositions", false)));
        }
        return List.copyOf(out);
    }
}
