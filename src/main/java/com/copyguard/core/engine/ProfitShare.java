package com.copyguard.core.engine;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import java.math.BigDecimal;

/**
 * High-water-mark profit share (SPEC.md): pending = rate × max(0, cumulative net realized PnL − HWM).
 * Derived on demand, never stored, so it cannot drift from the PnL it is computed from.
 */
public final class ProfitShare {
    private final Ledger ledger;

    public ProfitShare(Ledger ledger) {
        this.ledger = ledger;
    }

    public BigDecimal pending(Subscription s) {
        Expert expert = ledger.expert(s.expertId());
        BigDecimal gain = s.netRealizedPnl().subtract(s.highWaterMark());
        return gain.signum() <= 0 ? BigDecimal.ZERO : gain.multiply(expert.profitShareRate());
    }

    /** Pending profit share of every subscription funded by the account. */
    public BigDecimal pending(Account a) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String id : a.subscriptionIds()) {
            sum = sum.add(pending(ledger.subscription(id)));
        }
        return sum;
    }

    /** Settles one subscription: pays its pending share to the expert and raises the HWM. */
    public BigDecimal settle(Subscription s, long time, String ref) {
        BigDecimal amount = Decimals.money(Decimals.nonNegative(pending(s)));
        ledger.settleProfitShare(s, ledger.expert(s.expertId()), amount, time, ref);
        return amount;
    }
}
