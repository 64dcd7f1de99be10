package com.copyguard.cluster.shard;

import com.copyguard.core.engine.OtherShards;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * TOKEN_LIMIT on a shard whose rules cannot take the other shards' claims (rule sets before v4, which
 * grant the budget in the agenda's order): each of the {@code shards} shards gets an equal share of
 * the instrument's limit, rounded down, so together they never exceed it. Stricter than one engine:
 * a shard's copies can be refused while another shard's quota is unused. It counts no other
 * shard's notional or claims: the quota stands in for them.
 */
final class TokenQuota implements OtherShards {
    private final int shards;

    TokenQuota(int shards) {
        this.shards = shards;
    }

    @Override
    public BigDecimal tokenLimit(BigDecimal limit) {
        return limit.divide(BigDecimal.valueOf(shards), 8, RoundingMode.DOWN);
    }
}
