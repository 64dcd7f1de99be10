package com.copyguard.durability.replay;

import com.copyguard.core.command.Command;
import com.copyguard.core.command.Sender;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.durability.journal.JournalEntry;

/**
 * One input to replay: its position in the recording, the rule set version that applied it when
 * the recording says so (null otherwise), the command and who sent it (null: unknown).
 */
public record ReplayEntry(long seq, String ruleSet, Command command, Sender sender) {

    /** A journal entry, decoded. */
    public static ReplayEntry of(JournalEntry e) {
        return new ReplayEntry(e.seq(), e.ruleSet(), CommandCodec.decode(e.payload()), CommandCodec.sender(e.payload()));
    }

    /** A command with nothing recorded about it but its position. */
    public static ReplayEntry of(long seq, Command c) {
        return new ReplayEntry(seq, null, c, null);
    }
}
