package com.copyguard.bench;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.LeverageMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.MarginModeChoice;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.rules.facts.ExpertOrder;
import com.copyguard.core.rules.facts.FollowerState;
import com.copyguard.core.rules.facts.OpenCopy;
import java.math.BigDecimal;

/**
 * The baseline: rules/v1's open-sizing decisions hand-written in plain Java, without Drools, for
 * measuring what the rules engine costs. Benchmark sources only; checked against the DRL for
 * identical decisions on the same inputs in every run.
 */
public final class PlainJavaSizer {
    private static final BigDecimal FREQUENCY_MS = BigDecimal.valueOf(3000);

    public record Decision(Outcome outcome, ReasonCode reason, BigDecimal qty, Integer leverage, MarginMode marginMode) {
    }

    private PlainJavaSizer() {
    }

    public static Decision decide(OpenCopy c) {
        ExpertOrder o = c.getOrder();
        FollowerState f = c.getFollower();
        SubscriptionSettings s = f.getSettings();
        Instrument i = c.getInstrument();
        if (o.getStatus() == FillStatus.PARTIALLY_FILLED_CANCELED) {
            return rejected(ReasonCode.PARTIAL_FILL_NOT_COPIED);
        }
        if (f.getStatus() != SubscriptionStatus.ACTIVE) {
            return rejected(ReasonCode.NOT_ACTIVE);
        }
        if (!f.followsPair(o.getSymbol()) || (!s.isAutoFollowNewPairs() && !f.isSymbolTradedBeforeFollow())) {
            return rejected(ReasonCode.PAIR_NOT_FOLLOWED);
        }
        if (o.getMsSinceLastOpen() != null && BigDecimal.valueOf(o.getMsSinceLastOpen()).compareTo(FREQUENCY_MS) < 0) {
            return rejected(ReasonCode.EXPERT_FREQUENCY_LIMIT);
        }
        if (c.getSlippage().compareTo(s.getMaxSlippage()) > 0) {
            return rejected(ReasonCode.SLIPPAGE_EXCEEDED);
        }
        int leverage = leverage(c);
        MarginMode marginMode = s.getMarginMode() == MarginModeChoice.FOLLOW_EXPERT ? o.getMarginMode()
                : s.getMarginMode() == MarginModeChoice.CROSS ? MarginMode.CROSS : MarginMode.ISOLATED;
        BigDecimal price = c.getMarkPrice();
        BigDecimal target;
        if (f.getMode() == FollowMode.SMART_RATIO) {
            if (o.getExpertEquity().signum() <= 0) {
                return rejected(ReasonCode.EXPERT_EQUITY_UNKNOWN);
            }
            BigDecimal ratio = Decimals.div(f.getEquity(), o.getExpertEquity());
            target = Decimals.div(o.getQty().multiply(ratio).multiply(BigDecimal.valueOf(leverage)),
                    BigDecimal.valueOf(o.getLeverage()));
        } else if (f.getMode() == FollowMode.FIXED_MARGIN) {
            target = Decimals.qtyForMargin(f.getFixedMargin(), price, leverage);
        } else {
            target = f.getMultiplier().multiply(o.getQty());
        }
        target = Decimals.nonNegative(target);
        BigDecimal qty = target;
        ReasonCode shrunk = null;
        if (s.getMaxMarginPerOrderRatio() != null) {
            BigDecimal limit = s.getMaxMarginPerOrderRatio().multiply(f.getEquity());
            if (Decimals.margin(qty, price, leverage).compareTo(limit) > 0) {
                BigDecimal capped = Decimals.nonNegative(Decimals.qtyForMargin(limit, price, leverage));
                if (capped.compareTo(qty) < 0) {
                    qty = capped;
                    shrunk = ReasonCode.MAX_MARGIN_PER_ORDER;
                }
            }
        }
        if (s.getMaxMarginPerPair() != null
                && f.getPairMarginUsed().add(Decimals.margin(qty, price, leverage)).compareTo(s.getMaxMarginPerPair()) > 0) {
            BigDecimal headroom = Decimals.nonNegative(s.getMaxMarginPerPair().subtract(f.getPairMarginUsed()));
            BigDecimal capped = Decimals.nonNegative(Decimals.qtyForMargin(headroom, price, leverage));
            if (capped.compareTo(qty) < 0) {
                qty = capped;
                shrunk = ReasonCode.MAX_MARGIN_PER_PAIR;
            }
        }
        if (f.getOpenNotional().add(qty.multiply(price)).compareTo(s.getMaxPositionValue()) > 0) {
            BigDecimal headroom = Decimals.nonNegative(s.getMaxPositionValue().subtract(f.getOpenNotional()));
            BigDecimal capped = Decimals.nonNegative(Decimals.div(headroom, price));
            if (capped.compareTo(qty) < 0) {
                qty = capped;
                shrunk = ReasonCode.MAX_POSITION_VALUE;
            }
        }
        BigDecimal marginAndFee = Decimals.margin(qty, price, leverage).add(qty.multiply(price).multiply(i.getTakerFeeRate()));
        if (marginAndFee.compareTo(f.getAvailable()) > 0) {
            BigDecimal perUnit = Decimals.div(price, leverage).add(price.multiply(i.getTakerFeeRate()));
            BigDecimal capped = Decimals.nonNegative(Decimals.div(f.getAvailable(), perUnit));
            if (capped.compareTo(qty) < 0) {
                qty = capped;
                shrunk = ReasonCode.INSUFFICIENT_BALANCE;
            }
        }
        qty = Decimals.min(qty, Decimals.roundDown(qty, i.getQtyStep()));
        if (Decimals.roundDown(target, i.getQtyStep()).compareTo(i.getMinQty()) < 0) {
            return rejected(ReasonCode.BELOW_MIN_QTY);
        }
        if (shrunk != null && qty.compareTo(i.getMinQty()) < 0) {
            return rejected(shrunk);
        }
        return new Decision(Outcome.COPIED, shrunk, qty, leverage, marginMode);
    }

    private static int leverage(OpenCopy c) {
        SubscriptionSettings s = c.getSettings();
        int max = c.getInstrument().getMaxLeverage();
        if (s.getLeverage().getMode() == LeverageMode.FIXED) {
            return Math.min(s.getLeverage().getValue(), max);
        }
        if (s.getLeverage().getMode() == LeverageMode.CUSTOM && c.getCustomLeverage() != null) {
            return Math.min(c.getCustomLeverage(), max);
        }
        return Math.min(c.getOrder().getLeverage(), max);
    }

    private static Decision rejected(ReasonCode reason) {
        return new Decision(Outcome.REJECTED, reason, BigDecimal.ZERO, null, null);
    }

    /** True when the rules' decision on {@code c} equals the baseline's. */
    public static boolean sameAs(OpenCopy c, Decision d) {
        if (c.getOutcome() != d.outcome() || c.getReason() != d.reason()) {
            return false;
        }
        return d.outcome() != Outcome.COPIED || (c.getQty().compareTo(d.qty()) == 0
                && c.getLeverage().equals(d.leverage()) && c.getMarginMode() == d.marginMode());
    }
}
