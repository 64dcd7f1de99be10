package com.copyguard.core.engine;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.PositionArithmetic;
import com.copyguard.core.model.Side;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.core.ledger.Position;
import java.math.BigDecimal;

/**
 * The marks at which the risk rules would act on a position, for people to read (the rules decide
 * from the same inputs; these prices never decide anything):
 * <ul>
 * <li>liquidation (isolated only; a cross position's depends on the whole account): the loss reaches
 *     margin - maintenance margin at that mark, i.e. for a long
 *     {@code (entry·qty - margin) / (qty·(1 - mmr))}, for a short {@code (entry·qty + margin) / (qty·(1 + mmr))};</li>
 * <li>stop loss / take profit: ROE = uPnL / margin crosses -stopLossRatio / +takeProfitRatio, i.e.
 *     entry ∓ ratio·margin/qty (mirrored for a short).</li>
 * </ul>
 */
public record PositionTriggers(BigDecimal liquidationPrice, BigDecimal stopLossPrice, BigDecimal takeProfitPrice) {

    public static PositionTriggers of(Position p, BigDecimal maintenanceMarginRate, SubscriptionSettings settings) {
        if (p.qty().signum() == 0) {
            return new PositionTriggers(null, null, null);
        }
        boolean isLong = p.side() == Side.LONG;
        BigDecimal liquidation = null;
        if (p.marginMode() == MarginMode.ISOLATED && maintenanceMarginRate != null) {
            liquidation = shown(PositionArithmetic.isolatedLiquidationPrice(p.side(), p.entryPrice(), p.qty(),
                    p.margin(), maintenanceMarginRate));
        }
        return new PositionTriggers(liquidation, trigger(p, settings.getStopLossRatio(), !isLong),
                trigger(p, settings.getTakeProfitRatio(), isLong));
    }

    /** entry + ratio·margin/qty when {@code up}, else entry - ratio·margin/qty (never below 0). */
    private static BigDecimal trigger(Position p, BigDecimal ratio, boolean up) {
        if (ratio == null) {
            return null;
        }
        BigDecimal move = Decimals.div(ratio.multiply(p.margin()), p.qty());
        BigDecimal price = up ? p.entryPrice().add(move) : p.entryPrice().subtract(move);
        return shown(price);
    }

    /** Prices as people read them: 8 places, never below 0. */
    private static BigDecimal shown(BigDecimal price) {
        return price.signum() > 0 ? price.setScale(8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                : BigDecimal.ZERO;
    }
}
