package com.copyguard.cluster.shard;

import com.copyguard.cluster.GatherRecords;
import com.copyguard.core.engine.OtherShards;
import com.copyguard.core.rules.facts.TokenClaim;
import com.copyguard.core.screening.FollowerResults;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the other shards reported at a follow's (or a catch-up resume's) place in the market order:
 * the expert's followers' results there (for EXPERT_AVOID) and the following notional held per
 * token-limited symbol the expert holds (for the catch-up copies' token budgets). A catch-up copy is
 * the only copy of its order, so no other shard makes a claim on it.
 */
final class FollowShares implements OtherShards {
    private final String expertId;
    private final FollowerResults results;
    private final Map<String, BigDecimal> used;

    FollowShares(String expertId, List<GatherRecords.Share> others) {
        this.expertId = expertId;
        FollowerResults sum = FollowerResults.NONE;
        Map<String, BigDecimal> held = new TreeMap<>();
        for (GatherRecords.Share s : others) {
            sum = sum.plus(new FollowerResults(s.pnl(), s.followers(), s.active()));
            s.used().forEach((symbol, v) -> held.merge(symbol, v, BigDecimal::add));
        }
        this.results = sum;
        this.used = held;
    }

    /** The followers' results elsewhere, for the expert of this follow only. */
    FollowerResults.Source followersElsewhere() {
        return (expert, ledger) -> expert.expertId().equals(expertId) ? results : FollowerResults.NONE;
    }

    @Override
    public BigDecimal tokenUsed(String expertId, String symbol) {
        check(expertId);
        BigDecimal v = used.get(symbol);
        if (v == null) {
            throw new IllegalStateException("the shards reported no following notional of " + expertId + " on " + symbol);
        }
        return v;
    }

    @Override
    public List<TokenClaim> tokenClaims(String expertId, String symbol) {
        check(expertId);
        return List.of();
    }

    private void check(String expertId) {
        if (!this.expertId.equals(expertId)) {
            throw new IllegalStateException("the shards reported on expert " + this.expertId + ", not " + expertId);
        }
    }
}
