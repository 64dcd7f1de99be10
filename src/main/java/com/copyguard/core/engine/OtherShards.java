package com.copyguard.core.engine;

import com.copyguard.core.rules.facts.TokenClaim;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the other shards of a cluster hold that a decision here must count, as they held it at this
 * input's place in the market order: the following notional their followers hold per expert and
 * symbol, and the token claims their copies of the fill being decided made. A single node has no
 * other shards ({@link #NONE}). The rules decide with these figures exactly as with the local ones;
 * the engine only adds them to the facts.
 */
public interface OtherShards {
    OtherShards NONE = new OtherShards() {
    };

    /** The notional, at mark, of the positions the other shards' followers of {@code expertId} hold on {@code symbol}. */
    default BigDecimal tokenUsed(String expertId, String symbol) {
        return BigDecimal.ZERO;
    }

    /** The claims the other shards' copies of the fill now being decided made on its budget. */
    default List<TokenClaim> tokenClaims(String expertId, String symbol) {
        return List.of();
    }

    /**
     * The part of an instrument's token limit {@code limit} the budget here may use: all of it, unless
     * the shards cannot share their claims (rules without them) and each gets a quota.
     */
    default BigDecimal tokenLimit(BigDecimal limit) {
        return limit;
    }
}
