package com.copyguard.core.screening;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The growth index at each UTC+8 day close from the first observed day to the as-of day, a day
 * without an observation carrying the previous close forward (the equity did not change as far
 * as the service knows). Every pattern statistic the screening rules use is computed here.
 */
public final class DailySeries {
    private static final MathContext MC = ExpertHistory.MC;

    private final long firstDay;
    private final BigDecimal base;
    private final List<BigDecimal> closes;
    /**
     * The series is immutable, and the rules ask for the same statistics many times per screening
     * (class-reactive facts re-evaluate every constraint on each modify): computed once, on first use.
     * A series belongs to one screening on one thread, so the memos need no locking.
     */
    private List<BigDecimal> dailyReturns;
    private final Map<Integer, Drop> worstDrops = new HashMap<>();

    /** {@code closes.get(i)} is the index at the close of day {@code firstDay + i}; returns count from {@code base}. */
    public DailySeries(long firstDay, BigDecimal base, List<BigDecimal> closes) {
        this.firstDay = firstDay;
        this.base = base;
        this.closes = List.copyOf(closes);
    }

    /** An expert's series up to {@code asOfDay} (never before its last observed day). */
    public static DailySeries of(ExpertHistory h, long asOfDay) {
        NavigableMap<Long, DayClose> days = h.days();
        if (days.isEmpty()) {
            return empty(asOfDay);
        }
        long first = days.firstKey();
        long last = Math.max(asOfDay, days.lastKey());
        List<BigDecimal> closes = new ArrayList<>((int) (last - first + 1));
        BigDecimal carried = null;
        for (long d = first; d <= last; d++) {
            DayClose c = days.get(d);
            if (c != null) {
                carried = c.index();
            }
            closes.add(carried);
        }
        return new DailySeries(first, BigDecimal.ONE, closes);
    }

    public static DailySeries empty(long day) {
        return new DailySeries(day, BigDecimal.ONE, List.of());
    }

    public boolean isEmpty() {
        return closes.isEmpty();
    }

    public long firstDay() {
        return firstDay;
    }

    public long lastDay() {
        return firstDay + closes.size() - 1;
    }

    /** Calendar days from the first observed day to the as-of day, both included. */
    public int tradingDays() {
        return closes.size();
    }

    public List<BigDecimal> closes() {
        return closes;
    }

    public BigDecimal last() {
        return closes.isEmpty() ? base : closes.get(closes.size() - 1);
    }

    /** Deposit-neutral return over the whole history: last index ÷ starting index − 1. */
    public BigDecimal roi() {
        return ratio(last(), base).subtract(BigDecimal.ONE);
    }

    /** r_i = close_i ÷ close_(i−1) − 1 for every day after the first (0 after a wiped-out close). */
    public List<BigDecimal> dailyReturns() {
        if (dailyReturns == null) {
            List<BigDecimal> r = new ArrayList<>(Math.max(0, closes.size() - 1));
            for (int i = 1; i < closes.size(); i++) {
                r.add(ratio(closes.get(i), closes.get(i - 1)).subtract(BigDecimal.ONE));
            }
            dailyReturns = List.copyOf(r);
        }
        return dailyReturns;
    }

    /** Largest fall of a day close from an earlier day close (daily resolution). */
    public BigDecimal maxDrawdown() {
        return drawdownBetween(0, closes.size() - 1);
    }

    private BigDecimal drawdownBetween(int from, int to) {
        BigDecimal worst = BigDecimal.ZERO;
        BigDecimal peak = null;
        for (int i = from; i <= to && i < closes.size(); i++) {
            BigDecimal c = closes.get(i);
            if (peak == null || c.compareTo(peak) > 0) {
                peak = c;
            }
            BigDecimal dd = BigDecimal.ONE.subtract(ratio(c, peak));
            if (dd.compareTo(worst) > 0) {
                worst = dd;
            }
        }
        return worst;
    }

