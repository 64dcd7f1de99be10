package com.copyguard.core.engine;

import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import java.math.BigDecimal;

/** A follower's open copy with its mark, unrealized PnL and the prices that would close it. */
public record PositionView(String symbol, Side side, BigDecimal qty, BigDecimal entryPrice, int leverage,
                           MarginMode marginMode, BigDecimal margin, BigDecimal markPrice, BigDecimal unrealizedPnl,
                           BigDecimal liquidationPrice, BigDecimal stopLossPrice, BigDecimal takeProfitPrice) {
}
