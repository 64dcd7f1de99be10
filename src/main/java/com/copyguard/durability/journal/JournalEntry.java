package com.copyguard.durability.journal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** One journaled input: its sequence number, the rule set version that applied it and the command JSON. */
public record JournalEntry(long seq, String ruleSet, String payload) {

    /** CRC32C over seq, rule set and payload: stored with the entry, checked on every read. */
    public long checksum() {
        CRC32C crc = new CRC32C();
        crc.update((seq + "|" + ruleSet + "|" + payload).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
