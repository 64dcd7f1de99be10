package com.copyguard.core.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;

/**
 * One expert's screening as a rule fact: Java computes the metrics and pattern statistics, the
 * rules in screening.drl compare them with their thresholds, raise flags and decide the verdict.
 * Class-reactive: every modify re-evaluates all patterns, so each rule guards against refiring
 * (a flag rule checks the flag is not raised yet, a verdict rule that no verdict is decided).
 */
@ClassReactive
public final class ScreeningFacts {
    private final String expertId;
    private final ScreeningMetrics metrics;
    private final DailySeries series;
    private final List<ScreeningFlag> flags = new ArrayList<>();
    private Verdict verdict;
    private String verdictRule;

    public ScreeningFacts(String expertId, ScreeningMetrics metrics, DailySeries series) {
        this.expertId = expertId;
        this.metrics = metrics;
        this.series = series;
    }

    public String getExpertId() {
        return expertId;
    }

    public ScreeningMetrics metrics() {
        return metrics;
    }

    // --- metrics ---

    public int getTradingDays() {
        return metrics.tradingDays();
    }

    public BigDecimal getRoi() {
        return metrics.roi();
    }

    public BigDecimal getMaxDrawdown() {
        return metrics.maxDrawdown();
    }

    public BigDecimal getCurrentDrawdown() {
        return metrics.currentDrawdown();
    }

    /** Null before the expert closed any position. */
    public BigDecimal getWinRate() {
        return metrics.winRate();
    }

    public long getClosedPositions() {
        return metrics.closedPositions();
    }

    /** Null with fewer than two daily returns. */
    public BigDecimal getVolatility() {
        return metrics.volatility();
    }

    /** Null when volatility is null or zero. */
    public BigDecimal getSharpe() {
        return metrics.sharpe();
    }

    public boolean isMajorsOnly() {
        return metrics.majorsOnly();
    }

    public BigDecimal getFollowersPnl() {
        return metrics.followersPnl();
    }

    public int getFollowers() {
        return metrics.followers();
    }

    // --- pattern statistics over the daily series (windows and thresholds come from the rules) ---

    public BigDecimal worstDropWithin(int days) {
        return series.worstDropWithin(days).depth();
    }

    public BigDecimal returnBeforeWorstDrop(int days) {
        return series.returnBeforeWorstDrop(days);
    }

    public BigDecimal drawdownBeforeWorstDrop(int days) {
        return series.drawdownBeforeWorstDrop(days);
    }

    public int daysBeforeWorstDrop(int days) {
        return series.daysBeforeWorstDrop(days);
    }

    /** The calendar day the worst {@code days}-day drop started, for flag details. */
    public String worstDropStart(int days) {
        return series.dayOf(series.worstDropWithin(days).from());
    }

    public BigDecimal returnOverLastDays(int days) {
        return series.returnOverLastDays(days);
    }

    public BigDecimal returnBeforeLastDays(int days) {
        return series.returnBeforeLastDays(days);
    }

    /**
     * Days gaining at least {@code threshold}. The threshold is a DRL literal such as 0.08, taken
     * by its decimal text (BigDecimal.valueOf), so no binary rounding enters the comparison.
     */
    public int daysWithGainOf(double threshold) {
        return series.daysWithGainOf(BigDecimal.valueOf(threshold));
    }

    /** Days losing at least {@code threshold} (a positive fraction, e.g. 0.08). */
    public int daysWithLossOf(double threshold) {
        return series.daysWithLossOf(BigDecimal.valueOf(threshold));
    }

    // --- decisions, written by the rules ---

    public void raise(FlagCode code, Severity severity, String rule, String detail) {
        if (!hasFlag(code)) {
            flags.add(new ScreeningFlag(code, severity, rule, detail));
        }
    }

    public boolean hasFlag(FlagCode code) {
        for (ScreeningFlag f : flags) {
            if (f.code() == code) {
                return true;
            }
        }
        return false;
    }

    public boolean hasSeverity(Severity severity) {
        for (ScreeningFlag f : flags) {
            if (f.severity() == severity) {
                return true;
            }
        }
        return false;
    }

    public int getFlagCount() {
        return flags.size();
    }

    public List<ScreeningFlag> getFlags() {
        return Collections.unmodifiableList(flags);
    }

    public void decide(Verdict v, String rule) {
        if (verdict == null) {
            verdict = v;
            verdictRule = rule;
        }
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public String getVerdictRule() {
        return verdictRule;
    }

    /** A fraction as a percentage with one decimal, for flag details: 0.5284 → "52.8 %". */
    public static String pct(BigDecimal fraction) {
        return fraction == null ? "n/a" : fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }
}
