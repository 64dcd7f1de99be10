package com.copyguard.pipeline;

import com.copyguard.command.Command;
import com.copyguard.engine.Engine;
import com.copyguard.journal.CommandCodec;
import com.copyguard.journal.Journal;
import com.copyguard.journal.JournalException;

/** Rebuilds engine state by re-applying the journal in order: replay is the oracle. */
public final class Recovery {
    private Recovery() {
    }

    /** Replays every entry after {@code afterSeq}; returns how many were applied. */
    public static long replay(Journal journal, Engine engine, long afterSeq) throws JournalException {
        long[] count = {0};
        journal.readAfter(afterSeq, entry -> {
            Command c = CommandCodec.decode(entry.payload());
            engine.apply(c);
            count[0]++;
        });
        return count[0];
    }
}
