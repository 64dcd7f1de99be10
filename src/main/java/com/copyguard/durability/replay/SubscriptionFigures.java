package com.copyguard.durability.replay;

import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.ledger.Transaction;
import com.copyguard.core.ledger.Valuation;
import java.math.BigDecimal;

/**
 * A subscription's result at the end of a replay: realized PnL, fees paid (negative), unrealized
 * PnL at the last marks, their sum, and how many copies it opened and closed.
 */
public record SubscriptionFigures(BigDecimal realizedPnl, BigDecimal fees, BigDecimal unrealizedPnl,
                                  BigDecimal netPnl, int copiesOpened, int copiesClosed) {

    static SubscriptionFigures of(Engine engine, Subscription s) {
        Account a = engine.ledger().account(s.accountId());
        Valuation v = engine.ledger().valuation();
        BigDecimal fees = BigDecimal.ZERO;
        for (Transaction t : a.transactions()) {
            if (t.type() == TransactionType.FEE && s.subscriptionId().equals(t.subscriptionId())) {
                fees = fees.add(t.amount());
            }
        }
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Position p : a.positions()) {
            if (p.key().subscriptionId().equals(s.subscriptionId())) {
                unrealized = unrealized.add(v.unrealizedPnl(p));
            }
        }
        int opened = 0;
        int closed = 0;
        for (DecisionRecord d : engine.decisions().query(null, s.subscriptionId(), Integer.MAX_VALUE)) {
            if (d.outcome() == Outcome.COPIED) {
                if (d.action() == FillAction.OPEN_LONG || d.action() == FillAction.OPEN_SHORT) {
                    opened++;
                } else {
                    closed++;
                }
            }
        }
        return new SubscriptionFigures(s.realizedPnl(), fees, unrealized, s.realizedPnl().add(fees).add(unrealized),
                opened, closed);
    }
}
