package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * An expert's equity at an event time, as a platform reports it (e.g. loading history for
 * screening). {@code transfer} is money moved in (&gt; 0) or out (&lt; 0) just before the report; it
 * is part of {@code equity} but not of the expert's return.
 */
public record ExpertEquityReport(String expertId, long time, BigDecimal equity, BigDecimal transfer) implements Command {
    private static final String SCHEMA = "EquityReport";


    public static ExpertEquityReport parse(String expertId, JsonNode body) {
        Ids.check("expertId", expertId);
        Fields f = Fields.of(body, SCHEMA);
        long time = f.time("time");
        BigDecimal equity = f.nonNegative("equity");
        BigDecimal transfer = f.optionalDecimal("transfer");
        if (transfer != null && equity.subtract(transfer).signum() < 0) {
            throw ApiException.invalid("transfer " + transfer.toPlainString() + " exceeds equity " + equity.toPlainString()
                    + ": the equity before the transfer would be negative");
        }
        return new ExpertEquityReport(expertId, time, equity, transfer);
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
