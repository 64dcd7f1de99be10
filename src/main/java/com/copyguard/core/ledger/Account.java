package com.copyguard.core.ledger;

import com.copyguard.core.model.TransactionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A following account: a dedicated SMART_RATIO account or a follower's shared pool. The balance
 * moves only through {@link #post}, so the transaction list always adds up to it.
 */
public final class Account {
    private final String accountId;
    private final String followerId;
    private final boolean pool;
    private BigDecimal balance = BigDecimal.ZERO;
    private BigDecimal frozen = BigDecimal.ZERO;
    private BigDecimal netInvested = BigDecimal.ZERO;
    private BigDecimal initialInvestment = BigDecimal.ZERO;
    /** What withdrawals of unrealized profit left the balance short, repaid as the balance recovers. */
    private BigDecimal loan = BigDecimal.ZERO;
    private final Set<String> subscriptionIds = new LinkedHashSet<>();
    private final Map<PositionKey, Position> positions = new LinkedHashMap<>();
    private final List<Transaction> transactions = new ArrayList<>();

    Account(String accountId, String followerId, boolean pool) {
        this.accountId = accountId;
        this.followerId = followerId;
        this.pool = pool;
    }

    /** This account's state, for snapshots and checkpoints (its subscriptions are the ledger's to link). */
    AccountState state() {
        java.util.List<PositionState> open = new ArrayList<>(positions.size());
        positions.values().forEach(p -> open.add(p.state()));
        return new AccountState(accountId, followerId, pool, balance, frozen, netInvested, initialInvestment, loan, open,
                transactions);
    }

    static Account restore(AccountState s) {
        Account a = new Account(s.accountId(), s.followerId(), s.pool());
        a.balance = s.balance();
        a.frozen = s.frozen();
        a.netInvested = s.netInvested();
        a.initialInvestment = s.initialInvestment();
        a.loan = s.loan();
        for (PositionState p : s.positions()) {
            a.positions.put(p.key(), Position.restore(p));
        }
        a.transactions.addAll(s.transactions());
        return a;
    }

    Transaction post(long seq, long time, TransactionType type, BigDecimal amount, String subscriptionId, String ref) {
        return post(seq, time, type, amount, subscriptionId, ref, null);
    }

    /**
     * Moves the balance by {@code amount}; returns the record, or null when the amount is zero. A
     * movement a person asked for (deposit, withdrawal) names them in {@code requestedBy}.
     */
    Transaction post(long seq, long time, TransactionType type, BigDecimal amount, String subscriptionId, String ref,
                     com.copyguard.core.command.Sender requestedBy) {
        if (amount.signum() == 0) {
            return null;
        }
        balance = balance.add(amount);
        Transaction t = new Transaction(seq, time, type, amount, subscriptionId, ref, requestedBy);
        transactions.add(t);
        // the loan never exceeds what the balance is short: money coming in repays it first
        if (loan.signum() > 0 && loan.compareTo(balance.negate()) > 0) {
            loan = balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO;
        }
        return t;
    }

    /** The part of a negative balance that accrues loan interest (SPEC.md "Money"). */
    public BigDecimal loan() {
        return loan;
    }

    void addLoan(BigDecimal amount) {
        loan = loan.add(amount).min(balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO);
    }

    /** Records a change of the frozen reservation; balance is unchanged (frozen money stays in it). */
    Transaction reserve(long seq, long time, TransactionType type, BigDecimal delta, String subscriptionId, String ref) {
        if (delta.signum() == 0) {
            return null;
        }
        frozen = frozen.add(delta);
        Transaction t = new Transaction(seq, time, type, delta.negate(), subscriptionId, ref, null);
        transactions.add(t);
        return t;
    }

    /** Records a movement inside the account that leaves the balance as it is (margin into or out of a position). */
    Transaction note(long seq, long time, TransactionType type, BigDecimal amount, String subscriptionId, String ref) {
        if (amount.signum() == 0) {
            return null;
        }
        Transaction t = new Transaction(seq, time, type, amount, subscriptionId, ref, null);
        transactions.add(t);
        return t;
    }

    void addNetInvested(BigDecimal delta) {
        netInvested = netInvested.add(delta);
    }

    void addInitialInvestment(BigDecimal delta) {
        initialInvestment = initialInvestment.add(delta);
    }

    void linkSubscription(String subscriptionId) {
        subscriptionIds.add(subscriptionId);
    }

    Position positionFor(PositionKey key, com.copyguard.core.model.MarginMode marginMode) {
        return positions.computeIfAbsent(key, k -> new Position(k, marginMode));
    }

    void dropIfClosed(PositionKey key) {
        Position p = positions.get(key);
        if (p != null && !p.isOpen()) {
            positions.remove(key);
        }
    }

    /** The margin mode of this account's open positions on {@code symbol}, or null when it holds none. */
    public com.copyguard.core.model.MarginMode openMarginMode(String symbol) {
        for (Position p : positions.values()) {
            if (p.symbol().equals(symbol)) {
                return p.marginMode();
            }
        }
        return null;
    }

    /** True when any position of this account is on {@code symbol}. */
    public boolean holds(String symbol) {
        for (PositionKey k : positions.keySet()) {
            if (k.symbol().equals(symbol)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasOpenPositions() {
        return !positions.isEmpty();
    }

    public boolean hasPositions(String subscriptionId) {
        for (PositionKey k : positions.keySet()) {
            if (k.subscriptionId().equals(subscriptionId)) {
                return true;
            }
        }
        return false;
    }

    public Position position(PositionKey key) {
        return positions.get(key);
    }

    public Collection<Position> positions() {
        return Collections.unmodifiableCollection(positions.values());
    }

    public String accountId() {
        return accountId;
    }

    public String followerId() {
        return followerId;
    }

    public boolean isPool() {
        return pool;
    }

    public BigDecimal balance() {
        return balance;
    }

    public BigDecimal frozen() {
        return frozen;
    }

    public BigDecimal netInvested() {
        return netInvested;
    }

    public BigDecimal initialInvestment() {
        return initialInvestment;
    }

    public Set<String> subscriptionIds() {
        return Collections.unmodifiableSet(subscriptionIds);
    }

    public List<Transaction> transactions() {
        return Collections.unmodifiableList(transactions);
    }
}
