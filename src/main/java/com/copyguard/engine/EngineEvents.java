package com.copyguard.engine;

import com.copyguard.command.Command;
import java.util.List;

/**
 * What the engine and its writer report as they work, for metrics and structured logs. Called on
 * the writer thread: implementations must be quick and must never throw or touch engine state.
 */
public interface EngineEvents {
    EngineEvents NONE = new EngineEvents() {
    };

    /** A fill was decided for every subscription; {@code nanos} from start of processing to last decision. */
    default void fillDecided(com.copyguard.command.ExpertFill fill, List<DecisionRecord> decisions, long nanos) {
    }

    /** A risk action was taken (position closed or liquidated, subscription stopped). */
    default void riskAction(RiskActionRecord action) {
    }

    /**
     * Rules failed after the input had already changed state (risk rules after a fill or price), so
     * the input stands and the failure is reported here instead of refusing it.
     */
    default void ruleFailure(String code, String message) {
    }

    /** An input was applied (changed state) or refused. */
    default void inputApplied(Command command, Reply reply, long nanos) {
    }

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
}
