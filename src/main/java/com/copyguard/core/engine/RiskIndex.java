package com.copyguard.core.engine;

import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.MarketPrices;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.facts.AccountRisk;
import com.copyguard.core.rules.facts.LossLimitCheck;
import com.copyguard.core.rules.facts.PositionRisk;
import com.copyguard.core.rules.facts.RuleDecision;
import com.copyguard.core.rules.facts.SubscriptionRisk;
import com.copyguard.core.rules.facts.TriggerPrices;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which accounts a price move must put through the risk rules: those whose trigger price (as the
 * rule set declares it, {@link TriggerPrices}) the new mark reached, those whose figures changed
 * since they were last evaluated, and those whose triggers the rules could not place on one symbol.
 * Every other holder of the symbol is exactly as the rules last saw it but for the mark, and the
 * mark is inside all its trigger prices, so the rules would decide nothing for it: skipping it
 * changes no decision. Selected accounts are evaluated exactly as a full scan evaluates them, so
 * over-selecting is harmless; the index only must never under-select.
 *
 * <p>Per symbol it keeps two sorted sets of (price key, account): the highest mark at or below
 * which something fires and the lowest at or above which something fires, so a tick reads only
 * the crossed entries. Keys are prices in units of 10^-8, rounded outward by one more unit, so
 * that a bound's own rounding can only widen what is selected.
 *
 * <p>A safety net: every {@code sweepEvery} ticks, and on the first tick after a daily check, the
 * tick evaluates every holder (the full scan) and counts any account the index would have skipped
 * although the rules acted on it or its equity peak rose ("index missed", which must stay 0).
 *
 * <p>Not state: it is derived from the ledger and the rule set, so it is rebuilt (everything marked
 * changed) when the rule set changes or the ledger is restored, and never snapshotted. Writer
 * thread only.
 */
final class RiskIndex {
    /** Default number of ticks between two full sweeps. */
    static final int DEFAULT_SWEEP_EVERY = 1_000;
    private static final int KEY_SCALE = 8;
    /** Beyond these a key saturates (a price past 9.2e10 is selected by every tick, which over-selects). */
    private static final BigInteger KEY_MAX = BigInteger.valueOf(Long.MAX_VALUE - 2);
    private static final BigInteger KEY_MIN = BigInteger.valueOf(Long.MIN_VALUE + 2);

    /**
     * Ticks seen, accounts they evaluated, holders they would have evaluated in a full scan, and
     * ticks that ran the full scan as the safety net (a rule set without trigger prices scans in
     * full on every tick, which counts as evaluating every holder but not as a sweep); {@code pending}:
     * accounts marked changed and not evaluated since (every selection walks them).
     */
    record Stats(long ticks, long evaluated, long holders, long sweeps, int pending) {
    }

    /** The accounts a risk pass checks, in account order, and how they were chosen. */
    record Selection(List<Account> accounts, boolean sweep, Set<Long> chosen) {
    }

    private record Bound(long key, long account) implements Comparable<Bound> {
        @Override
        public int compareTo(Bound o) {
            int c = Long.compare(key, o.key);
            return c != 0 ? c : Long.compare(account, o.account);
        }
    }

    /** One symbol's accounts by the highest "at or below" key, by the lowest "at or above" key, and those on every move. */
    private static final class SymbolBounds {
        final NavigableSet<Bound> below = new TreeSet<>();
        final NavigableSet<Bound> above = new TreeSet<>();
        final Set<Long> everyMove = new HashSet<>();
    }

    /** What the index holds for one account: per symbol its keys (Long.MIN / Long.MAX when none) and "every move". */
    private record AccountBounds(String[] symbols, long[] below, long[] above, boolean[] everyMove) {
    }

    private final Ledger ledger;
    private final EngineEvents events;
    private final Map<String, SymbolBounds> bySymbol = new HashMap<>();
    private final Map<Long, AccountBounds> byAccount = new HashMap<>();
    /** Accounts changed since the rules last evaluated them: their bounds cannot be trusted. */
    private final Set<Long> changed = new HashSet<>();
    private RuleSet builtFor;
    private RuleSet checked;
    private boolean checkedDeclares;
    private int sweepEvery = DEFAULT_SWEEP_EVERY;
    private int ticksSinceSweep;
    private boolean sweepDue;
    private long missed;
    private long ticks;
    private long evaluatedOnTicks;
    private long holdersOnTicks;
    private long sweeps;

    RiskIndex(Ledger ledger, EngineEvents events) {
        this.ledger = ledger;
        this.events = events;
        ledger.watchAccounts(a -> changed.add(number(a)));
    }

    /** Full sweeps every {@code ticks} ticks (1: every tick is a full scan). */
    void sweepEvery(int ticks) {
        if (ticks < 1) {
            throw new IllegalArgumentException("sweep interval must be at least 1 tick, not " + ticks);
        }
        sweepEvery = ticks;
    }

