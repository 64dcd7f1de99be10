package com.copyguard.durability.journal;

/** The journal could not store or read entries; the service must stop rather than go on undurable. */
public final class JournalException extends Exception {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
