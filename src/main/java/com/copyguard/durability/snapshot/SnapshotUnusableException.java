package com.copyguard.durability.snapshot;

/**
 * A snapshot that cannot be used: damaged (checksum), written for another journal, or written by a
 * build whose state classes differ. Recovery then falls back to an older snapshot or a full replay;
 * the journal is the truth and a snapshot only a shortcut through it.
 */
public final class SnapshotUnusableException extends Exception {
    public SnapshotUnusableException(String message) {
        super(message);
    }

    public SnapshotUnusableException(String message, Throwable cause) {
        super(message, cause);
    }
}
