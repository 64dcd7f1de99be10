package com.copyguard.core.screening;

import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * How the expert's followers fare: total PnL = Σ over every subscription ever made to the expert
 * (stopped ones included) of its realized PnL + the unrealized PnL of its open copies at mark.
 */
public record FollowerResults(BigDecimal totalPnl, int followers, int activeFollowers) {
    public static final FollowerResults NONE = new FollowerResults(BigDecimal.ZERO, 0, 0);

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
