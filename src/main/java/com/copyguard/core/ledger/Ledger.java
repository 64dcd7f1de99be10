package com.copyguard.core.ledger;

import com.copyguard.core.model.Decimals;

import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.core.model.TransactionType;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * All mutable domain state, and the only code that changes it. Owned by the single writer; every
 * collection iterates in insertion or key order so that replay reproduces it exactly.
 */
public final class Ledger {
    private final Map<String, Instrument> instruments = new TreeMap<>();
    private final Map<String, Expert> experts = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, String> poolByFollower = new LinkedHashMap<>();
    private final Map<String, java.util.List<String>> subscriptionsByFollower = new LinkedHashMap<>();
    /** Accounts holding at least one position per symbol, so a price only touches its holders. */
    /** Per symbol, the accounts holding it by creation order (the number in "A<n>"), so reading them needs no sort. */
    private final Map<String, java.util.TreeMap<Long, Account>> holdersBySymbol = new TreeMap<>();
    private final MarketPrices prices = new MarketPrices();
    private final Valuation valuation = new Valuation(prices);
    private long clock;
    private long transactionSeq;
    private long subscriptionSeq;
    private long accountSeq;
    private Long lastDailyCheck;
    /** Wiring, not state: who hears about status changes and money movements. */
    private transient LedgerListener listener = LedgerListener.NONE;

    public void listen(LedgerListener l) {
        listener = l;
    }

    /**
     * Wiring, not state: told of every account whose risk figures (positions, money, settings,
     * statuses, peaks, loss periods, its instruments) may have changed, so that the risk index
     * re-evaluates it before trusting its trigger prices again.
     */
    private transient java.util.function.Consumer<Account> accountWatcher;

    public void watchAccounts(java.util.function.Consumer<Account> watcher) {
        accountWatcher = watcher;
    }

    /** Nobody follows an expert outside this ledger: the single node holds every follower. */
    public static final java.util.function.ToIntFunction<String> NO_FOLLOWERS_ELSEWHERE = expertId -> 0;

    /**
     * Wiring, not state: how many subscriptions to an expert that have not stopped live outside this
     * ledger. A cluster shard holds only its own followers; the sequencer tells it how many seats the
     * other shards hold (and have granted) when it hands over a follow, so the capacity rules count
     * the expert's followers across the cluster.
     */
    private transient java.util.function.ToIntFunction<String> followersElsewhere = NO_FOLLOWERS_ELSEWHERE;

    public void countFollowersElsewhere(java.util.function.ToIntFunction<String> elsewhere) {
        followersElsewhere = elsewhere;
    }

    /** Subscriptions to {@code expert} that have not stopped, here and (in a cluster) on every other shard. */
    public int followersEverywhere(Expert expert) {
        return expert.followers() + followersElsewhere.applyAsInt(expert.expertId());
    }

    private void changed(Account a) {
        if (accountWatcher != null && a != null) {
            accountWatcher.accept(a);
        }
    }

    /**
     * Makes the subscription and account ids this ledger mints start after {@code base} (S{base+1},
     * A{base+1}, ...). A cluster shard owns one block of ids, so any id names its shard and the
     * stateless ingress routes a request by its id alone. Only on a ledger that has minted nothing.
     */
    public void mintIdsAfter(long base) {
        if (subscriptionSeq != 0 || accountSeq != 0 || base < 0) {
            throw new IllegalStateException("ids are minted after a base only on a fresh ledger");
        }
        subscriptionSeq = base;
        accountSeq = base;
    }

    private void posted(Account a, Transaction t) {
        changed(a);
        if (t != null) {
            listener.transactionPosted(a, t);
        }
    }

    private void status(Subscription s, SubscriptionStatus to) {
        SubscriptionStatus from = s.status();
        s.setStatus(to);
        changed(accounts.get(s.accountId()));
        if (from != to) {
            listener.statusChanged(s, from);
        }
    }

    /** Who sent the input being applied; not state (the journal keeps it), so never snapshotted. */
    private transient com.copyguard.core.command.Sender sentBy;

    public com.copyguard.core.command.Sender sentBy() {
        return sentBy;
    }

    public void sentBy(com.copyguard.core.command.Sender sender) {
        this.sentBy = sender;
    }

    public long clock() {
        return clock;
    }

