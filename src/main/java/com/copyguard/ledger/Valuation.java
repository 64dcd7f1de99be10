package com.copyguard.ledger;

import com.copyguard.decimal.Decimals;
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

    /** Total notional of the account's open positions at mark. */
    public BigDecimal openNotional(Account a) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Position p : a.positions()) {
            sum = sum.add(p.notional(mark(p)));
        }
        return sum;
    }

    /** Margin a subscription already holds on a symbol, both sides. */
    public BigDecimal pairMargin(Account a, String subscriptionId, String symbol) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Position p : a.positions()) {
            if (p.symbol().equals(symbol) && p.key().subscriptionId().equals(subscriptionId)) {
                sum = sum.add(p.margin());
            }
        }
        return sum;
    }
}
