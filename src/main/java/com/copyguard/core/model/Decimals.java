package com.copyguard.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimal arithmetic shared by Java and the DRL rules. Products are exact; quotients are
 * carried to {@link #SCALE} places, which is far below any instrument step or cent, and then
 * rounded by the caller's own rule (quantities always DOWN to the instrument step).
 */
public final class Decimals {
    public static final int SCALE = 18;
    /** Money is kept at 8 decimal places (SPEC.md "Exact money, bounded"). */
    public static final int MONEY_SCALE = 8;
    public static final BigDecimal ZERO = BigDecimal.ZERO;

    private Decimals() {
    }

    /** A decimal literal for rule files, e.g. {@code Decimals.of("0.30")}. */
    public static BigDecimal of(String literal) {
        return new BigDecimal(literal);
    }

    /**
     * An amount of money as it is posted: rounded HALF_EVEN to {@link #MONEY_SCALE} places, so posted
     * amounts never grow digits however often interest, fees and profit share are computed on them.
     */
    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** An amount rounded DOWN to {@link #MONEY_SCALE} places (toward zero): never pays out more than is there. */
    public static BigDecimal moneyDown(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE, RoundingMode.DOWN).stripTrailingZeros();
    }

    public static BigDecimal mul(BigDecimal a, BigDecimal b) {
        return a.multiply(b);
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a.add(b);
    }

    public static BigDecimal sub(BigDecimal a, BigDecimal b) {
        return a.subtract(b);
    }

    /** a ÷ b to {@link #SCALE} places, truncated: never overstates a quantity or an amount. */
    public static BigDecimal div(BigDecimal a, BigDecimal b) {
        return a.divide(b, SCALE, RoundingMode.DOWN).stripTrailingZeros();
    }

    public static BigDecimal div(BigDecimal a, int b) {
        BigDecimal reciprocal = b > 0 && b < RECIPROCALS.length ? RECIPROCALS[b] : null;
        if (reciprocal != null) {
            // 1/b is a finite decimal: a × (1/b) is the exact quotient, truncated as div truncates,
            // the same value at the cost of a multiplication instead of a long division
            BigDecimal exact = a.multiply(reciprocal);
            return (exact.scale() > SCALE ? exact.setScale(SCALE, RoundingMode.DOWN) : exact).stripTrailingZeros();
        }
        return div(a, BigDecimal.valueOf(b));
    }

    /** 1/n for the divisors up to the highest leverage (125) whose reciprocal is a finite decimal (n = 2^i·5^j); else null. */
    private static final BigDecimal[] RECIPROCALS = new BigDecimal[126];

    static {
        for (int n = 1; n < RECIPROCALS.length; n++) {
            int m = n;
            while (m % 2 == 0) {
                m /= 2;
            }
            while (m % 5 == 0) {
                m /= 5;
            }
            if (m == 1) {
                RECIPROCALS[n] = BigDecimal.ONE.divide(BigDecimal.valueOf(n));
            }
        }
    }

    /**
     * a ÷ b to {@link #SCALE} places, rounded up: never understates a cost. A quantity computed as an
     * amount divided by a per-unit cost rounded up always fits in that amount.
     */
    public static BigDecimal divUp(BigDecimal a, int b) {
        return a.divide(BigDecimal.valueOf(b), SCALE, RoundingMode.UP).stripTrailingZeros();
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal nonNegative(BigDecimal a) {
        return a.signum() < 0 ? ZERO : a;
    }

    /** The largest multiple of {@code step} not above {@code qty} (qty ≥ 0). */
    public static BigDecimal roundDown(BigDecimal qty, BigDecimal step) {
        if (qty.signum() <= 0) {
            return ZERO;
        }
        BigDecimal steps = qty.divide(step, 0, RoundingMode.DOWN);
        return steps.multiply(step).stripTrailingZeros();
    }

    /** Initial margin of a position: qty × price ÷ leverage. */
    public static BigDecimal margin(BigDecimal qty, BigDecimal price, int leverage) {
        return div(qty.multiply(price), leverage);
    }

    /** The quantity whose initial margin at {@code leverage} is {@code margin}: margin × leverage ÷ price. */
    public static BigDecimal qtyForMargin(BigDecimal margin, BigDecimal price, int leverage) {
        return div(margin.multiply(BigDecimal.valueOf(leverage)), price);
    }

    public static boolean gt(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) > 0;
    }

    public static boolean lt(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) < 0;
    }

    /** Plain notation without trailing zeros, as every API answer shows decimals. */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }
}
