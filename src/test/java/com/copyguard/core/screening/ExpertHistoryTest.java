package com.copyguard.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.model.Side;
import com.copyguard.core.ledger.MarketPrices;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric formulas of rules/SCREENING.md on small histories whose answers are known by hand. */
class ExpertHistoryTest {
    private static final long DAY = 86_400_000L;
    /** 2025-01-01 12:00 UTC+8. */
    private static final long T0 = 1_735_704_000_000L;
    private static final MarketPrices NO_MARKS = new MarketPrices();

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void assertClose(BigDecimal actual, String expected) {
        assertThat(actual.subtract(d(expected)).abs()).as(actual + " vs " + expected).isLessThan(d("0.0000001"));
    }

    @Test
    void daysAreUtcPlus8CalendarDays() {
        long midnightUtc8 = 1_735_660_800_000L; // 2025-01-01T00:00+08:00
        assertThat(TradingDay.iso(TradingDay.of(midnightUtc8))).isEqualTo("2025-01-01");
        assertThat(TradingDay.iso(TradingDay.of(midnightUtc8 - 1))).isEqualTo("2024-12-31");
    }

    @Test
    void roiIsDepositNeutral() {
        ExpertHistory h = new ExpertHistory("E");
        h.observe(T0, d("1000"), BigDecimal.ZERO);
        h.observe(T0 + DAY, d("1100"), BigDecimal.ZERO);                // +10 %
        h.observe(T0 + 2 * DAY, d("2100"), d("1000"));                 // deposit of 1000, no gain
        h.observe(T0 + 3 * DAY, d("1890"), BigDecimal.ZERO);            // -10 % on 2100
        h.observe(T0 + 4 * DAY, d("945"), d("-1000"));                  // withdrawal of 1000, +2.9 % gain
        DailySeries s = DailySeries.of(h, TradingDay.of(T0 + 4 * DAY));
        // chain-linked: 1.1 × 1 × 0.9 × (945 + 1000) / 1890
        assertClose(s.roi(), "0.0188095238095238095");
        assertClose(h.maxDrawdown(), "0.1");
        assertThat(s.tradingDays()).isEqualTo(5);
    }

    @Test
    void missingDaysCarryTheLastCloseForwardAndCountAsTradingDays() {
        ExpertHistory h = new ExpertHistory("E");
        h.observe(T0, d("1000"), BigDecimal.ZERO);
        h.observe(T0 + 3 * DAY, d("1200"), BigDecimal.ZERO);
        DailySeries s = DailySeries.of(h, TradingDay.of(T0 + 9 * DAY));
        assertThat(s.tradingDays()).isEqualTo(10);
        assertThat(s.closes()).extracting(BigDecimal::doubleValue)
                .containsExactly(1.0, 1.0, 1.0, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2);
    }

    @Test
    void volatilityIsTheSampleDeviationOfDailyReturnsAndSharpeAnnualizesTheirMean() {
        // returns +10 %, -10 %, +10 %  → mean 1/30, sample variance ((2/30)²·2 + (4/30)²)/2 = 0.0133…
        DailySeries s = new DailySeries(0, BigDecimal.ONE, List.of(d("1"), d("1.1"), d("0.99"), d("1.089")));
        assertClose(s.volatility(), "0.1154700538379251529");
        ScreeningMetrics m = MetricsCalculator.compute(s, s.maxDrawdown(), BigDecimal.ZERO, 0, 0, java.util.Set.of(),
                FollowerResults.NONE);
        // (1/30) / 0.11547 × √365
        assertClose(m.sharpe(), "5.5151307025914");
        assertClose(m.roi(), "0.089");
        assertClose(m.maxDrawdown(), "0.1");
        assertThat(m.winRate()).isNull();
    }

