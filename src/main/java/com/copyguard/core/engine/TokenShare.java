package com.copyguard.core.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * One shard's part of an opening fill's token budget: the following notional its followers of the
 * expert hold on the symbol, and the claims its copies of the fill make (follow start time, follower,
 * notional). The shards' parts together are what one engine holding every follower would count.
 */
public record TokenShare(BigDecimal used, List<Claim> claims) {
    public static final TokenShare NONE = new TokenShare(BigDecimal.ZERO, List.of());

    public TokenShare {
        claims = List.copyOf(claims);
    }

    /** A copy's claim on the budget, by its place in follow order. */
    public record Claim(long startTime, String followerId, BigDecimal notional) {
    }
}
