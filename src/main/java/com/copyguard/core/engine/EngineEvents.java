package com.copyguard.core.engine;

import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.refusal.RuleFailure;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.ledger.LedgerListener;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the engine and its writer report as they work, for metrics and structured logs
 * (com.copyguard.observability). Called on the writer thread, except
 * {@link #rulesActivationFailed} which a compiling worker may call: implementations must be quick,
 * must never throw and must never touch engine state. Every method has a no-op default so callers
 * add events freely. The ledger's own changes (status, money movements) arrive through
 * {@link LedgerListener}.
 */
public interface EngineEvents extends LedgerListener {
    EngineEvents NONE = new EngineEvents() {
    };

    /** An input left the writer's queue after waiting {@code queuedNanos}; it is applied next. */
    default void inputDequeued(Command command, long queuedNanos) {
    }

    /** A fill was decided for every subscription; {@code nanos} from start of processing to last decision. */
    default void fillDecided(ExpertFill fill, List<DecisionRecord> decisions, long nanos) {
    }

    /**
     * A risk action was taken (position closed or liquidated, subscription stopped). Metrics count
     * it by {@code action} and {@code reason} only, never by its ids; logs keep the ids.
     */
    default void riskAction(RiskActionRecord action) {
    }

    /**
     * Rules failed after the input had already changed state (risk rules after a fill or price), so
     * the input stands and the failure is reported here instead of refusing it.
     */
    default void ruleFailure(String code, String message) {
    }

    /**
     * A full risk sweep found {@code accounts} accounts the risk index would have skipped although
     * the rules acted on them (or their equity peak rose): the declared trigger prices missed them.
     * Must never happen; counted and logged.
     */
    default void riskIndexMissed(int accounts) {
    }

    /**
     * A price tick ran the full risk scan over {@code accounts} holders instead of the risk index's
     * selection: the periodic safety net ({@code --risk-sweep-every}) or the first tick after a
     * daily check. Only rule sets that declare trigger prices sweep.
     */
    default void riskIndexSwept(int accounts) {
    }

    /** An input was applied (changed state) or refused. */
    default void inputApplied(Command command, Result result, long nanos) {
    }

    /** An input was refused with {@code errorCode} (an InputRefused/RuleFailure code, or INTERNAL_ERROR). */
    default void inputRefused(Command command, String errorCode) {
    }

    /** A batch of {@code size} entries was committed to the journal in {@code nanos}. */
    default void batchCommitted(int size, long nanos) {
    }

    default void commitFailed(String message) {
    }

    /**
     * A rule set version became active: a live activation, or a journaled one being replayed. The
     * seam for snapshots on rule changes; the new set is {@code engine.rules().get()}.
     */
    default void rulesActivated(String version, String previousVersion) {
    }

    /**
     * An activation of {@code version} failed with {@code code} (RULES_INVALID: it does not
     * compile) and the active set stays. May be called off the writer thread (rule compilation runs
     * on a worker).
     */
    default void rulesActivationFailed(String version, String code) {
    }

    /**
     * Pending profit share of {@code amount} USDT was frozen on a withdrawal request (SPEC.md
     * "Profit-share freeze"); call once per freeze with the newly frozen amount.
     */
    default void profitShareFrozen(BigDecimal amount) {
    }

    /** A snapshot of the state after journal entry {@code seq} was written ({@code bytes} uncompressed). */
    default void snapshotWritten(long seq, long bytes, long nanos) {
    }

    default void snapshotFailed(String message) {
    }
}
