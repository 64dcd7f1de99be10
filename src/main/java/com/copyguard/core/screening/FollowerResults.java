package com.copyguard.core.screening;

import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the expert's followers fare: total PnL = Σ over every subscription ever made to the expert
 * (stopped ones included) of its realized PnL + the unrealized PnL of its open copies at mark.
 */
public record FollowerResults(BigDecimal totalPnl, int followers, int activeFollowers) {
    public static final FollowerResults NONE = new FollowerResults(BigDecimal.ZERO, 0, 0);

    /**
     * Where screening takes an expert's follower results from. The single node reads them from its
     * own ledger ({@link #LOCAL}); a cluster shard holds only its own followers, so the cluster sums
     * every shard's and supplies the totals ({@link #supplied}), and the rules decide on those.
     */
    @FunctionalInterface
    public interface Source {
        FollowerResults of(Expert expert, Ledger ledger);
    }

    /** The ledger's own subscriptions: every follower the expert has, on a single node. */
    public static final Source LOCAL = FollowerResults::of;

    /**
     * Results computed elsewhere, by expert id; an expert not named has none (no subscription was
     * ever made to it where they were counted).
     */
    public static Source supplied(Map<String, FollowerResults> byExpert) {
        Map<String, FollowerResults> copy = Map.copyOf(byExpert);
        return (expert, ledger) -> copy.getOrDefault(expert.expertId(), NONE);
    }

    /**
     * Both together, exactly: the PnL sums add, and so do the counts, because {@code other} counts
     * other followers (in the cluster a follower lives on exactly one shard).
     */
    public FollowerResults plus(FollowerResults other) {
        return new FollowerResults(totalPnl.add(other.totalPnl), followers + other.followers,
                activeFollowers + other.activeFollowers);
    }

    /**
     * This ledger's results of {@code expertId} (null: of every expert), keeping only experts that
     * have a subscription here, in the ledger's expert order.
     */
    public static Map<String, FollowerResults> byExpert(Ledger ledger, String expertId) {
        Map<String, FollowerResults> out = new LinkedHashMap<>();
        if (expertId != null) {
            Expert e = ledger.expert(expertId);
            if (e != null && !e.subscriptionIds().isEmpty()) {
                out.put(expertId, of(e, ledger));
            }
            return out;
        }
        for (Expert e : ledger.experts()) {
            if (!e.subscriptionIds().isEmpty()) {
                out.put(e.expertId(), of(e, ledger));
            }
        }
        return out;
    }

    public static FollowerResults of(Expert expert, Ledger ledger) {
        BigDecimal pnl = BigDecimal.ZERO;
        Set<String> followers = new HashSet<>();
        int active = 0;
        for (String id : expert.subscriptionIds()) {
            Subscription s = ledger.subscription(id);
            followers.add(s.followerId());
            if (s.status() != SubscriptionStatus.STOPPED) {
                active++;
            }
            pnl = pnl.add(s.realizedPnl());
            Account a = ledger.account(s.accountId());
            for (Position p : a.positions()) {
                if (p.key().subscriptionId().equals(id)) {
                    pnl = pnl.add(ledger.valuation().unrealizedPnl(p));
                }
            }
        }
        return new FollowerResults(pnl, followers.size(), active);
    }
}
