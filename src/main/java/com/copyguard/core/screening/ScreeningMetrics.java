package com.copyguard.core.screening;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The figures screening reports and the rules read. Ratios are fractions (0.1 = 10 %). See
 * rules/SCREENING.md for every formula.
 *
 * @param tradingDays     calendar days (UTC+8) from the first observed day to the as-of day, inclusive
 * @param roi             deposit-neutral return: growth index now ÷ index at the first observation − 1
 * @param maxDrawdown     largest fall of the index from an earlier peak, over every observation
 * @param winRate         profitable closed positions ÷ closed positions; null before any close
 * @param volatility      sample standard deviation of daily index returns; null with fewer than 2
 * @param sharpe          mean daily return ÷ volatility × √365 (risk-free rate 0); null when undefined
 * @param majorsOnly      every symbol the expert traded is BTC or ETH based (false when it never traded)
 * @param followersPnl    followers' realized + unrealized PnL, USDT
 */
public record ScreeningMetrics(String firstDay, String asOfDay, int tradingDays, BigDecimal roi,
                               BigDecimal maxDrawdown, BigDecimal currentDrawdown, long closedPositions,
                               BigDecimal winRate, BigDecimal volatility, BigDecimal sharpe, boolean majorsOnly,
                               Set<String> symbolsTraded, BigDecimal followersPnl, int followers,
                               int activeFollowers) {
}
