package com.copyguard.core.engine;

import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.ledger.Transaction;
import com.copyguard.core.ledger.Valuation;
import com.copyguard.core.paging.Page;
import com.copyguard.core.paging.PageRequest;
import com.copyguard.core.paging.Pages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GET /followers/{id}/subscriptions: each of a follower's followings with the figures a follower
 * watches. Invested is the account's net invested for a dedicated (SMART_RATIO) account; in a shared
 * pool it is what the follow transferred in for this subscription less what was transferred out
 * for it (money deposited into the pool afterwards belongs to the pool, not to one expert).
 */
public final class FollowerQueries {
    private static final int RATIO_SCALE = 6;

    private FollowerQueries() {
    }

    public static Page<FollowingView> followings(Engine e, String followerId, PageRequest page) {
        List<Subscription> newestFirst = new ArrayList<>(e.ledger().subscriptionsOf(followerId));
        Collections.reverse(newestFirst);
        return Pages.walk(newestFirst.iterator(), s -> Long.parseLong(s.subscriptionId().substring(1)),
                s -> true, page).map(s -> following(e, s));
    }

    static FollowingView following(Engine e, Subscription s) {
        Ledger ledger = e.ledger();
        Valuation v = ledger.valuation();
        Account a = ledger.account(s.accountId());
        BigDecimal unrealized = BigDecimal.ZERO;
        int open = 0;
        for (Position p : a.positions()) {
            if (p.key().subscriptionId().equals(s.subscriptionId())) {
                unrealized = unrealized.add(v.unrealizedPnl(p));
                open++;
            }
        }
        BigDecimal invested = s.mode() == FollowMode.SMART_RATIO ? a.netInvested() : pooledInvestment(a, s);
        BigDecimal netPnl = s.realizedPnl().subtract(s.fees()).add(unrealized);
        BigDecimal equity = s.mode() == FollowMode.SMART_RATIO ? v.equity(a)
                : invested.add(netPnl).subtract(s.profitSharePaid());
        BigDecimal roi = invested.signum() > 0 ? netPnl.divide(invested, RATIO_SCALE, RoundingMode.HALF_EVEN) : null;
        BigDecimal winRate = s.closedCopies() == 0 ? null
                : BigDecimal.valueOf(s.profitableCopies()).divide(BigDecimal.valueOf(s.closedCopies()), RATIO_SCALE,
                RoundingMode.HALF_EVEN);
        return new FollowingView(s.subscriptionId(), s.expertId(), s.accountId(), s.mode(), s.status(), s.stopReason(),
                s.startTime(), invested, equity, s.realizedPnl(), unrealized, s.fees(), netPnl, roi, s.closedCopies(),
                s.profitableCopies(), winRate, s.profitSharePaid(), e.profitShare().pending(s), open);
    }

    private static BigDecimal pooledInvestment(Account a, Subscription s) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Transaction t : a.transactions()) {
            if (s.subscriptionId().equals(t.subscriptionId())
                    && (t.type() == TransactionType.DEPOSIT || t.type() == TransactionType.TRANSFER_OUT)) {
                sum = sum.add(t.amount());
            }
        }
        return sum;
    }
}
