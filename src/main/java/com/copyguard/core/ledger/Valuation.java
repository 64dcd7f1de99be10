package com.copyguard.core.ledger;

import com.copyguard.core.model.Decimals;
import java.math.BigDecimal;

/** Mark-to-market figures of an account: SPEC.md "Money" formulas, computed from the ledger and marks. */
public final class Valuation {
    private final MarketPrices prices;

    public Valuation(MarketPrices prices) {
        this.prices = prices;
    }

    public BigDecimal mark(Position p) {
        return prices.markOr(p.symbol(), p.entryPrice());
    }

    public BigDecimal unrealizedPnl(Position p) {
        return p.unrealizedPnl(mark(p));
    }

    public BigDecimal unrealizedPnl(Account a) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Position p : a.positions()) {
            sum = sum.add(unrealizedPnl(p));
        }
        return sum;
    }

    /** Equity = balance + unrealized PnL; this is also the account's total assets. */
    public BigDecimal equity(Account a) {
        return a.balance().add(unrealizedPnl(a));
    }

    public BigDecimal usedMargin(Account a) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Position p : a.positions()) {
            sum = sum.add(p.margin());
        }
        return sum;
    }

    /** Available = equity − used margin − frozen, never below 0. */
    public BigDecimal available(Account a) {
        return Decimals.nonNegative(equity(a).subtract(usedMargin(a)).subtract(a.frozen()));
    }

    /** What sizing needs of an account, read in one pass over its positions. */
    public record Figures(BigDecimal equity, BigDecimal available, BigDecimal pairMargin, BigDecimal openNotional) {
    }

    /**
     * Equity, available, the subscription's margin on {@code symbol} and the open notional, with
     * the same formulas as the single-figure methods, in one pass (sizing reads them per follower).
     */
    public Figures figures(Account a, String subscriptionId, String symbol) {
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal pair = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (Position p : a.positions()) {
            BigDecimal mark = mark(p);
            unrealized = unrealized.add(p.unrealizedPnl(mark));
            used = used.add(p.margin());
            notional = notional.add(p.notional(mark));
            if (p.symbol().equals(symbol) && p.key().subscriptionId().equals(subscriptionId)) {
                pair = pair.add(p.margin());
            }
        }
        BigDecimal equity = a.balance().add(unrealized);
        return new Figures(equity, Decimals.nonNegative(equity.subtract(used).subtract(a.frozen())), pair, notional);
    }

}
