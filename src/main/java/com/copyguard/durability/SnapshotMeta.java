package com.copyguard.durability;

import java.util.List;

/**
 * The trailer of a snapshot file. {@code stateHash} is the state hash of the engine at
 * {@code seq} (the same digest GET /state/hash reports); {@code journalEntryCrc} is the stored
 * checksum of journal entry {@code seq}, which ties the snapshot to this journal; {@code bodyBytes}
 * is the size of the uncompressed state encoding; {@code classes}
 * are the shapes of the state classes as they were when it was written.
 */
public record SnapshotMeta(int format, long seq, String ruleSet, String stateHash, long journalEntryCrc,
                           String compression, long bodyBytes, List<String> classes) {
    public static final int FORMAT = 1;
}
