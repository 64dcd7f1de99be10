package com.copyguard.core.screening;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Computes {@link ScreeningMetrics} from an expert's daily series, trades and followers. */
public final class MetricsCalculator {
    /** Base coins counted as majors for the drawdown limit (SPEC.md: BTC, ETH). */
    public static final Set<String> MAJORS = Set.of("BTC", "ETH");
    private static final BigDecimal DAYS_PER_YEAR_SQRT = BigDecimal.valueOf(365).sqrt(ExpertHistory.MC);

    private MetricsCalculator() {
    }

    public static ScreeningMetrics of(ExpertHistory h, DailySeries series, FollowerResults followers) {
        return compute(series, h.maxDrawdown().max(series.maxDrawdown()), h.currentDrawdown(), h.closedPositions(),
                h.profitablePositions(), h.symbolsTraded(), followers);
    }

    public static ScreeningMetrics compute(DailySeries series, BigDecimal maxDrawdown, BigDecimal currentDrawdown,
                                           long closed, long profitable, Set<String> symbols,
                                           FollowerResults followers) {
        BigDecimal winRate = closed == 0 ? null
                : BigDecimal.valueOf(profitable).divide(BigDecimal.valueOf(closed), ExpertHistory.MC);
        BigDecimal volatility = series.volatility();
        BigDecimal sharpe = volatility == null || volatility.signum() == 0 ? null
                : series.meanDailyReturn().divide(volatility, ExpertHistory.MC).multiply(DAYS_PER_YEAR_SQRT, ExpertHistory.MC);
        return new ScreeningMetrics(series.isEmpty() ? null : TradingDay.iso(series.firstDay()),
                series.isEmpty() ? null : TradingDay.iso(series.lastDay()), series.tradingDays(), series.roi(),
                maxDrawdown, currentDrawdown, closed, winRate, volatility, sharpe, majorsOnly(symbols),
                Collections.unmodifiableSortedSet(new TreeSet<>(symbols)),
                followers.totalPnl(), followers.followers(), followers.activeFollowers());
    }

    /** True when the expert traded and every symbol's base coin is a major (BTCUSDT, ETHUSDT, ...). */
    public static boolean majorsOnly(Set<String> symbols) {
        if (symbols.isEmpty()) {
            return false;
        }
        for (String s : symbols) {
            String base = s.endsWith("USDT") ? s.substring(0, s.length() - 4) : s;
            if (!MAJORS.contains(base)) {
                return false;
            }
        }
        return true;
    }
}
