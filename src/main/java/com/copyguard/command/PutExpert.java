package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Creates an expert or changes the given fields of an existing one (absent fields stay). */
public record PutExpert(String expertId, BigDecimal profitShareRate, BigDecimal minFollowAmount,
                        BigDecimal equity) implements Command {
    private static final String SCHEMA = "ExpertInput";

    public static final BigDecimal MAX_PROFIT_SHARE = new BigDecimal("0.30");

    public static PutExpert parse(String expertId, JsonNode body) {
        Ids.check("expertId", expertId);
        Fields f = Fields.of(body, SCHEMA);
        BigDecimal rate = f.has("profitShareRate") ? f.within("profitShareRate", BigDecimal.ZERO, MAX_PROFIT_SHARE) : null;
        return new PutExpert(expertId, rate, f.optionalNonNegative("minFollowAmount"), f.optionalNonNegative("equity"));
    }

    @Override
    public Long eventTime() {
        return null;
    }
}
