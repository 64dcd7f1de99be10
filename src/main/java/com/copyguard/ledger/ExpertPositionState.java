package com.copyguard.ledger;

import com.copyguard.domain.MarginMode;
import com.copyguard.domain.Side;
import java.math.BigDecimal;

/** One open expert position, as its fills built it. */
public record ExpertPositionState(String symbol, Side side, BigDecimal qty, BigDecimal entryPrice, int leverage,
                                  MarginMode marginMode, BigDecimal addedMargin) {
}
