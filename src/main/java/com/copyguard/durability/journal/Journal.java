package com.copyguard.durability.journal;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Durable, ordered log of applied inputs. The seam where a distributed log can replace the local
 * SQLite file: the writer only needs atomic batch append and ordered read-back.
 */
public interface Journal extends AutoCloseable {
    /** Appends the batch atomically and durably; returns only once it is committed. */
    void append(List<JournalEntry> batch) throws JournalException;

    /** Streams entries with seq greater than {@code afterSeq}, in order. */
    void readAfter(long afterSeq, Consumer<JournalEntry> consumer) throws JournalException;

    long lastSeq();

    /**
     * The last entry at or before {@code atOrBefore} whose command has the given type name, or
     * empty. Used to restore the rule set that was active at a snapshot.
     */
    default Optional<JournalEntry> lastOfType(String type, long atOrBefore) throws JournalException {
        JournalEntry[] found = {null};
        String prefix = "{\"type\":\"" + type + "\"";
        readAfter(0, e -> {
            if (e.seq() <= atOrBefore && e.payload().startsWith(prefix)) {
                found[0] = e;
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * Checks every entry before recovery: a damaged last entry (a torn write) is dropped with a
     * warning, removed from the store when {@code repair} is true; a damaged or missing entry
     * anywhere else throws {@link JournalException}, because replaying past it would silently lose
     * or invent state.
     */
    default JournalCheck verify(boolean repair) throws JournalException {
        return new JournalCheck(lastSeq(), lastSeq(), 0, null);
    }

    /** The stored checksum of entry {@code seq}, if this journal keeps one; snapshots record it. */
    default OptionalLong checksumAt(long seq) throws JournalException {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
