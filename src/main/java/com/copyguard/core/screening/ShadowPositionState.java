package com.copyguard.core.screening;

import com.copyguard.core.model.Side;
import java.math.BigDecimal;

/** An expert position as screening rebuilt it from the expert's fills. */
public record ShadowPositionState(String symbol, Side side, long openTime, BigDecimal qty, BigDecimal entryPrice,
                                  BigDecimal realized, BigDecimal maxQty, BigDecimal closedQty,
                                  BigDecimal closedNotional) {
}