    /** The whole ledger as immutable values: what snapshots store and checkpoints put back. */
    public LedgerState state() {
        java.util.List<ExpertState> e = new java.util.ArrayList<>(experts.size());
        experts.values().forEach(x -> e.add(x.state()));
        java.util.List<AccountState> a = new java.util.ArrayList<>(accounts.size());
        accounts.values().forEach(x -> a.add(x.state()));
        java.util.List<SubscriptionState> s = new java.util.ArrayList<>(subscriptions.size());
        subscriptions.values().forEach(x -> s.add(x.state()));
        return new LedgerState(java.util.List.copyOf(instruments.values()), e, a, s, prices.marks(), clock,
                transactionSeq, subscriptionSeq, accountSeq, lastDailyCheck);
    }

    /**
     * Replaces the whole ledger by {@code state}, in place: whoever holds this ledger (processors,
     * views, the valuation and its prices) sees the restored one. The lookup indexes are rebuilt
     * exactly as the inputs built them: in creation order, a subscription linked to its account, its
     * expert and its follower, a pool to its follower, an account holding a symbol to its holders.
     */
    public void restore(LedgerState state) {
        instruments.clear();
        experts.clear();
        accounts.clear();
        subscriptions.clear();
        poolByFollower.clear();
        subscriptionsByFollower.clear();
        holdersBySymbol.clear();
        state.instruments().forEach(this::putInstrument);
        state.experts().forEach(x -> experts.put(x.expertId(), Expert.restore(x)));
        for (AccountState x : state.accounts()) {
            Account account = Account.restore(x);
            accounts.put(account.accountId(), account);
            if (account.isPool()) {
                poolByFollower.put(account.followerId(), account.accountId());
            }
            for (Position p : account.positions()) {
                holders(p.symbol()).put(creationOrder(account), account);
            }
        }
        for (SubscriptionState x : state.subscriptions()) {
            Subscription s = Subscription.restore(x);
            subscriptions.put(s.subscriptionId(), s);
            subscriptionsByFollower.computeIfAbsent(s.followerId(), k -> new java.util.ArrayList<>()).add(s.subscriptionId());
            accounts.get(s.accountId()).linkSubscription(s.subscriptionId());
            experts.get(s.expertId()).restoreLink(s.subscriptionId());
        }
        prices.restore(state.marks());
        clock = state.clock();
        transactionSeq = state.transactionSeq();
        subscriptionSeq = state.subscriptionSeq();
        accountSeq = state.accountSeq();
        lastDailyCheck = state.lastDailyCheck();
    }

    public void advanceClock(long time) {
        clock = Math.max(clock, time);
    }

    /** Event time of the last daily check boundary handled, or null before the first input. */
    public Long lastDailyCheck() {
        return lastDailyCheck;
    }

    public void dailyCheckDone(long boundary) {
        lastDailyCheck = boundary;
    }

    /** Puts the daily-check boundary back to {@code boundary} (null: none yet) when an input is refused. */
    public void restoreDailyCheck(Long boundary) {
        lastDailyCheck = boundary;
    }

    public MarketPrices prices() {
        return prices;
    }

    public Valuation valuation() {
        return valuation;
    }

    public void observePrice(String symbol, BigDecimal price, long time) {
        prices.observe(symbol, price, time);
    }

    // --- instruments and experts ---

    public Instrument instrument(String symbol) {
        return instruments.get(symbol);
    }

    public Collection<Instrument> instruments() {
        return Collections.unmodifiableCollection(instruments.values());
    }

    public void putInstrument(Instrument instrument) {
        instruments.put(instrument.getSymbol(), instrument);
        // a new maintenance margin rate moves every holder's liquidation price
        java.util.TreeMap<Long, Account> holders = holdersBySymbol.get(instrument.getSymbol());
        if (holders != null) {
            holders.values().forEach(this::changed);
        }
    }

    public Expert expert(String expertId) {
        return experts.get(expertId);
    }

    public Collection<Expert> experts() {
        return Collections.unmodifiableCollection(experts.values());
    }

    public Expert upsertExpert(String expertId, BigDecimal profitShareRate, BigDecimal minFollowAmount,
                               BigDecimal equity) {
        Expert e = experts.computeIfAbsent(expertId, Expert::new);
        if (profitShareRate != null) {
            e.setProfitShareRate(profitShareRate);
        }
        if (minFollowAmount != null) {
            e.setMinFollowAmount(minFollowAmount);
        }
        if (equity != null) {
            e.setEquity(equity);
        }
        return e;
    }

