package com.copyguard.core.engine;

import com.copyguard.core.command.ExpertEquityReport;
import com.copyguard.core.command.Follow;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.rules.RuleSet;

/**
 * What the engine asks of expert screening. Screening lives outside the engine package and depends
 * on it, never the other way round: it listens to applied inputs to keep each expert's history,
 * may refuse a follow, and takes expert equity reports (which belong to that history).
 */
public interface ScreeningPort extends AppliedCommandListener {

    /** Refuses {@code f} (throws a refusal) when screening says it must not be followed; returns otherwise. */
    void checkFollow(Follow f, Ledger ledger, RuleSet rules);

    /** Applies an expert's equity report to its history (and the expert's current equity in the ledger). */
    Result reportEquity(ExpertEquityReport r, Ledger ledger);

    /** Screening's state as immutable values, for snapshots and the state hash. */
    ScreeningState state();

    /** Replaces screening's state by {@code state} (of the type {@link #state()} returns), in place. */
    void restore(ScreeningState state);
}
