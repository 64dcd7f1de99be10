package com.copyguard.core.screening;

import com.copyguard.core.model.Side;
import java.math.BigDecimal;

/**
 * One closed position of an expert, rebuilt from its fills: when it was first opened and finally
 * closed, the average entry and exit prices, the largest quantity held and the PnL its closes
 * realized. {@code seq} numbers the expert's closed positions from 1 (the pagination key).
 */
public record ExpertTrade(long seq, String symbol, Side side, long openTime, long closeTime, BigDecimal entryPrice,
                          BigDecimal exitPrice, BigDecimal qty, BigDecimal realizedPnl) {
}
