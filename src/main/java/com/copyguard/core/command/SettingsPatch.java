package com.copyguard.core.command;

import com.copyguard.core.model.GuardianSetting;
import com.copyguard.core.model.LeverageSetting;
import com.copyguard.core.model.LossLimit;
import com.copyguard.core.model.MarginModeChoice;
import com.copyguard.core.model.SubscriptionSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A change to some of a subscription's settings, as a follow or a settings PATCH asks for it: each
 * setting is kept or set, and setting an optional limit to null clears it. The guardian's thresholds
 * change one by one; setting the guardian to null removes it.
 *
 * <p>{@code text} is the patch as its sender wrote it (JSON, decimals with their exact scale). The
 * journal stores that text verbatim so journal lines keep their bytes across versions; the engine never
 * reads it. The typed changes are read from the text (at the edge, and by the journal on replay), so two
 * patches are equal when their texts are.
 */
public record SettingsPatch(Change<List<String>> pairs, Change<Boolean> autoFollowNewPairs, Change<LeverageSetting> leverage,
                            Change<MarginModeChoice> marginMode, Change<BigDecimal> stopLossRatio,
                            Change<BigDecimal> takeProfitRatio, Change<BigDecimal> maxMarginPerPair,
                            Change<BigDecimal> maxSlippage, Change<BigDecimal> maxMarginPerOrderRatio,
                            Change<BigDecimal> maxPositionValue, Change<GuardianPatch> guardian,
                            Change<List<LossLimit>> lossLimits, String text) {

    public SettingsPatch {
        Objects.requireNonNull(text, "text");
    }

    /** {@code base} with this patch's changes. */
    public SubscriptionSettings applyTo(SubscriptionSettings base) {
        return new SubscriptionSettings(
                pairs.or(base.getPairs()),
                autoFollowNewPairs.or(base.isAutoFollowNewPairs()),
                leverage.or(base.getLeverage()),
                marginMode.or(base.getMarginMode()),
                stopLossRatio.or(base.getStopLossRatio()),
                takeProfitRatio.or(base.getTakeProfitRatio()),
                maxMarginPerPair.or(base.getMaxMarginPerPair()),
                maxSlippage.or(base.getMaxSlippage()),
                maxMarginPerOrderRatio.or(base.getMaxMarginPerOrderRatio()),
                maxPositionValue.or(base.getMaxPositionValue()),
                guardian.isSet() ? GuardianPatch.applyTo(guardian.value(), base.getGuardian()) : base.getGuardian(),
                lossLimits.or(base.getLossLimits()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingsPatch other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** One setting of a patch: kept as it is, or set to {@code value} (which may be null: cleared). */
    public record Change<T>(boolean isSet, T value) {
        private static final Change<?> KEEP = new Change<>(false, null);

        @SuppressWarnings("unchecked")
        public static <T> Change<T> keep() {
            return (Change<T>) KEEP;
        }

        public static <T> Change<T> to(T value) {
            return new Change<>(true, value);
        }

        /** The new value if this change sets one, else {@code current}. */
        public T or(T current) {
            return isSet ? value : current;
        }
    }

    /** Changes to the guardian's thresholds, each kept or set (null: cleared). */
    public record GuardianPatch(Change<BigDecimal> maxNetLoss, Change<BigDecimal> minNetValue,
                                Change<BigDecimal> maxDrawdownRatio) {

        /** {@code base} with {@code patch}'s changes; a null patch removes the guardian. */
        static GuardianSetting applyTo(GuardianPatch patch, GuardianSetting base) {
            if (patch == null) {
                return GuardianSetting.NONE;
            }
            return new GuardianSetting(patch.maxNetLoss.or(base.getMaxNetLoss()), patch.minNetValue.or(base.getMinNetValue()),
                    patch.maxDrawdownRatio.or(base.getMaxDrawdownRatio()));
        }
    }
}