    /** The next tick sweeps (after a daily check). */
    void sweepNextTick() {
        sweepDue = true;
    }

    /** Accounts a sweep found that the index would have skipped, since this engine started. */
    long missed() {
        return missed;
    }

    Stats stats() {
        return new Stats(ticks, evaluatedOnTicks, holdersOnTicks, sweeps, changed.size());
    }

    /** The ledger was put back to an earlier state: nothing the index holds can be trusted. */
    void forgetAll() {
        builtFor = null;
    }

    /**
     * The accounts to evaluate for a price move ({@code tick}) or a fill on {@code symbols}, at
     * their current marks, in account order. Without trigger prices in the rule set: every holder.
     */
    Selection select(RuleSet rules, Collection<String> symbols, boolean tick) {
        if (!declares(rules)) {
            List<Account> holders = ledger.holdersOf(symbols);
            if (tick) {
                count(holders, symbols);
            }
            return new Selection(holders, false, null);
        }
        ensureBuiltFor(rules);
        boolean sweep = false;
        if (tick && (sweepDue || ++ticksSinceSweep >= sweepEvery)) {
            sweep = true;
            sweepDue = false;
            ticksSinceSweep = 0;
        }
        Set<Long> chosen = new TreeSet<>();
        for (String symbol : symbols) {
            MarketPrices.Mark mark = ledger.prices().get(symbol);
            if (mark == null) {
                // unpriced: positions are valued at their own entries, so the declared lines do not apply
                for (Account a : ledger.holdersOf(List.of(symbol))) {
                    chosen.add(number(a));
                }
                continue;
            }
            SymbolBounds b = bySymbol.get(symbol);
            if (b != null) {
                for (Bound x : b.below.tailSet(new Bound(floorKey(mark.price()), Long.MIN_VALUE), true)) {
                    chosen.add(x.account);
                }
                for (Bound x : b.above.headSet(new Bound(ceilingKey(mark.price()), Long.MAX_VALUE), true)) {
                    chosen.add(x.account);
                }
                chosen.addAll(b.everyMove);
            }
        }
        // an account holding no position has nothing a price can trigger, and a tick or fill only
        // evaluates holders: it leaves the changed set here (opening a position marks it changed
        // again). Left in, every account that never traded stayed in the set, and each selection
        // walked all of them: O(accounts) per input on a platform of 100,000 subscriptions.
        for (java.util.Iterator<Long> it = changed.iterator(); it.hasNext(); ) {
            Long n = it.next();
            Account a = ledger.account("A" + n);
            if (a == null || a.positions().isEmpty()) {
                it.remove();
            } else {
                chosen.add(n);
            }
        }
        List<Account> accounts = new ArrayList<>();
        for (Long n : chosen) {
            Account a = ledger.account("A" + n);
            if (a != null && holdsAny(a, symbols)) {
                accounts.add(a);
            }
        }
        List<Account> evaluated = sweep ? ledger.holdersOf(symbols) : accounts;
        if (tick) {
            count(evaluated, symbols);
            if (sweep) {
                sweeps++;
                events.riskIndexSwept(evaluated.size());
            }
        }
        return new Selection(evaluated, sweep, chosen);
    }

    private void count(List<Account> evaluated, Collection<String> symbols) {
        ticks++;
        evaluatedOnTicks += evaluated.size();
        for (String symbol : symbols) {
            holdersOnTicks += ledger.holderCount(symbol);
        }
    }

