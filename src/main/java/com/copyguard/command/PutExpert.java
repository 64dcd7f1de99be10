package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Creates an expert or changes the given fields of an existing one (absent fields stay). */
public record PutExpert(String expertId, BigDecimal profitShareRate, BigDecimal minFollowAmount,
                        BigDecimal equity, Integer maxFollowers, boolean clearMaxFollowers) implements Command {
    private static final String SCHEMA = "ExpertInput";

    public static final BigDecimal MAX_PROFIT_SHARE = new BigDecimal("0.30");
    /** The largest follower capacity an expert may set. */
    public static final int MAX_FOLLOWERS = 1_000_000;

    public PutExpert(String expertId, BigDecimal profitShareRate, BigDecimal minFollowAmount, BigDecimal equity) {
        this(expertId, profitShareRate, minFollowAmount, equity, null, false);
    }

    public static PutExpert parse(String expertId, JsonNode body) {
        Ids.check("expertId", expertId);
        Fields f = Fields.of(body, SCHEMA);
        BigDecimal rate = f.has("profitShareRate") ? f.within("profitShareRate", BigDecimal.ZERO, MAX_PROFIT_SHARE) : null;
        // maxFollowers: a number sets the capacity, an explicit null removes it, absence keeps it
        Integer maxFollowers = f.has("maxFollowers") ? f.integer("maxFollowers") : null;
        boolean clear = body != null && body.has("maxFollowers") && body.get("maxFollowers").isNull();
        return new PutExpert(expertId, rate, f.optionalNonNegative("minFollowAmount"), f.optionalNonNegative("equity"),
                maxFollowers, clear);
    }

    @Override
    public Long eventTime() {
        return null;
    }
}
