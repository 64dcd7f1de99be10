package com.copyguard.durability.snapshot;

import com.copyguard.durability.snapshot.SnapshotFormat;

/**
 * The trailer of a snapshot file. {@code format} is the state mappings' version
 * ({@link SnapshotFormat#VERSION}, also in the file's header); {@code stateHash} is the state hash
 * of the engine at {@code seq} (the same digest GET /state/hash reports); {@code journalEntryCrc}
 * is the stored checksum of journal entry {@code seq}, which ties the snapshot to this journal;
 * {@code bodyBytes} is the size of the uncompressed state encoding.
 */
public record SnapshotMeta(int format, long seq, String ruleSet, String stateHash, long journalEntryCrc,
                           String compression, long bodyBytes) {
    public static final int FORMAT = SnapshotFormat.VERSION;
}
