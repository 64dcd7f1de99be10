package com.copyguard.core.ledger;

import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import java.math.BigDecimal;

/** One open expert position, as its fills built it. */
public record ExpertPositionState(String symbol, Side side, BigDecimal qty, BigDecimal entryPrice, int leverage,
                                  MarginMode marginMode, BigDecimal addedMargin) {
}
