package com.copyguard.durability.writer;

import com.copyguard.core.engine.Engine;

/**
 * Writes snapshots for the {@link SingleWriter}. Called on the writer thread between batches, after
 * the journal commit, so the engine is exactly the state after journal entry {@code seq}.
 */
public interface Snapshotter {
    Snapshotter NONE = new Snapshotter() {
        @Override
        public SnapshotTaken snapshot(Engine engine, long seq) {
            throw new IllegalStateException("snapshots are not enabled");
        }

        @Override
        public long interval() {
            return 0;
        }
    };

    /** A snapshot that was written: journal position, state hash, uncompressed size and time taken. */
    record SnapshotTaken(long seq, String stateHash, long bytes, long nanos) {
    }

    SnapshotTaken snapshot(Engine engine, long seq) throws Exception;

    /** Journal entries between periodic snapshots; 0 for none (only on request and at shutdown). */
    long interval();

    /**
     * A snapshot pauses the writer for a time that grows with the state (seconds for millions of
     * inputs), so a periodic one also waits until {@code timeShare} times the last snapshot's
     * duration has passed since it: snapshots then take at most about 1/timeShare of the writer's
     * time. 0 disables this pacing.
     */
    default long timeShare() {
        return 10;
    }
}