    @Test
    void winRateCountsWholePositionsByTheirTotalRealizedPnl() {
        ExpertHistory h = new ExpertHistory("E");
        h.fill("1", "BTCUSDT", Side.LONG, true, d("1"), d("100"), 0L);
        h.fill("2", "BTCUSDT", Side.LONG, false, d("0.5"), d("90"), 0L);   // -5 so far, still open
        h.fill("3", "BTCUSDT", Side.LONG, false, d("0.5"), d("120"), 0L);  // +10: position closed at +5
        h.fill("4", "ETHUSDT", Side.SHORT, true, d("2"), d("50"), 0L);
        h.fill("5", "ETHUSDT", Side.SHORT, false, d("2"), d("55"), 0L);    // -10
        h.fill("6", "ETHUSDT", Side.SHORT, true, d("1"), d("50"), 0L);
        h.fill("6", "ETHUSDT", Side.SHORT, true, d("1"), d("50"), 0L);     // a repeated fill id counts once
        h.fill("7", "ETHUSDT", Side.SHORT, false, d("1"), d("50"), 0L);    // 0 is not a profit
        assertThat(h.closedPositions()).isEqualTo(3);
        assertThat(h.profitablePositions()).isEqualTo(1);
        assertThat(MetricsCalculator.majorsOnly(h.symbolsTraded())).isTrue();
        h.fill("8", "SOLUSDT", Side.LONG, true, d("1"), d("10"), 0L);
        assertThat(MetricsCalculator.majorsOnly(h.symbolsTraded())).isFalse();
    }

    @Test
    void equityBetweenReportsMovesWithRealizedAndUnrealizedPnl() {
        ExpertHistory h = new ExpertHistory("E");
        h.reanchor(d("1000"), NO_MARKS);
        assertThat(h.derivedEquity(NO_MARKS)).isEqualByComparingTo("1000");
        h.fill("1", "BTCUSDT", Side.LONG, true, d("0.1"), d("50000"), 0L);
        MarketPrices marks = new MarketPrices();
        assertThat(h.derivedEquity(marks)).isEqualByComparingTo("1000");
        h.fill("2", "BTCUSDT", Side.LONG, false, d("0.05"), d("52000"), 0L);  // realizes +100
        assertThat(h.derivedEquity(marks)).isEqualByComparingTo("1100");   // the rest unpriced: at entry
        h.reanchor(d("1500"), marks);                                        // a report rebases
        h.fill("3", "BTCUSDT", Side.LONG, false, d("0.05"), d("49000"), 0L);  // realizes -50
        assertThat(h.derivedEquity(marks)).isEqualByComparingTo("1450");
    }

    @Test
    void aWipedOutRecordStaysAtMinusOneHundredPercent() {
        ExpertHistory h = new ExpertHistory("E");
        h.observe(T0, d("1000"), BigDecimal.ZERO);
        h.observe(T0 + DAY, d("0"), BigDecimal.ZERO);
        h.observe(T0 + 2 * DAY, d("500"), d("500"));
        DailySeries s = DailySeries.of(h, TradingDay.of(T0 + 2 * DAY));
        assertThat(s.roi()).isEqualByComparingTo("-1");
        assertThat(h.maxDrawdown()).isEqualByComparingTo("1");
    }

    @Test
    void closedPositionsBecomeTradesWithAverageEntryAndExitKeptNewestOnly() {
        ExpertHistory h = new ExpertHistory("E");
        h.fill("1", "BTCUSDT", Side.LONG, true, d("1"), d("100"), 10L);
        h.fill("2", "BTCUSDT", Side.LONG, true, d("1"), d("110"), 20L);     // entry 105, 2 held
        h.fill("3", "BTCUSDT", Side.LONG, false, d("1"), d("120"), 30L);    // +15
        h.fill("4", "BTCUSDT", Side.LONG, false, d("1"), d("100"), 40L);    // -5: closed, exit 110, PnL +10
        assertThat(h.trades()).singleElement().satisfies(t -> {
            assertThat(t.seq()).isEqualTo(1);
            assertThat(t.openTime()).isEqualTo(10L);
            assertThat(t.closeTime()).isEqualTo(40L);
            assertThat(t.entryPrice()).isEqualByComparingTo("105");
            assertThat(t.exitPrice()).isEqualByComparingTo("110");
            assertThat(t.qty()).isEqualByComparingTo("2");
            assertThat(t.realizedPnl()).isEqualByComparingTo("10");
        });
        for (int i = 0; i < ExpertHistory.TRADES_KEPT; i++) {
            h.fill("o" + i, "ETHUSDT", Side.SHORT, true, d("1"), d("50"), 100L + i);
            h.fill("c" + i, "ETHUSDT", Side.SHORT, false, d("1"), d("49"), 100L + i);
        }
        assertThat(h.trades()).hasSize(ExpertHistory.TRADES_KEPT);
        assertThat(h.trades().get(0).seq()).isEqualTo(2);
        assertThat(h.closedPositions()).isEqualTo(ExpertHistory.TRADES_KEPT + 1);
    }
}
