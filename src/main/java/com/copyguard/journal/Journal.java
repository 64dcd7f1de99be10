package com.copyguard.journal;

import java.util.List;
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

    @Override
    void close();
}
