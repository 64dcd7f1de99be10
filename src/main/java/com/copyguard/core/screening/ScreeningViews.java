package com.copyguard.core.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The views of screening answers. Ratios are shown to 6 decimal places; money exactly. */
public final class ScreeningViews {
    private static final int RATIO_SCALE = 6;

    private ScreeningViews() {
    }

    static BigDecimal ratio(BigDecimal r) {
        return r == null ? null : r.setScale(RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /** GET /experts/{id}/screening: the metrics, every flag, the verdict and the rule that gave it. */
    public record ScreeningView(String expertId, ScreeningMetrics metrics, List<Flag> flags, Verdict verdict,
                                String verdictRule, String ruleSet) {
    }

    /** One flag as shown: what, how severe, the figures behind it, which rule. */
    public record Flag(FlagCode code, Severity severity, String detail, String rule) {
    }

    /** The short form used by GET /experts. */
    public record Summary(String expertId, Verdict verdict, List<FlagCode> flags, int tradingDays, BigDecimal roi,
                          BigDecimal maxDrawdown, BigDecimal followersPnl, BigDecimal winRate, long closedPositions,
                          int followers, int activeFollowers, String ruleSet) {
    }

    /** GET /experts/{id}/equity: the observed day closes. */
    public record EquityHistory(String expertId, List<Day> days) {
    }

    /** The last observation of a UTC+8 day ({@code day} as an ISO date). */
    public record Day(String day, BigDecimal equity, BigDecimal index) {
    }

    public static ScreeningView screening(Screening s) {
        List<Flag> flags = new ArrayList<>(s.flags().size());
        for (ScreeningFlag f : s.flags()) {
            flags.add(new Flag(f.code(), f.severity(), f.detail(), f.rule()));
        }
        return new ScreeningView(s.expertId(), rounded(s.metrics()), List.copyOf(flags), s.verdict(), s.verdictRule(),
                s.ruleSet());
    }

    public static Summary summary(Screening s) {
        ScreeningMetrics m = s.metrics();
        return new Summary(s.expertId(), s.verdict(), s.flags().stream().map(ScreeningFlag::code).toList(),
                m.tradingDays(), ratio(m.roi()), ratio(m.maxDrawdown()), m.followersPnl(), ratio(m.winRate()),
                m.closedPositions(), m.followers(), m.activeFollowers(), s.ruleSet());
    }

    /** The metrics with every ratio to 6 places. */
    private static ScreeningMetrics rounded(ScreeningMetrics m) {
        return new ScreeningMetrics(m.firstDay(), m.asOfDay(), m.tradingDays(), ratio(m.roi()), ratio(m.maxDrawdown()),
                ratio(m.currentDrawdown()), m.closedPositions(), ratio(m.winRate()), ratio(m.volatility()),
                ratio(m.sharpe()), m.majorsOnly(), m.symbolsTraded(), m.followersPnl(), m.followers(),
                m.activeFollowers());
    }

    public static EquityHistory history(String expertId, ExpertHistory h) {
        List<Day> days = new ArrayList<>();
        if (h != null) {
            for (DayClose c : h.days().values()) {
                days.add(new Day(TradingDay.iso(c.day()), c.equity(), ratio(c.index())));
            }
        }
        return new EquityHistory(expertId, List.copyOf(days));
    }
}
