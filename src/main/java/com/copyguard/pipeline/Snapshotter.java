package com.copyguard.pipeline;

import com.copyguard.engine.Engine;

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
}
