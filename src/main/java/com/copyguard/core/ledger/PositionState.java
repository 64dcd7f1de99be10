package com.copyguard.core.ledger;

import com.copyguard.core.model.MarginMode;
import java.math.BigDecimal;

/** One open follower position. */
public record PositionState(PositionKey key, MarginMode marginMode, BigDecimal qty, BigDecimal entryPrice,
                            int leverage, BigDecimal margin, BigDecimal realizedPnl) {
}
