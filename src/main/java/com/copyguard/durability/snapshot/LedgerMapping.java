package com.copyguard.durability.snapshot;

import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.LossPeriod;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.ledger.AccountState;
import com.copyguard.core.ledger.ExpertPositionState;
import com.copyguard.core.ledger.ExpertState;
import com.copyguard.core.ledger.LedgerState;
import com.copyguard.core.ledger.LossPeriodState;
import com.copyguard.core.ledger.MarketPrices;
import com.copyguard.core.ledger.PositionKey;
import com.copyguard.core.ledger.PositionState;
import com.copyguard.core.ledger.SubscriptionState;
import com.copyguard.core.ledger.Transaction;
import java.io.IOException;

/** The ledger: instruments, experts, accounts with positions and transactions, subscriptions, marks, counters. */
final class LedgerMapping {
    private LedgerMapping() {
    }

    static void write(StateOutput out, LedgerState s) throws IOException {
        out.start();
        out.list(s.instruments(), LedgerMapping::instrument);
        out.list(s.experts(), LedgerMapping::expert);
        out.list(s.accounts(), LedgerMapping::account);
        out.list(s.subscriptions(), LedgerMapping::subscription);
        out.map(s.marks(), LedgerMapping::mark);
        out.number(s.clock());
        out.number(s.transactionSeq());
        out.number(s.subscriptionSeq());
        out.number(s.accountSeq());
        out.nullableNumber(s.lastDailyCheck());
        out.end();
    }

    static LedgerState read(StateInput in) throws IOException {
        in.start();
        LedgerState s = new LedgerState(in.list(LedgerMapping::instrument), in.list(LedgerMapping::expert),
                in.list(LedgerMapping::account), in.list(LedgerMapping::subscription), in.map(LedgerMapping::mark),
                in.number(), in.number(), in.number(), in.number(), in.nullableNumber());
        in.end();
        return s;
    }

    private static void instrument(StateOutput out, Instrument i) throws IOException {
        out.start();
        out.string(i.getSymbol());
        out.decimal(i.getMinQty());
        out.decimal(i.getQtyStep());
        out.number(i.getMaxLeverage());
        out.decimal(i.getTakerFeeRate());
        out.decimal(i.getMaintenanceMarginRate());
        out.decimal(i.getFollowNotionalLimit());
        out.end();
    }

    private static Instrument instrument(StateInput in) throws IOException {
        in.start();
        Instrument i = new Instrument(in.string(), in.decimal(), in.decimal(), in.intNumber(), in.decimal(),
                in.decimal(), in.decimal());
        in.end();
        return i;
    }

    private static void expert(StateOutput out, ExpertState e) throws IOException {
        out.start();
        out.string(e.expertId());
        out.decimal(e.profitShareRate());
        out.decimal(e.minFollowAmount());
        out.decimal(e.equity());
        out.list(e.positions(), LedgerMapping::expertPosition);
        out.map(e.firstTraded(), StateOutput::nullableNumber);
        out.map(e.activeByFollower(), StateOutput::string);
        out.nullableNumber(e.lastOpenTime());
        out.nullableNumber(e.lastFillTime());
        out.decimal(e.profitShareEarned());
        out.nullableNumber(e.maxFollowers());
        out.end();
    }

    private static ExpertState expert(StateInput in) throws IOException {
        in.start();
        ExpertState e = new ExpertState(in.string(), in.decimal(), in.decimal(), in.decimal(),
                in.list(LedgerMapping::expertPosition), in.map(StateInput::nullableNumber), in.map(StateInput::string),
                in.nullableNumber(), in.nullableNumber(), in.decimal(), in.nullableInt());
        in.end();
        return e;
    }

    private static void expertPosition(StateOutput out, ExpertPositionState p) throws IOException {
        out.start();
        out.string(p.symbol());
        out.constant(p.side());
        out.decimal(p.qty());
        out.decimal(p.entryPrice());
        out.number(p.leverage());
        out.constant(p.marginMode());
        out.decimal(p.addedMargin());
        out.end();
    }

    private static ExpertPositionState expertPosition(StateInput in) throws IOException {
        in.start();
        ExpertPositionState p = new ExpertPositionState(in.string(), in.constant(Side.class), in.decimal(),
                in.decimal(), in.intNumber(), in.constant(MarginMode.class), in.decimal());
        in.end();
        return p;
    }

