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

    /** A snapshot of the state after journal entry {@code seq} was written ({@code bytes} uncompressed). */
    default void snapshotWritten(long seq, long bytes, long nanos) {
    }

    default void snapshotFailed(String message) {
    }
}