    public void expertOpened(Expert e, String symbol, Side side, BigDecimal qty, BigDecimal price, int leverage,
                             MarginMode marginMode, long time) {
        e.positionFor(symbol, side).open(qty, price, leverage, marginMode);
        e.markTraded(symbol, time);
        e.setLastOpenTime(time);
        e.setLastFillTime(time);
    }

    public void expertClosed(Expert e, String symbol, Side side, BigDecimal qty, long time) {
        e.positionFor(symbol, side).close(qty);
        e.dropIfClosed(symbol, side);
        e.markTraded(symbol, time);
        e.setLastFillTime(time);
    }

    // --- subscriptions and accounts ---

    public Subscription subscription(String subscriptionId) {
        return subscriptions.get(subscriptionId);
    }

    public Collection<Subscription> subscriptions() {
        return Collections.unmodifiableCollection(subscriptions.values());
    }

    public Account account(String accountId) {
        return accounts.get(accountId);
    }

    public Collection<Account> accounts() {
        return Collections.unmodifiableCollection(accounts.values());
    }

    /**
     * Accounts holding a position on any of {@code symbols}, in account creation order (so that
     * iteration is deterministic whatever the order positions were opened in).
     */
    public java.util.List<Account> holdersOf(java.util.Collection<String> symbols) {
        if (symbols.size() == 1) {
            java.util.TreeMap<Long, Account> holders = holdersBySymbol.get(symbols.iterator().next());
            return holders == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(holders.values());
        }
        java.util.TreeMap<Long, Account> merged = new java.util.TreeMap<>();
        for (String symbol : symbols) {
            java.util.TreeMap<Long, Account> holders = holdersBySymbol.get(symbol);
            if (holders != null) {
                merged.putAll(holders);
            }
        }
        return new java.util.ArrayList<>(merged.values());
    }

    private java.util.TreeMap<Long, Account> holders(String symbol) {
        return holdersBySymbol.computeIfAbsent(symbol, k -> new java.util.TreeMap<>());
    }

    /** Accounts are numbered as they are created ("A1", "A2", ...): the order every holder list keeps. */
    private static long creationOrder(Account a) {
        return Long.parseLong(a.accountId(), 1, a.accountId().length(), 10);
    }

    /** How many accounts hold a position on {@code symbol}. */
    public int holderCount(String symbol) {
        java.util.TreeMap<Long, Account> holders = holdersBySymbol.get(symbol);
        return holders == null ? 0 : holders.size();
    }

    /** Every subscription the follower ever made, oldest first. */
    public java.util.List<Subscription> subscriptionsOf(String followerId) {
        java.util.List<Subscription> out = new java.util.ArrayList<>();
        for (String id : subscriptionsByFollower.getOrDefault(followerId, java.util.List.of())) {
            out.add(subscriptions.get(id));
        }
        return out;
    }

    /** The follower's shared pool for FIXED_MARGIN and MULTIPLIER subscriptions, or null. */
    public Account poolOf(String followerId) {
        String id = poolByFollower.get(followerId);
        return id == null ? null : accounts.get(id);
    }

    public Subscription subscribe(String followerId, Expert expert, FollowMode mode, BigDecimal fixedMargin,
                                  BigDecimal multiplier, SubscriptionSettings settings, long time) {
        Account account = mode == FollowMode.SMART_RATIO ? newAccount(followerId, false) : poolFor(followerId);
        String id = "S" + (++subscriptionSeq);
        Subscription s = new Subscription(id, followerId, expert.expertId(), account.accountId(), mode, fixedMargin,
                multiplier, settings, time);
        // the trailing-drawdown peak starts at what the account holds; the follow's transfer then shifts it
        s.setPeakEquity(valuation.equity(account));
        subscriptions.put(id, s);
        subscriptionsByFollower.computeIfAbsent(followerId, k -> new java.util.ArrayList<>()).add(id);
        account.linkSubscription(id);
        expert.linkSubscription(id, followerId);
        changed(account);
        return s;
    }

    private Account poolFor(String followerId) {
        Account pool = poolOf(followerId);
        if (pool == null) {
            pool = newAccount(followerId, true);
            poolByFollower.put(followerId, pool.accountId());
        }
        return pool;
    }

    private Account newAccount(String followerId, boolean pool) {
        Account a = new Account("A" + (++accountSeq), followerId, pool);
        accounts.put(a.accountId(), a);
        return a;
    }

    public void changeSettings(Subscription s, SubscriptionSettings settings) {
        s.setSettings(settings);
        changed(accounts.get(s.accountId()));
    }

    // --- money ---

