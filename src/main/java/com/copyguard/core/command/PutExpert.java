package com.copyguard.core.command;

import java.math.BigDecimal;

/** Creates an expert or changes the given fields of an existing one (absent fields stay). */
public record PutExpert(String expertId, BigDecimal profitShareRate, BigDecimal minFollowAmount,
                        BigDecimal equity, Integer maxFollowers, boolean clearMaxFollowers) implements Command {
    public static final BigDecimal MAX_PROFIT_SHARE = new BigDecimal("0.30");
    /** The largest follower capacity an expert may set. */
    public static final int MAX_FOLLOWERS = 1_000_000;

    public PutExpert(String expertId, BigDecimal profitShareRate, BigDecimal minFollowAmount, BigDecimal equity) {
        this(expertId, profitShareRate, minFollowAmount, equity, null, false);
    }

    @Override
    public Long eventTime() {
        return null;
    }
}
