package com.copyguard.durability.snapshot;

import com.copyguard.core.engine.Engine;
import com.copyguard.durability.journal.Journal;
import com.copyguard.durability.writer.Snapshotter;

/** Snapshots into a {@link SnapshotStore}, tied to the journal entry they follow. */
public final class FileSnapshotter implements Snapshotter {
    private final SnapshotStore store;
    private final Journal journal;
    private final long interval;

    public FileSnapshotter(SnapshotStore store, Journal journal, long interval) {
        this.store = store;
        this.journal = journal;
        this.interval = interval;
    }

    @Override
    public SnapshotTaken snapshot(Engine engine, long seq) throws Exception {
        long started = System.nanoTime();
        long crc = journal.checksumAt(seq).orElse(0);
        SnapshotMeta meta = store.write(engine, seq, engine.rules().get().version(), crc);
        return new SnapshotTaken(seq, meta.stateHash(), meta.bodyBytes(), System.nanoTime() - started);
    }

    @Override
    public long interval() {
        return interval;
    }
}