    public void deposit(Account a, BigDecimal amount, long time, String subscriptionId, String ref, boolean initial) {
        posted(a, a.post(++transactionSeq, time, TransactionType.DEPOSIT, amount, subscriptionId, ref, sentBy));
        a.addNetInvested(amount);
        shiftPeaks(a, amount);
        if (initial) {
            a.addInitialInvestment(amount);
        }
    }

    /** Opens or adds to a copy at {@code price}, locking margin and charging the taker fee. */
    public void openCopy(Subscription s, String symbol, Side side, BigDecimal qty, BigDecimal price, int leverage,
                         MarginMode marginMode, BigDecimal margin, BigDecimal feeRate, long time, String ref) {
        Account a = accounts.get(s.accountId());
        a.positionFor(new PositionKey(s.subscriptionId(), symbol, side), marginMode).add(qty, price, leverage, margin);
        changed(a);
        holders(symbol).putIfAbsent(creationOrder(a), a);
        chargeFee(a, s, qty, price, feeRate, time, ref);
    }

    /** The taker fee on {@code qty × price}, booked to the account and counted on the subscription. */
    private void chargeFee(Account a, Subscription s, BigDecimal qty, BigDecimal price, BigDecimal feeRate, long time,
                           String ref) {
        BigDecimal fee = Decimals.money(qty.multiply(price).multiply(feeRate));
        posted(a, a.post(++transactionSeq, time, TransactionType.FEE, fee.negate(), s.subscriptionId(), ref));
        s.addFee(fee);
    }

    /**
     * Closes {@code qty} of a copy at {@code price}: realizes PnL under {@code pnlType} (REALIZED_PNL,
     * or LIQUIDATION for a forced close) and charges the taker fee.
     */
    public Closed closeCopy(Subscription s, Position p, BigDecimal qty, BigDecimal price, BigDecimal feeRate,
                            TransactionType pnlType, long time, String ref) {
        Account a = accounts.get(s.accountId());
        BigDecimal pnl = Decimals.money(p.pnlOn(qty, price));
        BigDecimal released = p.reduce(qty);
        changed(a);
        p.realize(pnl);
        if (!p.isOpen()) {
            s.copyClosed(p.realizedPnl().signum() > 0);
        }
        a.dropIfClosed(p.key());
        if (!a.holds(p.symbol())) {
            java.util.TreeMap<Long, Account> holders = holdersBySymbol.get(p.symbol());
            if (holders != null) {
                holders.remove(creationOrder(a));
                if (holders.isEmpty()) {
                    // as a restore rebuilds it: only symbols someone holds have an entry
                    holdersBySymbol.remove(p.symbol());
                }
            }
        }
        posted(a, a.post(++transactionSeq, time, pnlType, pnl, s.subscriptionId(), ref));
        s.addRealizedPnl(pnl);
        chargeFee(a, s, qty, price, feeRate, time, ref);
        return new Closed(pnl, released);
    }

    /**
     * Deposits and withdrawals are neither profit nor loss: they move every trailing-drawdown peak of
     * the account's subscriptions by the same amount.
     */
    private void shiftPeaks(Account a, BigDecimal flow) {
        for (String id : a.subscriptionIds()) {
            Subscription s = subscriptions.get(id);
            if (s.peakEquity() != null) {
                s.setPeakEquity(s.peakEquity().add(flow));
            }
        }
    }

    /** Raises the subscription's trailing-drawdown peak to {@code equity} when higher (or sets the first one). */
    public void observeEquity(Subscription s, BigDecimal equity) {
        if (s.peakEquity() == null || equity.compareTo(s.peakEquity()) > 0) {
            s.setPeakEquity(equity);
            changed(accounts.get(s.accountId()));
        }
    }

    /** Starts (or restarts) the loss-limit period of {@code period} from the subscription's current figures. */
    public void beginLossPeriod(Subscription s, com.copyguard.core.model.LossPeriod period, long start, BigDecimal pnlMark,
                                BigDecimal equity) {
        s.putLossPeriod(period, new LossPeriodMark(start, period.endOf(start), pnlMark, equity));
        changed(accounts.get(s.accountId()));
    }

    public void dropLossPeriod(Subscription s, com.copyguard.core.model.LossPeriod period) {
        s.putLossPeriod(period, null);
        changed(accounts.get(s.accountId()));
    }

    public void lossLimitReached(Subscription s, com.copyguard.core.model.LossPeriod period) {
        LossPeriodMark mark = s.lossPeriod(period);
        if (mark != null) {
            mark.markReached();
            changed(accounts.get(s.accountId()));
        }
    }

