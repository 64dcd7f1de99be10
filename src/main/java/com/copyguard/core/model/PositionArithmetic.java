package com.copyguard.core.model;

import com.copyguard.core.model.Decimals;
import java.math.BigDecimal;

/**
 * The arithmetic every position shares, follower's or expert's, ledger's or screening's: which way
 * a price move counts for a side, what a quantity gains between two prices, the average entry after
 * adding to a position, and where an isolated position is liquidated. Kept in one place so that a
 * long and a short are told apart, and an entry is averaged, the same way everywhere.
 */
public final class PositionArithmetic {
    private PositionArithmetic() {
    }

    /** How far a price moved from {@code from} to {@code to} in favour of {@code side}: up for a long, down for a short. */
    public static BigDecimal moveInFavour(Side side, BigDecimal from, BigDecimal to) {
        return side == Side.LONG ? to.subtract(from) : from.subtract(to);
    }

    /** What {@code qty} of a {@code side} position entered at {@code entry} gains (negative: loses) at {@code price}. */
    public static BigDecimal pnl(Side side, BigDecimal entry, BigDecimal price, BigDecimal qty) {
        return moveInFavour(side, entry, price).multiply(qty);
    }

    /** The entry price after adding {@code addQty} at {@code price} to {@code qty} held at {@code entry}: the quantity-weighted mean. */
    public static BigDecimal averageEntry(BigDecimal qty, BigDecimal entry, BigDecimal addQty, BigDecimal price) {
        if (qty.signum() == 0 && price.scale() <= Decimals.SCALE && addQty.signum() != 0) {
            // a new position enters at the price: the mean below is exactly that, at no division's cost
            return price.stripTrailingZeros();
        }
        return Decimals.div(qty.multiply(entry).add(addQty.multiply(price)), qty.add(addQty));
    }

    /**
     * The price at which an isolated position's loss leaves only the maintenance margin, unrounded
     * (may be negative): long (entry·qty − margin) ÷ (qty·(1 − mmr)), short (entry·qty + margin) ÷ (qty·(1 + mmr)).
     */
    public static BigDecimal isolatedLiquidationPrice(Side side, BigDecimal entry, BigDecimal qty, BigDecimal margin,
                                                      BigDecimal maintenanceMarginRate) {
        BigDecimal entryNotional = entry.multiply(qty);
        return side == Side.LONG
                ? Decimals.div(entryNotional.subtract(margin), qty.multiply(BigDecimal.ONE.subtract(maintenanceMarginRate)))
                : Decimals.div(entryNotional.add(margin), qty.multiply(BigDecimal.ONE.add(maintenanceMarginRate)));
    }
}
