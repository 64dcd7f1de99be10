package com.copyguard.durability.snapshot;

/** A snapshot body that does not match this build's state mappings (another version, or damaged). */
public final class StateMappingException extends RuntimeException {
    public StateMappingException(String message) {
        super(message);
    }
}
