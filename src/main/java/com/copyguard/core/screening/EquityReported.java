package com.copyguard.core.screening;

import com.copyguard.core.engine.Result;
import java.math.BigDecimal;

/** An expert equity report taken: its UTC+8 day, the equity and transfer, the growth index and how many days are observed. */
public record EquityReported(String expertId, String day, BigDecimal equity, BigDecimal transfer, BigDecimal index,
                             int observedDays) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