    /**
     * Takes the trigger prices the rules declared on {@code groups} (one per account, aligned with
     * {@code accounts}) after an evaluation; {@code selection} is how they were chosen (null: not by
     * the index). An account whose facts the rules decided on stays changed (what is applied next
     * changes it anyway).
     */
    void record(RuleSet rules, List<Account> accounts, List<? extends List<Object>> groups, Selection selection) {
        if (!declares(rules)) {
            return;
        }
        ensureBuiltFor(rules);
        int missedNow = 0;
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            long n = number(a);
            List<Object> group = groups.get(i);
            boolean decided = decided(group);
            if (selection != null && selection.sweep() && !selection.chosen().contains(n)
                    && (decided || changed.contains(n))) {
                // the rules acted on an account the index would have skipped, or its peak rose (which
                // marked it changed while its facts were built)
                missedNow++;
            }
            unindex(n);
            if (decided) {
                changed.add(n);
            } else {
                changed.remove(n);
                index(n, a, group);
            }
        }
        if (missedNow > 0) {
            missed += missedNow;
            events.riskIndexMissed(missedNow);
        }
    }

    /** True when {@code rules} declares trigger prices (cached per rule set: the check walks every rule). */
    boolean declares(RuleSet rules) {
        if (rules != checked) {
            checked = rules;
            checkedDeclares = rules.declaresTriggerPrices();
        }
        return checkedDeclares;
    }

    private void ensureBuiltFor(RuleSet rules) {
        if (builtFor != rules) {
            bySymbol.clear();
            byAccount.clear();
            changed.clear();
            for (Account a : ledger.accounts()) {
                changed.add(number(a));
            }
            builtFor = rules;
            ticksSinceSweep = 0;
        }
    }

    private static boolean decided(List<Object> group) {
        for (Object fact : group) {
            if (fact instanceof RuleDecision d && d.getReason() != null) {
                return true;
            }
        }
        return false;
    }

    private void index(long n, Account a, List<Object> group) {
        Map<String, long[]> keys = new HashMap<>(2);
        Set<String> every = new HashSet<>(2);
        for (Object fact : group) {
            TriggerPrices t = triggers(fact);
            if (t == null) {
                continue;
            }
            if (t.isEveryMove() || t.getSymbol() == null) {
                if (t.isEveryMove()) {
                    a.positions().forEach(p -> every.add(p.symbol()));
                }
                continue;
            }
            long[] k = keys.computeIfAbsent(t.getSymbol(), s -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
            if (t.getAtOrBelow() != null) {
                k[0] = Math.max(k[0], belowKey(t.getAtOrBelow()));
            }
            if (t.getAtOrAbove() != null) {
                k[1] = Math.min(k[1], aboveKey(t.getAtOrAbove()));
            }
        }
        Set<String> symbols = new HashSet<>(keys.keySet());
        symbols.addAll(every);
        if (symbols.isEmpty()) {
            return;
        }
        int size = symbols.size();
        AccountBounds b = new AccountBounds(new String[size], new long[size], new long[size], new boolean[size]);
        int i = 0;
        for (String symbol : symbols) {
            long[] k = keys.getOrDefault(symbol, new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
            b.symbols()[i] = symbol;
            b.below()[i] = k[0];
            b.above()[i] = k[1];
            b.everyMove()[i] = every.contains(symbol);
            SymbolBounds s = bySymbol.computeIfAbsent(symbol, x -> new SymbolBounds());
            if (b.everyMove()[i]) {
                s.everyMove.add(n);
            } else {
                if (k[0] != Long.MIN_VALUE) {
                    s.below.add(new Bound(k[0], n));
                }
                if (k[1] != Long.MAX_VALUE) {
                    s.above.add(new Bound(k[1], n));
                }
            }
            i++;
        }
        byAccount.put(n, b);
    }

    private void unindex(long n) {
        AccountBounds b = byAccount.remove(n);
        if (b == null) {
            return;
        }
        for (int i = 0; i < b.symbols().length; i++) {
            SymbolBounds s = bySymbol.get(b.symbols()[i]);
            if (b.everyMove()[i]) {
                s.everyMove.remove(n);
            } else {
                s.below.remove(new Bound(b.below()[i], n));
                s.above.remove(new Bound(b.above()[i], n));
            }
        }
    }

    private static TriggerPrices triggers(Object fact) {
        if (fact instanceof PositionRisk p) {
            return p.getTriggers();
        } else if (fact instanceof AccountRisk r) {
            return r.getTriggers();
        } else if (fact instanceof SubscriptionRisk s) {
            return s.getTriggers();
        } else if (fact instanceof LossLimitCheck l) {
            return l.getTriggers();
        }
        return null;
    }

    private static boolean holdsAny(Account a, Collection<String> symbols) {
        for (String s : symbols) {
            if (a.holds(s)) {
                return true;
            }
        }
        return false;
    }

    /** Account ids are "A" and a sequence number (Ledger), which is also their order. */
    static long number(Account a) {
        return Long.parseLong(a.accountId().substring(1));
    }

    /** Key of an "at or below" price, one unit above its ceiling: any mark at or below the price has a floor key at or below it. */
    private static long belowKey(BigDecimal price) {
        return saturatingKey(price, RoundingMode.CEILING, 1);
    }

    /** Key of an "at or above" price, one unit below its floor. */
    private static long aboveKey(BigDecimal price) {
        return saturatingKey(price, RoundingMode.FLOOR, -1);
    }

    private static long floorKey(BigDecimal mark) {
        return saturatingKey(mark, RoundingMode.FLOOR, 0);
    }

    private static long ceilingKey(BigDecimal mark) {
        return saturatingKey(mark, RoundingMode.CEILING, 0);
    }

    private static long saturatingKey(BigDecimal price, RoundingMode rounding, int nudge) {
        BigInteger units = price.setScale(KEY_SCALE, rounding).unscaledValue();
        if (units.compareTo(KEY_MAX) >= 0) {
            return Long.MAX_VALUE;
        }
        if (units.compareTo(KEY_MIN) <= 0) {
            return Long.MIN_VALUE;
        }
        return units.longValue() + nudge;
    }
}
