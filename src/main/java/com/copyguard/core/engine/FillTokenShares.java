package com.copyguard.core.engine;

import com.copyguard.core.rules.facts.TokenClaim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The other shards' parts of one opening fill's token budget ({@link TokenShare}s, each shard's own
 * taken out), as the {@link OtherShards} the fill is decided with. It answers for the fill's expert
 * and symbol only: any other question means the engine asked about something the shards did not
 * gather, which must fail loudly rather than decide on a guess.
 */
public final class FillTokenShares implements OtherShards {
    private final String expertId;
    private final String symbol;
    private final BigDecimal used;
    private final List<TokenShare.Claim> claims;

    public FillTokenShares(String expertId, String symbol, List<TokenShare> others) {
        this.expertId = expertId;
        this.symbol = symbol;
        BigDecimal sum = BigDecimal.ZERO;
        List<TokenShare.Claim> all = new ArrayList<>();
        for (TokenShare s : others) {
            sum = sum.add(s.used());
            all.addAll(s.claims());
        }
        this.used = sum;
        this.claims = List.copyOf(all);
    }

    @Override
    public BigDecimal tokenUsed(String expertId, String symbol) {
        check(expertId, symbol);
        return used;
    }

    /** Fresh facts every call: the rules change a claim's state as they decide it. */
    @Override
    public List<TokenClaim> tokenClaims(String expertId, String symbol) {
        check(expertId, symbol);
        List<TokenClaim> out = new ArrayList<>(claims.size());
        for (TokenShare.Claim c : claims) {
            out.add(TokenClaim.foreign(symbol, c.startTime(), c.followerId(), c.notional()));
        }
        return out;
    }

    private void check(String expertId, String symbol) {
        if (!this.expertId.equals(expertId) || !this.symbol.equals(symbol)) {
            throw new IllegalStateException("the shards gathered the token budget of " + this.expertId + " on "
                    + this.symbol + ", not of " + expertId + " on " + symbol);
        }
    }
}