    private static void account(StateOutput out, AccountState a) throws IOException {
        out.start();
        out.string(a.accountId());
        out.string(a.followerId());
        out.bool(a.pool());
        out.decimal(a.balance());
        out.decimal(a.frozen());
        out.decimal(a.netInvested());
        out.decimal(a.initialInvestment());
        out.decimal(a.loan());
        out.list(a.positions(), LedgerMapping::position);
        out.list(a.transactions(), LedgerMapping::transaction);
        out.end();
    }

    private static AccountState account(StateInput in) throws IOException {
        in.start();
        AccountState a = new AccountState(in.string(), in.string(), in.bool(), in.decimal(), in.decimal(),
                in.decimal(), in.decimal(), in.decimal(), in.list(LedgerMapping::position),
                in.list(LedgerMapping::transaction));
        in.end();
        return a;
    }

    private static void position(StateOutput out, PositionState p) throws IOException {
        out.start();
        out.string(p.key().subscriptionId());
        out.string(p.key().symbol());
        out.constant(p.key().side());
        out.constant(p.marginMode());
        out.decimal(p.qty());
        out.decimal(p.entryPrice());
        out.number(p.leverage());
        out.decimal(p.margin());
        out.decimal(p.realizedPnl());
        out.end();
    }

    private static PositionState position(StateInput in) throws IOException {
        in.start();
        PositionState p = new PositionState(new PositionKey(in.string(), in.string(), in.constant(Side.class)),
                in.constant(MarginMode.class), in.decimal(), in.decimal(), in.intNumber(), in.decimal(), in.decimal());
        in.end();
        return p;
    }

    private static void transaction(StateOutput out, Transaction t) throws IOException {
        out.start();
        out.number(t.seq());
        out.number(t.time());
        out.constant(t.type());
        out.decimal(t.amount());
        out.string(t.subscriptionId());
        out.string(t.ref());
        SenderMapping.write(out, t.requestedBy());
        out.end();
    }

    private static Transaction transaction(StateInput in) throws IOException {
        in.start();
        Transaction t = new Transaction(in.number(), in.number(), in.constant(TransactionType.class), in.decimal(),
                in.string(), in.string(), SenderMapping.read(in));
        in.end();
        return t;
    }

    private static void subscription(StateOutput out, SubscriptionState s) throws IOException {
        out.start();
        out.string(s.subscriptionId());
        out.string(s.followerId());
        out.string(s.expertId());
        out.string(s.accountId());
        out.constant(s.mode());
        out.decimal(s.fixedMargin());
        out.decimal(s.multiplier());
        out.number(s.startTime());
        SettingsMapping.write(out, s.settings());
        out.constant(s.status());
        out.decimal(s.realizedPnl());
        out.decimal(s.fees());
        out.decimal(s.highWaterMark());
        out.decimal(s.profitSharePaid());
        out.constant(s.stopReason());
        out.decimal(s.peakEquity());
        out.list(s.lossPeriods(), LedgerMapping::lossPeriod);
        out.number(s.closedCopies());
        out.number(s.profitableCopies());
        out.end();
    }

    private static SubscriptionState subscription(StateInput in) throws IOException {
        in.start();
        SubscriptionState s = new SubscriptionState(in.string(), in.string(), in.string(), in.string(),
                in.constant(FollowMode.class), in.decimal(), in.decimal(), in.number(), SettingsMapping.read(in),
                in.constant(SubscriptionStatus.class), in.decimal(), in.decimal(), in.decimal(), in.decimal(),
                in.constant(ReasonCode.class), in.decimal(), in.list(LedgerMapping::lossPeriod), in.number(),
                in.number());
        in.end();
        return s;
    }

    private static void lossPeriod(StateOutput out, LossPeriodState p) throws IOException {
        out.start();
        out.constant(p.period());
        out.number(p.start());
        out.number(p.end());
        out.decimal(p.startPnl());
        out.decimal(p.startEquity());
        out.bool(p.reached());
        out.end();
    }

    private static LossPeriodState lossPeriod(StateInput in) throws IOException {
        in.start();
        LossPeriodState p = new LossPeriodState(in.constant(LossPeriod.class), in.number(), in.number(), in.decimal(),
                in.decimal(), in.bool());
        in.end();
        return p;
    }

    private static void mark(StateOutput out, MarketPrices.Mark m) throws IOException {
        out.start();
        out.decimal(m.price());
        out.number(m.time());
        out.end();
    }

    private static MarketPrices.Mark mark(StateInput in) throws IOException {
        in.start();
        MarketPrices.Mark m = new MarketPrices.Mark(in.decimal(), in.number());
        in.end();
        return m;
    }
}