    /** Sample standard deviation of the daily returns (n − 1), or null with fewer than 2 returns. */
    public BigDecimal volatility() {
        List<BigDecimal> r = dailyReturns();
        if (r.size() < 2) {
            return null;
        }
        BigDecimal mean = mean(r);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal x : r) {
            BigDecimal d = x.subtract(mean);
            sum = sum.add(d.multiply(d));
        }
        return sum.divide(BigDecimal.valueOf(r.size() - 1), MC).sqrt(MC);
    }

    /** Mean of the daily returns, or null without any. */
    public BigDecimal meanDailyReturn() {
        List<BigDecimal> r = dailyReturns();
        return r.isEmpty() ? null : mean(r);
    }

    private static BigDecimal mean(List<BigDecimal> r) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal x : r) {
            sum = sum.add(x);
        }
        return sum.divide(BigDecimal.valueOf(r.size()), MC);
    }

    // --- pattern statistics; each window is in days and chosen by the rules ---

    /** The worst fall from a day close to a close at most {@code window} days later. */
    public Drop worstDropWithin(int window) {
        return worstDrops.computeIfAbsent(window, this::findWorstDrop);
    }

    private Drop findWorstDrop(int window) {
        Drop worst = new Drop(0, 0, BigDecimal.ZERO);
        for (int i = 0; i < closes.size(); i++) {
            BigDecimal from = closes.get(i);
            if (from.signum() <= 0) {
                continue;
            }
            for (int j = i + 1; j <= i + window && j < closes.size(); j++) {
                BigDecimal depth = BigDecimal.ONE.subtract(ratio(closes.get(j), from));
                if (depth.compareTo(worst.depth()) > 0) {
                    worst = new Drop(i, j, depth);
                }
            }
        }
        return worst;
    }

    /** Return from the start of the history to the close where the worst {@code window}-day drop began. */
    public BigDecimal returnBeforeWorstDrop(int window) {
        Drop d = worstDropWithin(window);
        return d.depth().signum() == 0 ? BigDecimal.ZERO : ratio(closes.get(d.from()), base).subtract(BigDecimal.ONE);
    }

    /** Largest drawdown of the climb before the worst {@code window}-day drop: small means a steady climb. */
    public BigDecimal drawdownBeforeWorstDrop(int window) {
        Drop d = worstDropWithin(window);
        return d.depth().signum() == 0 ? BigDecimal.ZERO : drawdownBetween(0, d.from());
    }

    /** Days from the first close to the start of the worst {@code window}-day drop. */
    public int daysBeforeWorstDrop(int window) {
        return worstDropWithin(window).from();
    }

    /** Return over the last {@code days} days; 0 when the history is not longer than that. */
    public BigDecimal returnOverLastDays(int days) {
        int n = closes.size();
        if (n <= days) {
            return BigDecimal.ZERO;
        }
        return ratio(closes.get(n - 1), closes.get(n - 1 - days)).subtract(BigDecimal.ONE);
    }

    /** Return from the start of the history up to {@code days} days before the as-of day; 0 when too short. */
    public BigDecimal returnBeforeLastDays(int days) {
        int n = closes.size();
        if (n <= days) {
            return BigDecimal.ZERO;
        }
        return ratio(closes.get(n - 1 - days), base).subtract(BigDecimal.ONE);
    }

    /** Days whose return was a gain of at least {@code threshold}. */
    public int daysWithGainOf(BigDecimal threshold) {
        int count = 0;
        for (BigDecimal r : dailyReturns()) {
            if (r.compareTo(threshold) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** Days whose return was a loss of at least {@code threshold} (a positive fraction). */
    public int daysWithLossOf(BigDecimal threshold) {
        int count = 0;
        BigDecimal floor = threshold.negate();
        for (BigDecimal r : dailyReturns()) {
            if (r.compareTo(floor) <= 0) {
                count++;
            }
        }
        return count;
    }

    /** a ÷ b, with 1 when b is 0 (nothing to compare against after a wipe-out). */
    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? BigDecimal.ONE : a.divide(b, MC);
    }

    /** A fall of the index from close {@code from} to close {@code to} (day offsets), as a fraction. */
    public record Drop(int from, int to, BigDecimal depth) {
    }

    /** Day offsets as calendar days, for reports. */
    public String dayOf(int offset) {
        return TradingDay.iso(firstDay + offset);
    }
}
