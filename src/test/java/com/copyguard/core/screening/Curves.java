package com.copyguard.core.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic equity curves for screening tests: one equity per day, built from piecewise
 * geometric segments with a small deterministic wiggle so that a "steady" curve is not a
 * perfectly straight line.
 */
public final class Curves {
    private final List<Double> values = new ArrayList<>();
    private double wiggle = 0.002;

    private Curves(double start) {
        values.add(start);
    }

    public static Curves from(double start) {
        return new Curves(start);
    }

    public Curves noWiggle() {
        wiggle = 0;
        return this;
    }

    /** {@code days} more days moving geometrically to {@code factor} × the current value. */
    public Curves to(double factor, int days) {
        double start = last();
        double step = Math.pow(factor, 1.0 / days);
        for (int i = 1; i <= days; i++) {
            double v = start * Math.pow(step, i);
            // alternate slightly above/below the path, ending exactly on it
            double w = i == days ? 0 : (i % 2 == 0 ? wiggle : -wiggle);
            values.add(v * (1 + w));
        }
        return this;
    }

    /** {@code pairs} × (a day of +{@code up}, a day of −{@code down}). */
    public Curves swings(double up, double down, int pairs) {
        for (int i = 0; i < pairs; i++) {
            values.add(last() * (1 + up));
            values.add(last() * (1 - down));
        }
        return this;
    }

    public Curves flat(int days) {
        return to(1.0, days);
    }

    private double last() {
        return values.get(values.size() - 1);
    }

    public int days() {
        return values.size();
    }

    /** Equity strings with 4 decimals. */
    public List<String> equities() {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).toPlainString());
        }
        return out;
    }

    /** The curve as a daily series of growth indexes (equity ÷ first equity). */
    public DailySeries series(long firstDay) {
        List<BigDecimal> closes = new ArrayList<>();
        BigDecimal first = new BigDecimal(equities().get(0));
        for (String e : equities()) {
            closes.add(new BigDecimal(e).divide(first, ExpertHistory.MC));
        }
        return new DailySeries(firstDay, BigDecimal.ONE, closes);
    }
}
