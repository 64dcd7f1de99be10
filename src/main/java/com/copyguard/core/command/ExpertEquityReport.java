package com.copyguard.core.command;

import java.math.BigDecimal;

/**
 * An expert's equity at an event time, as a platform reports it (e.g. loading history for
 * screening). {@code transfer} is money moved in (&gt; 0) or out (&lt; 0) just before the report; it
 * is part of {@code equity} but not of the expert's return.
 */
public record ExpertEquityReport(String expertId, long time, BigDecimal equity, BigDecimal transfer) implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
