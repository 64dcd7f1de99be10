package com.copyguard.core.engine;

import com.copyguard.core.model.Instrument;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.ledger.Valuation;
import com.copyguard.core.rules.facts.ExpertOrder;
import com.copyguard.core.rules.facts.FollowerState;
import com.copyguard.core.rules.facts.OpenCopy;
import com.copyguard.core.rules.facts.TokenBudget;
import java.math.BigDecimal;

/** Builds the facts the rules decide on from the ledger, without changing it. */
final class CopyFacts {
    private final Ledger ledger;
    private final LossLimits lossLimits;

    CopyFacts(Ledger ledger) {
        this.ledger = ledger;
        this.lossLimits = new LossLimits(ledger);
    }

    FollowerState follower(Subscription s, Expert expert, String symbol) {
        Valuation.Figures f = ledger.valuation().figures(ledger.account(s.accountId()), s.subscriptionId(), symbol);
        Long firstTraded = expert.firstTraded(symbol);
        return new FollowerState(s.subscriptionId(), s.accountId(), s.mode(), s.status(), s.settings(),
                s.fixedMargin(), s.multiplier(), s.startTime(), f.equity(), f.available(), f.pairMargin(),
                f.openNotional(), firstTraded != null && firstTraded <= s.startTime(), lossLimits.checks(s));
    }

    OpenCopy openCopy(ExpertOrder order, Instrument instrument, Subscription s, Expert expert, BigDecimal price) {
        return openCopy(order, instrument, s, expert, price, OpenCopy.slippage(order, price));
    }

    /** {@code slippage}: {@link OpenCopy#slippage} of the order at {@code price}, computed once for all copies of a fill. */
    OpenCopy openCopy(ExpertOrder order, Instrument instrument, Subscription s, Expert expert, BigDecimal price,
                      BigDecimal slippage) {
        return new OpenCopy(order, instrument, follower(s, expert, order.getSymbol()), price, slippage, s.followerId());
    }

    /**
     * The token-limit budget for the expert on the symbol, or null when the instrument sets no limit.
     * {@code others}: what the other shards' followers hold ({@link OtherShards#NONE} on a single
     * node); {@code settled}: false while a shard only collects its copies' claims.
     */
    TokenBudget tokenBudget(Expert expert, Instrument instrument, OtherShards others, boolean settled) {
        if (instrument.getFollowNotionalLimit() == null) {
            return null;
        }
        return new TokenBudget(expert.expertId(), instrument.getSymbol(), others.tokenLimit(instrument.getFollowNotionalLimit()),
                localTokenUsed(expert, instrument.getSymbol()).add(others.tokenUsed(expert.expertId(), instrument.getSymbol())),
                settled);
    }

    /** The notional at mark of the positions this ledger's followers of {@code expert} hold on {@code symbol}. */
    BigDecimal localTokenUsed(Expert expert, String symbol) {
        BigDecimal used = BigDecimal.ZERO;
        for (String id : expert.subscriptionIds()) {
            Subscription s = ledger.subscription(id);
            for (Position p : ledger.account(s.accountId()).positions()) {
                if (p.key().subscriptionId().equals(id) && p.symbol().equals(symbol)) {
                    used = used.add(p.notional(ledger.valuation().mark(p)));
                }
            }
        }
        return used;
    }
}
