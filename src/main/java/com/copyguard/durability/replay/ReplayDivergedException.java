package com.copyguard.durability.replay;

/**
 * A journaled input, which changed state when it was first applied, was refused or failed on
 * replay: the journal cannot be reproduced by this build (non-determinism, or changed code or
 * rules), so recovering from it would yield a state nobody acknowledged.
 */
public final class ReplayDivergedException extends RuntimeException {
    private final long seq;

    public ReplayDivergedException(long seq, Throwable cause) {
        super("replay diverged at journal entry " + seq + ": " + cause, cause);
        this.seq = seq;
    }

    public long seq() {
        return seq;
    }
}
