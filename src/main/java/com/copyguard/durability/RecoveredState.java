package com.copyguard.durability;

import com.copyguard.core.engine.Engine;
import com.copyguard.durability.journal.JournalCheck;

/**
 * The outcome of recovery: the engine at journal position {@code seq}, rebuilt from the snapshot at
 * {@code snapshotSeq} (0: none, full replay) plus {@code replayed} journal entries.
 */
public record RecoveredState(Engine engine, long seq, long snapshotSeq, long replayed, JournalCheck journalCheck,
                             long millis) {
}
