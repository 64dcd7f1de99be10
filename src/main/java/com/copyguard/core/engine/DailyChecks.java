package com.copyguard.core.engine;

import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.refusal.RuleFailure;
import com.copyguard.core.rules.facts.DailyCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily check at 00:00 UTC+8, run for every such boundary that event time crosses (driven by
 * POST /clock and by the times of all other inputs). Rules decide settle/refund and loan interest.
 */
final class DailyChecks {
    static final long DAY_MS = 86_400_000L;
    /** 00:00 UTC+8 is 16:00 UTC of the previous day. */
    static final long UTC_PLUS_8_MS = 8 * 3_600_000L;
    /**
     * Boundaries one input can cross: its time may move the clock by at most
     * {@link EventTimeBounds#MAX_JUMP_DAYS}, so this bound is never reached; it only keeps the loop
     * bounded should that guarantee ever break.
     */
    static final int MAX_DAYS_PER_INPUT = EventTimeBounds.MAX_JUMP_DAYS + 2;

    private final Ledger ledger;
    private final ActiveRules rules;
    private final ProfitShare profitShare;
    private final EngineEvents events;

    DailyChecks(Ledger ledger, ActiveRules rules, ProfitShare profitShare, EngineEvents events) {
        this.ledger = ledger;
        this.rules = rules;
        this.profitShare = profitShare;
        this.events = events;
    }

    /** The latest 00:00 UTC+8 at or before {@code time}. */
    static long boundaryAtOrBefore(long time) {
        return Math.floorDiv(time + UTC_PLUS_8_MS, DAY_MS) * DAY_MS - UTC_PLUS_8_MS;
    }

    /**
     * True when {@code time} crosses a boundary and some account has something the check could move
     * (frozen money, a negative balance, pending profit share). Checks never create such an account,
     * so when none has one now, no check due up to {@code time} moves anything.
     */
    boolean wouldMoveMoney(long time) {
        if (!crosses(time)) {
            return false;
        }
        for (Account a : ledger.accounts()) {
            if (needsCheck(a, profitShare.pending(a))) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code time} crosses a 00:00 UTC+8 boundary that has not been checked yet. */
    boolean crosses(long time) {
        Long last = ledger.lastDailyCheck();
        return last != null && boundaryAtOrBefore(time) > last;
    }

    private static boolean needsCheck(Account a, BigDecimal pending) {
        return a.frozen().signum() > 0 || a.balance().signum() < 0 || pending.signum() > 0;
    }

    /** Runs every check due up to {@code time}; returns true if any boundary was crossed. */
    boolean runDue(long time) {
        long latest = boundaryAtOrBefore(time);
        Long last = ledger.lastDailyCheck();
        if (last == null) {
            // the first timed input: accounts only come into being through timed inputs, so no
            // check before this one could have had anything to do
            ledger.dailyCheckDone(latest);
            return false;
        }
        if (latest <= last) {
            return false;
        }
        long first = Math.max(last + DAY_MS, latest - (MAX_DAYS_PER_INPUT - 1) * DAY_MS);
        for (long boundary = first; boundary <= latest; boundary += DAY_MS) {
            run(boundary);
        }
        ledger.dailyCheckDone(latest);
        return true;
    }

    private void run(long boundary) {
        List<DailyCheck> checks = new ArrayList<>();
        for (Account a : ledger.accounts()) {
            BigDecimal pending = profitShare.pending(a);
            if (needsCheck(a, pending)) {
                checks.add(new DailyCheck(a.accountId(), a.hasOpenPositions(), a.balance(), a.frozen(), pending,
                        a.loan()));
            }
        }
        try {
            RuleEvaluator.evaluate(rules.get(), checks);
        } catch (RuleFailure e) {
            events.ruleFailure(e.errorCode(), e.getMessage());
            return;
        }
        String ref = "daily@" + boundary;
        for (DailyCheck d : checks) {
            Account a = ledger.account(d.getAccountId());
            if (Boolean.TRUE.equals(d.getSettle())) {
                for (String id : a.subscriptionIds()) {
                    Subscription s = ledger.subscription(id);
                    profitShare.settle(s, boundary, ref);
                }
                ledger.refundFrozen(a, boundary, ref);
            }
            if (d.getInterest() != null && d.getInterest().signum() > 0) {
                ledger.chargeLoanInterest(a, d.getInterest(), boundary, ref);
            }
        }
    }
}
