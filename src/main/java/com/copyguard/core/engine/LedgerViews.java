package com.copyguard.core.engine;

import com.copyguard.core.model.Instrument;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.ledger.Transaction;
import com.copyguard.core.ledger.Valuation;
import java.util.ArrayList;
import java.util.List;

/** The views of the ledger's entities, valued at the current marks. */
public final class LedgerViews {
    private final Ledger ledger;
    private final ProfitShare profitShare;

    public LedgerViews(Ledger ledger, ProfitShare profitShare) {
        this.ledger = ledger;
        this.profitShare = profitShare;
    }

    public InstrumentView instrument(Instrument i) {
        return InstrumentView.of(i);
    }

    public List<InstrumentView> instruments() {
        return ledger.instruments().stream().map(InstrumentView::of).toList();
    }

    public ExpertView expert(Expert e) {
        return ExpertView.of(e);
    }

    public SubscriptionView subscription(Subscription s) {
        Valuation v = ledger.valuation();
        List<PositionView> positions = new ArrayList<>();
        Account a = ledger.account(s.accountId());
        for (Position p : a.positions()) {
            if (!p.key().subscriptionId().equals(s.subscriptionId())) {
                continue;
            }
            PositionTriggers t = PositionTriggers.of(p,
                    ledger.instrument(p.symbol()).getMaintenanceMarginRate(), s.settings());
            positions.add(new PositionView(p.symbol(), p.side(), p.qty(), p.entryPrice(), p.leverage(), p.marginMode(),
                    p.margin(), v.mark(p), v.unrealizedPnl(p), t.liquidationPrice(), t.stopLossPrice(),
                    t.takeProfitPrice()));
        }
        return new SubscriptionView(s.subscriptionId(), s.followerId(), s.expertId(), s.accountId(), s.mode(),
                s.fixedMargin(), s.multiplier(), s.status(), SettingsView.of(s.settings()), List.copyOf(positions),
                s.realizedPnl(), s.fees(), s.netRealizedPnl(), s.highWaterMark(), profitShare.pending(s),
                s.profitSharePaid(), s.startTime(), s.stopReason());
    }

    public AccountView account(Account a) {
        Valuation v = ledger.valuation();
        return new AccountView(a.accountId(), a.followerId(), a.isPool(), a.balance(), v.equity(a), v.unrealizedPnl(a),
                v.usedMargin(a), a.frozen(), v.available(a), a.netInvested(), profitShare.pending(a),
                a.initialInvestment(), a.loan(), List.copyOf(a.subscriptionIds()));
    }

    public List<TransactionView> transactions(Account a) {
        List<TransactionView> out = new ArrayList<>(a.transactions().size());
        for (Transaction t : a.transactions()) {
            out.add(TransactionView.of(t));
        }
        return out;
    }
}
