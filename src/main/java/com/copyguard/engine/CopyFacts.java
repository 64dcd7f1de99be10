package com.copyguard.engine;

import com.copyguard.domain.Instrument;
import com.copyguard.ledger.Account;
import com.copyguard.ledger.Ledger;
import com.copyguard.ledger.Subscription;
import com.copyguard.ledger.Valuation;
import com.copyguard.rules.facts.ExpertOrder;
import com.copyguard.rules.facts.FollowerState;
import com.copyguard.rules.facts.OpenCopy;
import java.math.BigDecimal;

/** Builds the facts the rules decide on from the ledger, without changing it. */
final class CopyFacts {
    private final Ledger ledger;

    CopyFacts(Ledger ledger) {
        this.ledger = ledger;
    }

    FollowerState follower(Subscription s, String symbol) {
        Account a = ledger.account(s.accountId());
        Valuation v = ledger.valuation();
        return new FollowerState(s.subscriptionId(), s.accountId(), s.mode(), s.status(), s.settings(),
                s.fixedMargin(), s.multiplier(), s.startTime(), v.equity(a), v.available(a),
                v.pairMargin(a, s.subscriptionId(), symbol), v.openNotional(a));
    }

    OpenCopy openCopy(ExpertOrder order, Instrument instrument, Subscription s, BigDecimal executionPrice) {
        return new OpenCopy(order, instrument, follower(s, order.getSymbol()), executionPrice);
    }
}
