package com.copyguard.durability;

/**
 * Snapshot policy. {@code snapshotEvery}: journal entries between periodic snapshots (0: only on
 * request and at shutdown); {@code snapshotsKept}: newest snapshot files kept on disk.
 */
public record DurabilitySettings(long snapshotEvery, int snapshotsKept) {
    public static final DurabilitySettings DEFAULTS = new DurabilitySettings(100_000, 2);

    public DurabilitySettings {
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshotEvery must be >= 0");
        }
        if (snapshotsKept < 1) {
            throw new IllegalArgumentException("snapshotsKept must be >= 1");
        }
    }

    public DurabilitySettings withSnapshotEvery(long every) {
        return new DurabilitySettings(every, snapshotsKept);
    }
}
