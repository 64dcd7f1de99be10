package com.copyguard.durability.journal;

/**
 * What a start-up check of the whole journal found: how many entries are intact, the last intact
 * sequence number, and the torn last entry that was dropped ({@code droppedSeq}, 0 when none).
 */
public record JournalCheck(long entries, long lastSeq, long droppedSeq, String droppedReason) {
    public boolean droppedTornTail() {
        return droppedSeq > 0;
    }
}
