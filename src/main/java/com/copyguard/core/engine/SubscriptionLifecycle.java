package com.copyguard.core.engine;

import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Closing positions at market and ending subscriptions: the Java side of stop loss, guardian,
 * liquidation, manual close and stop following. It applies what rules or users decided; it decides
 * nothing itself.
 */
final class SubscriptionLifecycle {
    private final Ledger ledger;
    private final ProfitShare profitShare;
    private final RiskLog riskLog;
    private final EngineEvents events;

    SubscriptionLifecycle(Ledger ledger, ProfitShare profitShare, RiskLog riskLog, EngineEvents events) {
        this.ledger = ledger;
        this.profitShare = profitShare;
        this.riskLog = riskLog;
        this.events = events;
    }

    /** Closes one whole position at the current mark and logs the action. */
    RiskActionRecord closeAtMarket(Subscription s, Position p, String action, ReasonCode reason, String ruleSet,
                                   List<String> rulesFired, Map<String, String> explanation, long time, String ref) {
        Instrument instrument = ledger.instrument(p.symbol());
        BigDecimal price = ledger.valuation().mark(p);
        BigDecimal qty = p.qty();
        TransactionType pnlType = reason == ReasonCode.LIQUIDATION ? TransactionType.LIQUIDATION : TransactionType.REALIZED_PNL;
        BigDecimal pnl = ledger.closeCopy(s, p, qty, price, instrument.getTakerFeeRate(), pnlType, time, ref).realizedPnl();
        return logged(new RiskActionRecord(s.subscriptionId(), s.accountId(), p.symbol(), p.side(), action, reason,
                qty, price, pnl, ruleSet, rulesFired, explanation, time, ref, ledger.sentBy()));
    }

    /** Logs an action (risk log and events): also used for margin changes. */
    RiskActionRecord logged(RiskActionRecord r) {
        riskLog.add(r);
        events.riskAction(r);
        return r;
    }

    /** Closes every open position of the subscription at market. */
    List<RiskActionRecord> closeAll(Subscription s, String action, ReasonCode reason, String ruleSet,
                                    List<String> rulesFired, Map<String, String> explanation, long time, String ref) {
        Account a = ledger.account(s.accountId());
        List<RiskActionRecord> out = new ArrayList<>();
        for (Position p : List.copyOf(a.positions())) {
            if (p.key().subscriptionId().equals(s.subscriptionId())) {
                out.add(closeAtMarket(s, p, action, reason, ruleSet, rulesFired, explanation, time, ref));
            }
        }
        return out;
    }

    /**
     * Ends a subscription whose positions are all closed: settles its profit share, and for a
     * dedicated account releases any freeze and transfers the rest out. A shared pool stays.
     */
    void finish(Subscription s, ReasonCode reason, long time, String ref) {
        Account a = ledger.account(s.accountId());
        profitShare.settle(s, time, ref);
        if (!a.isPool()) {
            ledger.refundFrozen(a, time, ref);
            if (a.balance().signum() > 0) {
                ledger.transferOut(a, a.balance(), time, s.subscriptionId(), ref);
            }
        }
        ledger.stopped(s, reason);
    }

    /** Stop following with a market close: close everything now, then finish. */
    List<RiskActionRecord> stopWithMarketClose(Subscription s, ReasonCode reason, String ruleSet, List<String> rulesFired,
                                               Map<String, String> explanation, long time, String ref) {
        List<RiskActionRecord> out = new ArrayList<>(closeAll(s, RiskActionRecord.CLOSE, reason, ruleSet, rulesFired,
                explanation, time, ref));
        finish(s, reason, time, ref);
        out.add(logged(new RiskActionRecord(s.subscriptionId(), s.accountId(), null, null, RiskActionRecord.STOP,
                reason, null, null, null, ruleSet, rulesFired, explanation, time, ref, ledger.sentBy())));
        return out;
    }

    /** A CLOSING subscription finishes once its last position has been closed. */
    void finishIfDrained(Subscription s, long time, String ref) {
        if (s.status() == SubscriptionStatus.CLOSING && !ledger.account(s.accountId()).hasPositions(s.subscriptionId())) {
            finish(s, s.stopReason() == null ? ReasonCode.STOP_FOLLOWING : s.stopReason(), time, ref);
        }
    }
}