    /**
     * Moves {@code delta} of margin into (positive) or out of (negative) an isolated position. The
     * balance stays: the record (MARGIN_ADDED / MARGIN_REMOVED, signed as the change of available)
     * moves no money, and used margin, available and the liquidation price follow from the position.
     */
    public void changeMargin(Subscription s, Position p, BigDecimal delta, long time, String ref) {
        Account a = accounts.get(s.accountId());
        p.adjustMargin(delta);
        changed(a);
        posted(a, a.note(++transactionSeq, time, delta.signum() > 0 ? TransactionType.MARGIN_ADDED : TransactionType.MARGIN_REMOVED,
                delta.negate(), s.subscriptionId(), ref));
    }

    public void expertMarginChanged(Expert e, String symbol, Side side, BigDecimal amount) {
        e.position(symbol, side).addMargin(amount);
    }

    public void setMaxFollowers(Expert e, Integer max) {
        e.setMaxFollowers(max);
    }

    public void withdraw(Account a, BigDecimal amount, long time, String ref) {
        BigDecimal before = a.balance();
        posted(a, a.post(++transactionSeq, time, TransactionType.WITHDRAWAL, amount.negate(), null, ref, sentBy));
        a.addNetInvested(amount.negate());
        shiftPeaks(a, amount.negate());
        // a withdrawal of unrealized profit lends what the balance does not hold: only that accrues interest
        BigDecimal lent = Decimals.min(amount, Decimals.nonNegative(amount.subtract(Decimals.nonNegative(before))));
        a.addLoan(lent);
    }

    /**
     * The platform's insurance fund covers a liquidated account's negative balance, which ends at 0:
     * a follower never owes money after a liquidation. Returns the amount covered (0 if none).
     */
    public BigDecimal coverLiquidationLoss(Account a, long time, String ref) {
        if (a.balance().signum() >= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal cover = a.balance().negate();
        posted(a, a.post(++transactionSeq, time, TransactionType.INSURANCE_COVER, cover, null, ref));
        return cover;
    }

    /** Reserves {@code amount} of the balance against pending profit share (FREEZE_DEDUCTION). */
    public void freeze(Account a, BigDecimal amount, long time, String ref) {
        posted(a, a.reserve(++transactionSeq, time, TransactionType.FREEZE_DEDUCTION, Decimals.money(amount), null, ref));
    }

    /** Releases the whole frozen reservation (FREEZE_REFUND). */
    public void refundFrozen(Account a, long time, String ref) {
        posted(a, a.reserve(++transactionSeq, time, TransactionType.FREEZE_REFUND, a.frozen().negate(), null, ref));
    }

    /** Pays {@code amount} of profit share to the expert and raises the subscription's high-water mark. */
    public void settleProfitShare(Subscription s, Expert expert, BigDecimal pending, long time, String ref) {
        Account a = accounts.get(s.accountId());
        BigDecimal amount = Decimals.money(pending);
        if (amount.signum() > 0) {
            posted(a, a.post(++transactionSeq, time, TransactionType.PROFIT_SHARE, amount.negate(), s.subscriptionId(), ref));
            expert.earnProfitShare(amount);
            s.addProfitSharePaid(amount);
        }
        s.raiseHighWaterMark(s.netRealizedPnl());
    }

    public void chargeLoanInterest(Account a, BigDecimal interest, long time, String ref) {
        posted(a, a.post(++transactionSeq, time, TransactionType.LOAN_INTEREST, Decimals.money(interest).negate(), null, ref));
    }

    public void transferOut(Account a, BigDecimal amount, long time, String subscriptionId, String ref) {
        posted(a, a.post(++transactionSeq, time, TransactionType.TRANSFER_OUT, amount.negate(), subscriptionId, ref));
        a.addNetInvested(amount.negate());
        shiftPeaks(a, amount.negate());
    }

    public void setStatus(Subscription s, SubscriptionStatus status) {
        status(s, status);
    }

    /** Stop following after the expert's closes: no new opens; finishes when the last position is closed. */
    public void closing(Subscription s, ReasonCode reason) {
        s.setStopReason(reason);
        status(s, SubscriptionStatus.CLOSING);
    }

    public void stopped(Subscription s, ReasonCode reason) {
        s.setStopReason(reason);
        status(s, SubscriptionStatus.STOPPED);
        experts.get(s.expertId()).unlinkFollower(s.followerId(), s.subscriptionId());
    }
}
